// Points the app's own database handle (lib/db.ts caches it on globalThis) at a test database, so that the data
// functions and route handlers a test imports read the SQLite file the test seeded.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDatabase } from "@/lib/seed/seed-database";
import { synthDatabase } from "@/lib/synth/synth-database";
import { createTestDb, type TestDb } from "./test-db";

const globalForDb = globalThis as unknown as { dealTrackerDb?: Promise<PrismaClient> };

/** By URL: the app opens its own connection, as it would in production. */
export function useTestDbAsAppDb(url: string): () => Promise<void> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  delete globalForDb.dealTrackerDb;
  return async () => {
    await (await globalForDb.dealTrackerDb)?.$disconnect();
    delete globalForDb.dealTrackerDb;
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  };
}

/** By client: the app shares the test's connection. */
export function useTestDbForApp(db: PrismaClient): () => void {
  globalForDb.dealTrackerDb = Promise.resolve(db);
  return () => {
    delete globalForDb.dealTrackerDb;
  };
}

/**
 * In a describe block: a fresh database from the real migrations with the shipped seed, the app's database for the
 * block (opened by URL, as in production). Returns the test's own handle, to read the rows directly.
 */
export function seededAppDb(): () => TestDb {
  let t: TestDb | undefined;
  let release: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDatabase(t.db);
    release = useTestDbAsAppDb(t.url);
  });
  afterAll(async () => {
    await release?.();
    await t?.dispose();
  });
  return () => t as TestDb;
}

/** In a describe block: a synthetic SQLite database of `deals` deals (db:synth's generator), the app's database for the block. */
export function syntheticAppDb(name: string, deals = 10_000, seed = 3): void {
  let dir: string | undefined;
  let release: (() => Promise<void>) | undefined;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    const file = path.join(dir, "synth.db");
    synthDatabase({ deals, seed, out: file });
    release = useTestDbAsAppDb(`file:${file}`);
  }, 120_000);
  afterAll(async () => {
    await release?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}
