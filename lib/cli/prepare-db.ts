// Creates the SQLite file if needed, applies the migrations, fills the market's cells of a database that has deals but
// no cells yet (lib/deals/market-cells.ts), and seeds it when it holds no deals. On PostgreSQL
// (DATABASE_URL=postgresql://…) it applies prisma/postgresql/migrations to the database the URL names.
// Usage: npm run db:migrate (migrations only) | tsx lib/cli/prepare-db.ts (migrations and seed)
// On SQLite `prisma migrate deploy` runs only when the database is behind the migrations folder: the schema engine
// takes its own lock on the file and fails ("SocketTimeout") while a running server holds the database open, so the
// operator commands that prepare the database (user:create, token:create, import) check first and, on an up-to-date
// database, migrate nothing and work beside `next start`.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath, databaseProvider, redactDatabaseUrl, resolveDatabaseUrl } from "../db-url";
import { migratePostgres, withSeedLock } from "../postgresql/migrate";
import { openDatabase } from "../prisma-client";
import { seedDatabase } from "../seed/seed-database";
import { fillChangeKindsIfUnset } from "../deals/change-kinds";
import { fillKeptTablesIfEmpty } from "../deals/market-cells";
import { parseCommandLine } from "./args";
import { binPath, elapsed, loadEnvFiles, runOrExit } from "./run";

export const SQLITE_MIGRATIONS_DIR = "prisma/migrations";

/**
 * The migrations of the folder that the SQLite database has not applied as they are (missing, unfinished, rolled
 * back, or changed since: a different sha256, Prisma's checksum). A missing file or table means all of them.
 */
export function pendingSqliteMigrations(file: string, dir = path.resolve(SQLITE_MIGRATIONS_DIR)): string[] {
  const migrations = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  if (!existsSync(file)) return migrations;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let applied: Map<string, string>;
  try {
    db.pragma("busy_timeout = 10000");
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return migrations;
    const rows = db
      .prepare("SELECT migration_name AS name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as { name: string; checksum: string }[];
    applied = new Map(rows.map((row) => [row.name, row.checksum]));
  } finally {
    db.close();
  }
  return migrations.filter((name) => {
    const checksum = createHash("sha256")
      .update(readFileSync(path.join(dir, name, "migration.sql")))
      .digest("hex");
    return applied.get(name) !== checksum;
  });
}

export async function prepareDatabase(options: { seed: boolean; quiet?: boolean }): Promise<void> {
  loadEnvFiles();
  const url = resolveDatabaseUrl();
  const started = performance.now();
  if (databaseProvider(url) === "postgresql") {
    const { applied, alreadyApplied } = await migratePostgres(url);
    if (!options.quiet)
      console.log(
        `database ${redactDatabaseUrl(url)}: ${applied.length} migrations applied (${alreadyApplied} already) in ${elapsed(started)}`,
      );
  } else {
    const file = databaseFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    const pending = pendingSqliteMigrations(file);
    if (pending.length > 0) {
      runOrExit(
        binPath("prisma"),
        ["migrate", "deploy"],
        { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        options.quiet,
      );
      if (!options.quiet) console.log(`database ${file}: ${pending.length} migrations applied in ${elapsed(started)}`);
    } else if (!options.quiet) console.log(`database ${file}: up to date, no migration to apply`);
  }
  const db = await openDatabase(url);
  try {
    // A database migrated from before the market's cells or the investors' parts existed holds deals without them:
    // they are filled once, with the queries the deal writers keep them by (lib/deals/market-cells.ts).
    const fillStart = performance.now();
    const filled =
      databaseProvider(url) === "postgresql" ? await withSeedLock(url, () => fillKeptTablesIfEmpty(db)) : await fillKeptTablesIfEmpty(db);
    if (filled.length > 0 && !options.quiet) console.log(`filled ${filled.join(", ")} from the live deals in ${elapsed(fillStart)}`);
    // Likewise the events stored before each kept what it changes (lib/deals/change-kinds.ts).
    const changesStart = performance.now();
    const changed =
      databaseProvider(url) === "postgresql" ? await withSeedLock(url, () => fillChangeKindsIfUnset(db)) : await fillChangeKindsIfUnset(db);
    if (changed && !options.quiet) console.log(`set what each lifecycle event changes in ${elapsed(changesStart)}`);
    if (!options.seed) return;
    const seedStart = performance.now();
    const result = databaseProvider(url) === "postgresql" ? await withSeedLock(url, () => seedDatabase(db)) : await seedDatabase(db);
    console.log(
      result.seeded
        ? `seeded ${result.organizations} organizations, ${result.deals} deals and ${result.events} extra lifecycle events in ${elapsed(seedStart)}`
        : `not seeding: ${result.reason}`,
    );
    if ((await db.user.count({ where: { role: "admin", disabledAt: null } })) === 0) {
      console.log(
        "No admin account yet. Create one with:\n  npm run user:create -- --email you@example.com --password '<12+ characters>' --role admin",
      );
    }
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const { values } = parseCommandLine({
    usage:
      "usage: npm run db:migrate (tsx lib/cli/prepare-db.ts --no-seed)\n  --no-seed  apply the migrations only; without it an empty database is also seeded",
    options: { "no-seed": "boolean" },
  });
  prepareDatabase({ seed: !values["no-seed"] }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
