// Several app processes started at once on an empty PostgreSQL database: each runs the migrations and the seed step
// of `npm start`, and the database ends up migrated once and seeded once. Run by `npm run test:pg`.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrganizations } from "@/prisma/seed/organizations";
import { seedRows } from "../support/seed-csv";
import { createTestDb, testPostgresUrl, type TestDb } from "../support/test-db";

const onPostgres = testPostgresUrl() !== null;
let t: TestDb;

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestDb();
  // Start from an empty database: no tables, no migrations recorded.
  await t.db.$executeRawUnsafe("DROP SCHEMA public CASCADE");
  await t.db.$executeRawUnsafe("CREATE SCHEMA public");
  await t.db.$disconnect();
});
afterAll(async () => {
  await t?.dispose();
});

describe.skipIf(!onPostgres)("several processes preparing one empty PostgreSQL database at once", () => {
  it("migrate it once and seed it once", async () => {
    const runs = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<{ code: number | null; output: string }>((resolve) => {
            const child = spawn(path.join("node_modules", ".bin", "tsx"), ["lib/cli/seed.ts"], {
              env: { ...process.env, DATABASE_URL: t.url },
              stdio: ["ignore", "pipe", "pipe"],
            });
            let output = "";
            child.stdout.on("data", (c) => (output += c));
            child.stderr.on("data", (c) => (output += c));
            child.on("exit", (code) => resolve({ code, output }));
          }),
      ),
    );
    for (const run of runs) expect(run.code, run.output).toBe(0);
    expect(runs.filter((r) => r.output.includes(`seeded ${seedOrganizations.length} organizations`))).toHaveLength(1);
    expect(await t.db.deal.count()).toBe(seedRows.length);
    const migrations = (await t.db.$queryRawUnsafe(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)) as { n: number }[];
    expect(migrations[0].n).toBe(
      readdirSync("prisma/postgresql/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).length,
    );
  });
});
