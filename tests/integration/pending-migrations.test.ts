// The operator commands migrate only a database that is behind prisma/migrations (running the schema engine beside a
// live server fails), so which migrations are pending must be read exactly.
import { readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pendingSqliteMigrations, SQLITE_MIGRATIONS_DIR } from "@/lib/cli/prepare-db";
import { createTestDb, type TestDb } from "../support/test-db";

const ALL = readdirSync(SQLITE_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ provider: "sqlite" });
});
afterAll(async () => t?.dispose());

describe("pending SQLite migrations", () => {
  it("are all of them for a missing file", () => {
    expect(ALL.length).toBeGreaterThan(1);
    expect(pendingSqliteMigrations(path.join(path.dirname(t.file), "no-such.db"))).toEqual(ALL);
  });

  it("are none for a database migrated by prisma migrate deploy", () => {
    expect(pendingSqliteMigrations(t.file)).toEqual([]);
  });

  it("are the missing, rolled back or changed ones", () => {
    const db = new Database(t.file);
    try {
      db.prepare("UPDATE _prisma_migrations SET checksum = 'changed' WHERE migration_name = ?").run(ALL[1]);
      db.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?").run(ALL[ALL.length - 1]);
      expect(pendingSqliteMigrations(t.file)).toEqual([ALL[1], ALL[ALL.length - 1]]);
      db.prepare("UPDATE _prisma_migrations SET rolled_back_at = 1 WHERE migration_name = ?").run(ALL[0]);
      expect(pendingSqliteMigrations(t.file)).toEqual([ALL[0], ALL[1], ALL[ALL.length - 1]]);
      db.exec("DROP TABLE _prisma_migrations");
      expect(pendingSqliteMigrations(t.file)).toEqual(ALL);
    } finally {
      db.close();
    }
  });
});
