import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFilePath, resolveDatabaseUrl } from "./lib/db-url";

// The WASM schema engine ("js") lets every prisma command run without downloading a binary.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    // Every prisma command opens the database through the adapter, so its folder must exist even for `migrate diff`.
    mkdirSync(path.dirname(databaseFilePath(resolveDatabaseUrl())), { recursive: true });
    return new PrismaBetterSQLite3({ url: resolveDatabaseUrl() });
  },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
