// Points the app's database handle (lib/db.ts caches it on globalThis) at a test database, so route handlers and
// data functions imported by a test read the same SQLite file the test seeded.
import type { PrismaClient } from "@/lib/generated/prisma/client";

const globalForDb = globalThis as unknown as { dealTrackerDb?: Promise<PrismaClient> };

export function useTestDbForApp(db: PrismaClient): () => void {
  globalForDb.dealTrackerDb = Promise.resolve(db);
  return () => {
    delete globalForDb.dealTrackerDb;
  };
}
