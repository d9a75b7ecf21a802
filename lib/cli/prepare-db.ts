// Creates the SQLite file if needed, applies the migrations, and seeds it when it holds no deals. On PostgreSQL
// (DATABASE_URL=postgresql://…) it applies prisma/postgresql/migrations to the database the URL names.
// Usage: npm run db:migrate (migrations only) | tsx lib/cli/prepare-db.ts (migrations and seed)
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseFilePath, databaseProvider, redactDatabaseUrl, resolveDatabaseUrl } from "../db-url";
import { migratePostgres, withSeedLock } from "../postgresql/migrate";
import { openDatabase } from "../prisma-client";
import { seedDatabase } from "../seed/seed-database";
import { binPath, elapsed, loadEnvFiles, runOrExit } from "./run";

export async function prepareDatabase(options: { seed: boolean; quiet?: boolean }): Promise<void> {
  loadEnvFiles();
  const url = resolveDatabaseUrl();
  const started = performance.now();
  if (databaseProvider(url) === "postgresql") {
    const { applied, alreadyApplied } = await migratePostgres(url);
    if (!options.quiet) console.log(`database ${redactDatabaseUrl(url)}: ${applied.length} migrations applied (${alreadyApplied} already) in ${elapsed(started)}`);
  } else {
    const file = databaseFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    runOrExit(binPath("prisma"), ["migrate", "deploy"], { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" }, options.quiet);
    if (!options.quiet) console.log(`database ${file}: migrations applied in ${elapsed(started)}`);
  }
  if (!options.seed) return;
  const db = await openDatabase(url);
  try {
    const seedStart = performance.now();
    const result = databaseProvider(url) === "postgresql" ? await withSeedLock(url, () => seedDatabase(db)) : await seedDatabase(db);
    console.log(
      result.seeded
        ? `seeded ${result.organizations} organizations, ${result.deals} deals and ${result.events} extra lifecycle events in ${elapsed(seedStart)}`
        : `not seeding: ${result.reason}`,
    );
    if ((await db.user.count({ where: { role: "admin", disabledAt: null } })) === 0) {
      console.log("No admin account yet. Create one with:\n  npm run user:create -- --email you@example.com --password '<12+ characters>' --role admin");
    }
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  prepareDatabase({ seed: !process.argv.includes("--no-seed") }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
