import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDatabaseUrl } from "./lib/db-url";

// The WASM schema engine ("js") lets every prisma command run without downloading a binary.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: resolveDatabaseUrl() }),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
