// The better-sqlite3 connection of Prisma's SQLite adapter, one per Prisma handle: what the batch INSERTs
// (lib/insert-rows.ts) and the API's rate limit (lib/rate-limit.ts) run on, so that they write on the connection
// Prisma writes on. Free of Prisma's runtime, so that the modules that read it load anywhere (the Playwright specs
// read the rate limit's budgets).
import type Database from "better-sqlite3";

/** The property of a Prisma handle (and of its transactions) that gives its SQLite connection. */
const SQLITE_CONNECTION = "__dealTrackerSqliteConnection";

/**
 * Called by openDatabase for SQLite: `connection` gives the adapter's better-sqlite3 handle once Prisma has connected.
 * A property of the client is read through a transaction's handle too (Prisma's transaction client forwards it).
 */
export function registerSqliteConnection(client: object, connection: () => Database.Database | undefined): void {
  Object.defineProperty(client, SQLITE_CONNECTION, { value: connection });
}

/** The SQLite connection of a handle opened by openDatabase, or of one of its transactions. */
export function sqliteConnection(tx: object): Database.Database {
  const connection = (tx as unknown as Record<typeof SQLITE_CONNECTION, (() => Database.Database | undefined) | undefined>)[
    SQLITE_CONNECTION
  ]?.();
  if (!connection) throw new Error("This SQLite handle has no adapter connection: open it with openDatabase (lib/prisma-client.ts)");
  return connection;
}
