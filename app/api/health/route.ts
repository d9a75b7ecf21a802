import { getDb } from "@/lib/db";

type PragmaRow = Record<string, unknown>;

/**
 * GET /api/health: 200 when the database answers, 503 otherwise. For load balancers and the test server. It also
 * reports the SQLite settings the app runs with, so an operator (and a test) can see them on the live process.
 */
export async function GET() {
  try {
    const db = await getDb();
    const deals = await db.deal.count({ where: { deletedAt: null } });
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
