// prisma/schema.prisma is the one source of truth; the PostgreSQL schema and migrations follow it.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRESQL_SCHEMA_PATH, SQLITE_SCHEMA_PATH, postgresqlSchemaFrom } from "@/lib/db-schema/postgresql-schema";

const sqlite = readFileSync(SQLITE_SCHEMA_PATH, "utf8");
const models = (schema: string) => schema.slice(schema.indexOf("\nmodel "));
const migrationNames = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe("the PostgreSQL schema", () => {
  it("is up to date with prisma/schema.prisma (run `npm run db:schema` after a model change)", () => {
    expect(readFileSync(POSTGRESQL_SCHEMA_PATH, "utf8")).toBe(postgresqlSchemaFrom(sqlite));
  });

  it("has the same models, and only the provider and the client's folder differ", () => {
    const pg = postgresqlSchemaFrom(sqlite);
    expect(models(pg)).toBe(models(sqlite));
    expect(pg).toMatch(/provider\s*=\s*"postgresql"/);
    expect(pg).toMatch(/output\s*=\s*"\.\.\/\.\.\/lib\/generated\/prisma-pg"/);
    expect(pg).not.toMatch(/"sqlite"/);
  });

  it("refuses a schema whose datasource it cannot find, instead of writing a wrong file", () => {
    expect(() => postgresqlSchemaFrom(sqlite.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/no longer matches/);
  });

  it("has a PostgreSQL migration for every SQLite migration, under the same name", () => {
    expect(migrationNames("prisma/postgresql/migrations")).toEqual(migrationNames("prisma/migrations"));
  });
});
