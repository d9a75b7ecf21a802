import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests are pure; integration tests each get a real SQLite file migrated from prisma/migrations (or, under
// `npm run test:pg`, a fresh PostgreSQL database). The "postgresql" project (SQLite beside PostgreSQL, several app
// processes on one database) exists only when TEST_POSTGRES_URL names a server.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      ...(process.env.TEST_POSTGRES_URL
        ? [
            {
              extends: true as const,
              test: {
                name: "postgresql",
                include: ["tests/postgresql/**/*.test.ts"],
                environment: "node",
                testTimeout: 120_000,
                hookTimeout: 600_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
