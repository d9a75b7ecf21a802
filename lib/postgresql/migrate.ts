// Applies prisma/postgresql/migrations to a PostgreSQL database, in name order, each in its own transaction.
// Why not `prisma migrate deploy`: in Prisma 6.19 the WASM schema engine cannot read PostgreSQL's catalog through
// @prisma/adapter-pg ("Column type 'name' could not be deserialized", prisma/orm#27403), and the binary engine would
// need a download. The bookkeeping is Prisma's own `_prisma_migrations` table (same columns, same sha256 checksum), so
// `prisma migrate deploy` can take over once that bug is fixed. An advisory lock keeps two app processes starting at
// the same moment from applying a migration twice.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const POSTGRESQL_MIGRATIONS_DIR = "prisma/postgresql/migrations";
const LOCK_KEY = 72_707_369; // any constant shared by every process of this app
const SEED_LOCK_KEY = 72_707_370;

/**
 * Runs `work` while holding an advisory lock on the database, so that of several app processes starting at once on
 * an empty database only one seeds it (the others then find its deals and skip).
 */
export async function withSeedLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [SEED_LOCK_KEY]);
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [SEED_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

export type MigrationResult = { applied: string[]; alreadyApplied: number };

export async function migratePostgres(url: string, dir = path.resolve(POSTGRESQL_MIGRATIONS_DIR)): Promise<MigrationResult> {
  const migrations = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const byName = new Map(done.rows.map((row) => [row.migration_name, row]));
    const applied: string[] = [];
    for (const name of migrations) {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = byName.get(name);
      if (previous) {
        if (!previous.finished_at)
          throw new Error(`migration ${name} started earlier but did not finish; inspect the database before going on`);
        if (previous.checksum !== checksum) throw new Error(`migration ${name} was changed after it was applied (checksum differs)`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(error as Error).message}`);
      }
      applied.push(name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
