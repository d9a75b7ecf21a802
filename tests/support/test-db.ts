// A real database built by the real migrations, one per test file: a SQLite file in a temporary folder (the default,
// migrated by `prisma migrate deploy`), or, when TEST_POSTGRES_URL names a PostgreSQL server (`npm run test:pg` sets
// it), a fresh database on that server created for the file, migrated from prisma/postgresql/migrations and dropped
// by dispose().
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migratePostgres } from "@/lib/postgresql/migrate";
import { openDatabase } from "@/lib/prisma-client";

export type TestDb = { db: PrismaClient; url: string; provider: "sqlite" | "postgresql"; file: string; dispose: () => Promise<void> };

/** The PostgreSQL server the tests run on, or null for SQLite. */
export function testPostgresUrl(): string | null {
  return process.env.TEST_POSTGRES_URL?.trim() || null;
}

/** `provider` forces one database kind (the comparison of SQLite and PostgreSQL needs both in one file). */
export async function createTestDb(options: { provider?: "sqlite" | "postgresql" } = {}): Promise<TestDb> {
  const server = testPostgresUrl();
  const provider = options.provider ?? (server ? "postgresql" : "sqlite");
  if (provider === "postgresql") {
    if (!server) throw new Error("createTestDb: PostgreSQL needs TEST_POSTGRES_URL (npm run test:pg sets it)");
    return createPostgresTestDb(server);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "deal-tracker-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: "pipe",
  });
  const db = await openDatabase(url);
  return {
    db,
    url,
    provider: "sqlite",
    file,
    dispose: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresTestDb(server: string): Promise<TestDb> {
  const name = `deal_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  const url = withDatabase(server, name);
  await migratePostgres(url);
  const db = await openDatabase(url);
  return {
    db,
    url,
    provider: "postgresql",
    file: "",
    dispose: async () => {
      await db.$disconnect();
      await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** The same server URL naming another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A migration's SQL for the test database's provider from its first statement that starts with `from` on: its fill of
 * rows stored before it, run again over rows a test stored.
 */
export function migrationFrom(provider: TestDb["provider"], migration: string, from: string): string {
  const folder = provider === "postgresql" ? ["prisma", "postgresql", "migrations"] : ["prisma", "migrations"];
  const text = readFileSync(path.join(process.cwd(), ...folder, migration, "migration.sql"), "utf8");
  const start = text.indexOf(from);
  if (start < 0) throw new Error(`${migration} has no statement starting with ${from}`);
  return text.slice(start);
}
