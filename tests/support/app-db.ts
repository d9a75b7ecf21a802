// Points the app's own database handle (lib/db.ts, which data functions and route handlers use) at a test database.
const globalForDb = globalThis as unknown as { dealTrackerDb?: Promise<{ $disconnect: () => Promise<void> }> };

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
