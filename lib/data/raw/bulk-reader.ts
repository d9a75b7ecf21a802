// Large reads straight through the database driver. Prisma 6.19 with a driver adapter spends most of a big read
// turning rows into objects: 100,000 deals took 4 s through findMany and 3 s through $queryRaw, against about
// 0.1 s through better-sqlite3 itself. Reads that load every deal (the overview, /analysis, the methodology) go
// through here instead; everything else, and every write, stays on Prisma.
//
// Each database handle gets a reader on the same database (registered by lib/prisma-client.ts): a second
// better-sqlite3 connection for SQLite (WAL lets it read while Prisma's writes), a small pg pool for PostgreSQL.
// The SQL must run on both: double-quoted identifiers, `?` placeholders (numbered for PostgreSQL here), BigInt
// money cast to TEXT (PostgreSQL's drivers return BIGINT as text anyway, and SQLite's as a lossy number).
import Database from "better-sqlite3";
import pg from "pg";
import type { PrismaClient } from "../../generated/prisma/client";
import { databaseFilePath, databaseProvider, resolveDatabaseUrl } from "../../db-url";

export type BulkReader = {
  all<Row>(sql: string, params?: readonly (string | number)[]): Promise<Row[]>;
  close(): Promise<void>;
};

const BUSY_TIMEOUT_MS = 10_000;

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the queries here have no `?` inside string literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function openBulkReader(url: string): BulkReader {
  if (databaseProvider(url) === "postgresql") {
    const pool = new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
    // An idle connection closed by the server (a restart, a dropped test database) must not crash the process.
    pool.on("error", () => {});
    return {
      async all<Row>(sql: string, params: readonly (string | number)[] = []) {
        return (await pool.query(numberPlaceholders(sql), [...params])).rows as Row[];
      },
      close: () => pool.end(),
    };
  }
  let db: Database.Database | null = null;
  const open = () => {
    if (!db) {
      db = new Database(databaseFilePath(url), { fileMustExist: true });
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
    return db;
  };
  return {
    async all<Row>(sql: string, params: readonly (string | number)[] = []) {
      return open().prepare(sql).all(...params) as Row[];
    },
    async close() {
      db?.close();
      db = null;
    },
  };
}

// On globalThis, like the database handle (lib/db.ts): Next bundles this module into more than one chunk (the proxy,
// pages, route handlers), and a handle registered by one copy must be found by the others.
const globalForReaders = globalThis as unknown as { dealTrackerBulkReaders?: WeakMap<object, BulkReader> };
const readers = (globalForReaders.dealTrackerBulkReaders ??= new WeakMap<object, BulkReader>());

/** Called by openDatabase: the reader that goes with a Prisma handle. */
export function registerBulkReader(client: object, url: string): void {
  readers.set(client, openBulkReader(url));
}

export function hasBulkReader(db: PrismaClient): boolean {
  return readers.has(db);
}

/**
 * The reader for a handle. A handle opened some other way (none in the app) reads through Prisma's $queryRawUnsafe:
 * slower, same answers.
 */
export function bulkReaderOf(db: PrismaClient): BulkReader {
  return (
    readers.get(db) ?? {
      all: <Row>(sql: string, params: readonly (string | number)[] = []) =>
        db.$queryRawUnsafe<Row[]>(databaseProvider(resolveDatabaseUrl()) === "postgresql" ? numberPlaceholders(sql) : sql, ...params),
      close: async () => {},
    }
  );
}
