// The PostgreSQL migrations build exactly the schema that prisma/postgresql/schema.prisma (derived from
// prisma/schema.prisma) describes: a database migrated by `npm run db:migrate` and one built straight from the schema
// have the same tables, columns, indexes and constraints. Run by `npm run test:pg`.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requirePostgresProgram } from "@/lib/postgresql/binaries";
import { migratePostgres } from "@/lib/postgresql/migrate";
import { createTestDb, testPostgresUrl, type TestDb } from "../support/test-db";

const onPostgres = testPostgresUrl() !== null;
let migrated: TestDb;
let fromSchema: TestDb;

beforeAll(async () => {
  if (!onPostgres) return;
  migrated = await createTestDb();
  fromSchema = await createTestDb();
  // Empty the second one, then build it from the schema alone.
  await fromSchema.db.$executeRawUnsafe("DROP SCHEMA public CASCADE");
  await fromSchema.db.$executeRawUnsafe("CREATE SCHEMA public");
  const sql = execFileSync(
    path.join("node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/postgresql/schema.prisma", "--script"],
    {
      env: { ...process.env, DATABASE_URL: fromSchema.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const client = new pg.Client({ connectionString: fromSchema.url });
  await client.connect();
  await client.query(sql);
  await client.end();
});
afterAll(async () => {
  await migrated?.dispose();
  await fromSchema?.dispose();
});

function schemaDump(url: string): string {
  const result = spawnSync(
    requirePostgresProgram("pg_dump"),
    ["--schema-only", "--no-owner", "--no-privileges", "--exclude-table=_prisma_migrations", "--dbname", url],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return (
    result.stdout
      .split("\n")
      // Comments, and the random key of the \\restrict lines newer pg_dump versions write, differ between any two dumps;
      // the recreated public schema lost its default comment.
      .filter(
        (line) =>
          line.trim() !== "" && !line.startsWith("--") && !/^\\(un)?restrict /.test(line) && !line.startsWith("COMMENT ON SCHEMA public"),
      )
      .join("\n")
  );
}

describe.skipIf(!onPostgres)("PostgreSQL migrations", () => {
  it("build the schema prisma/postgresql/schema.prisma describes", () => {
    const dump = schemaDump(migrated.url);
    expect(dump).toContain('CREATE TABLE public."Deal"');
    expect(dump.split("\n")).toEqual(schemaDump(fromSchema.url).split("\n"));
  });

  it("are applied once: a second db:migrate applies nothing", async () => {
    const count = readdirSync("prisma/postgresql/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    expect(await migratePostgres(migrated.url)).toEqual({ applied: [], alreadyApplied: count });
  });
});
