import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseFilePath, databaseProvider, resolveDatabaseUrl } from "./lib/db-url";

// The WASM schema engine ("js") lets every prisma command run without downloading a binary.
// DATABASE_URL picks the provider: a postgresql:// URL uses the generated PostgreSQL schema and its own migrations
// folder (prisma/postgresql/), anything else the SQLite schema and prisma/migrations.
const postgresql = databaseProvider(resolveDatabaseUrl()) === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    const url = resolveDatabaseUrl();
    if (postgresql) return new PrismaPg({ connectionString: url });
    // Every prisma command opens the database through the adapter, so its folder must exist even for `migrate diff`.
    mkdirSync(path.dirname(databaseFilePath(url)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
  schema: postgresql ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgresql ? "prisma/postgresql/migrations" : "prisma/migrations" },
});
