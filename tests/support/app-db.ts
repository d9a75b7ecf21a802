// Points the app's own database handle (lib/db.ts caches it on globalThis) at a test database, so that the data
// functions and route handlers a test imports read the SQLite file the test seeded.
import type { PrismaClient } from "@/lib/generated/prisma/client";

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
