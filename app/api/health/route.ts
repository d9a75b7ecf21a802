import { getDb } from "@/lib/db";
import { databaseProvider, resolveDatabaseUrl } from "@/lib/db-url";

type PragmaRow = Record<string, unknown>;

/**
 * GET /api/health: 200 when the database answers, 503 otherwise. For load balancers and the test server. It also
 * reports the database settings the app runs with (SQLite's pragmas, or PostgreSQL's version, database, isolation
 * level and collation), so an operator (and a test) can see them on the live process.
 */
export async function GET() {
  try {
    const db = await getDb();
    const deals = await db.deal.count({ where: { deletedAt: null } });
    if (databaseProvider(resolveDatabaseUrl()) === "postgresql") {
      const [row] = (await db.$queryRawUnsafe(
        // ::text: the adapter cannot read the catalog's `name` type.
        "SELECT current_setting('server_version') AS version, current_database()::text AS database, current_setting('transaction_isolation') AS isolation, datcollate::text AS collation FROM pg_database WHERE datname = current_database()",
      )) as { version: string; database: string; isolation: string; collation: string }[];
      return Response.json({ status: "ok", deals, postgresql: row });
    }
    const pragma = async (name: string) => Object.values(((await db.$queryRawUnsafe(`PRAGMA ${name}`)) as PragmaRow[])[0] ?? {})[0];
    const sqlite = {
      journalMode: String(await pragma("journal_mode")),
      busyTimeoutMs: Number(await pragma("busy_timeout")),
      synchronous: Number(await pragma("synchronous")),
      foreignKeys: Number(await pragma("foreign_keys")) === 1,
    };
    return Response.json({ status: "ok", deals, sqlite });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
