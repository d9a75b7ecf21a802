// The one query path for reads in SQL: Kysely over the database driver itself, typed by the tables generated from
// prisma/schema.prisma (lib/generated/kysely, made by `prisma generate`). Prisma 6.19 with a driver adapter spends
// most of a large read turning rows into objects (100,000 deals took 4 s through findMany and 3 s through $queryRaw,
// against about 0.1 s through better-sqlite3 itself), and it cannot say several of the list's queries the way the
// indexes want them. Prisma stays for the schema, the migrations, the writers and the small reads by relation.
//
// Each Prisma handle gets a Kysely handle on the same database (registered by lib/prisma-client.ts): a second
// better-sqlite3 connection for SQLite (WAL lets it read while Prisma writes), a small pg pool for PostgreSQL.
// Integers come back alike on both: BIGINT columns (money) as bigint, every other integer column as a number.
// Expressions are cast where the dialects differ: counts to INTEGER (`countAll`), sums of money to TEXT (`moneySum`,
// read with `toMoney`), since PostgreSQL's SUM of BIGINT is NUMERIC.
import Database from "better-sqlite3";
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  SqliteDialect,
  type Expression,
  type RawBuilder,
  type CompiledQuery,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
  type SqliteStatement,
} from "kysely";
import pg from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import type { DB } from "../generated/kysely/types";
import { databaseFilePath, databaseProvider, POSTGRESQL_SESSION_OPTIONS } from "../db-url";

export type Reads = Kysely<DB>;

const BUSY_TIMEOUT_MS = 10_000;

// PostgreSQL's type id of INT8 (BIGINT).
const INT8_OID = 20;

// On globalThis, like the database handle (lib/db.ts): Next bundles this module into more than one chunk (the proxy,
// pages, route handlers), and what one copy learns of a handle the others must know: which Prisma handle it goes with,
// whether it is PostgreSQL's (a copy that did not open it took it for SQLite's and sent SQLite's SQL to PostgreSQL),
// and a SQLite handle's file.
const globalForReads = globalThis as unknown as {
  dealTrackerReads?: WeakMap<object, Reads>;
  dealTrackerPostgresReads?: WeakSet<Reads>;
  dealTrackerSqliteUrls?: WeakMap<Reads, string>;
};
const postgresHandles = (globalForReads.dealTrackerPostgresReads ??= new WeakSet<Reads>());

function openReads(url: string): Reads {
  if (databaseProvider(url) === "postgresql") {
    const pool = new pg.Pool({
      connectionString: url,
      options: POSTGRESQL_SESSION_OPTIONS,
      max: 2,
      allowExitOnIdle: true,
      // BIGINT as bigint, exact, rather than pg's default text; for this pool only, not Prisma's.
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") =>
          oid === INT8_OID ? (text: string) => BigInt(text) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection closed by the server (a restart, a dropped test database) must not crash the process.
    pool.on("error", () => {});
    const reads = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    postgresHandles.add(reads);
    return reads;
  }
  const reads = sqliteReads(url);
  sqliteUrls.set(reads, url);
  return reads;
}

/**
 * better-sqlite3 answers synchronously, so a chain of queries (a cold view: hundreds of them, seconds at 100,000 deals)
 * never gives the event loop a turn, and every other request of the process waits for the whole chain. Each query first
 * yields one turn (setImmediate: microseconds), so other requests are served between a view's queries.
 */
class YieldingSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => {
      const connection = await acquire();
      return {
        async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
          await new Promise<void>((resolve) => setImmediate(resolve));
          return connection.executeQuery<R>(query);
        },
        streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => connection.streamQuery<R>(query, chunkSize),
      };
    };
    return driver;
  }
}

/**
 * The page cache of a connection a view opens for itself (withOwnConnection), in KiB, for its database and for its
 * temporary one each. better-sqlite3 builds SQLite with 16 MB a database; a view's connection filled both (its scans
 * of the deals, its temporary tables and their sorts), and two views computed at once held 64 MB of native memory
 * beside the process's own connections. With 2 MB each a cold /analysis at 100,000 deals peaked lower
 * (docs/benchmark.md) and took no longer: the view reads each table in a few passes, where a larger cache gains little.
 */
const VIEW_CACHE_KIB = 2000;

function sqliteReads(url: string, cacheKiB?: number): Reads {
  return new Kysely<DB>({
    dialect: new YieldingSqliteDialect({
      database: async () => {
        const db = new Database(databaseFilePath(url), { fileMustExist: true });
        db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        if (cacheKiB !== undefined) {
          db.pragma(`main.cache_size = -${cacheKiB}`);
          db.pragma(`temp.cache_size = -${cacheKiB}`);
        }
        return exactIntegers(db);
      },
    }),
  });
}

const sqliteUrls = (globalForReads.dealTrackerSqliteUrls ??= new WeakMap<Reads, string>());

/**
 * Runs `work` on one connection of its own for its whole length (temporary tables live on one connection). On SQLite
 * Kysely has one connection per handle, so a long computation on it (a cold /analysis view: seconds at 100,000 deals)
 * would make every small read of the process (a deal page, a list) wait behind it; it gets a connection opened for
 * it and closed after (under a millisecond to open). On PostgreSQL it takes one connection of the pool.
 */
export async function withOwnConnection<T>(reads: Reads, work: (connection: Reads) => Promise<T>): Promise<T> {
  const url = sqliteUrls.get(reads);
  if (url === undefined) return reads.connection().execute(work);
  const own = sqliteReads(url, VIEW_CACHE_KIB);
  try {
    return await own.connection().execute(work);
  } finally {
    await own.destroy();
  }
}

/**
 * The schema's money columns (BIGINT). SQLite declares no type for a computed column, so a column of one of these
 * names that a query computes (the deal's state as of a date, lib/data/deal-state.ts, takes each from an event or the
 * deal) is read as money too.
 */
const MONEY_COLUMNS = new Set(["amountUsdLow", "amountUsdHigh", "amountUsdKey", "originalAmount", "postMoneyValuationUsd", "committedUsd"]);

/**
 * better-sqlite3 reads every integer as a JavaScript number, so a BIGINT past 2^53 would be rounded. A statement that
 * returns a column declared BIGINT (or a computed money column, MONEY_COLUMNS) reads its integers exactly
 * (safeIntegers) and turns back into numbers those of every other column (ids, counts).
 */
function exactIntegers(db: Database.Database): SqliteDatabase {
  const prepared = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(text: string): SqliteStatement {
      const hit = prepared.get(text);
      if (hit) {
        prepared.delete(text);
        prepared.set(text, hit);
        return hit;
      }
      const statement = prepareExact(db, text);
      prepared.set(text, statement);
      if (prepared.size > PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value as string);
      return statement;
    },
  };
}

/**
 * How many statements each connection keeps prepared, least recently used first out. Kysely prepares every query it
 * runs, and preparing (with the column types read below) is a few percent of a deal page's or a list's time under
 * load, while the same few dozen query texts (parameters are bound, not in the text) repeat on every request.
 */
const PREPARED_STATEMENTS = 500;

/** One statement, reading its integers as exactIntegers says. */
function prepareExact(db: Database.Database, text: string): SqliteStatement {
  const stmt = db.prepare(text);
  if (!stmt.reader) return stmt as unknown as SqliteStatement;
  const columns = stmt.columns();
  const exact = columns
    .filter((c) => c.type?.toUpperCase() === "BIGINT" || (c.type === null && MONEY_COLUMNS.has(c.name)))
    .map((c) => c.name);
  if (exact.length === 0) return stmt as unknown as SqliteStatement;
  stmt.safeIntegers(true);
  const keep = new Set(exact);
  const others = columns.map((c) => c.name).filter((name) => !keep.has(name));
  const fix = (row: Record<string, unknown>) => {
    for (const name of others) if (typeof row[name] === "bigint") row[name] = Number(row[name]);
    return row;
  };
  return {
    reader: true,
    all: (parameters) => (stmt.all(...parameters) as Record<string, unknown>[]).map(fix),
    run: (parameters) => stmt.run(...parameters),
    *iterate(parameters) {
      for (const row of stmt.iterate(...parameters)) yield fix(row as Record<string, unknown>);
    },
  };
}

const handles = (globalForReads.dealTrackerReads ??= new WeakMap<object, Reads>());

/** Called by openDatabase: the Kysely handle that goes with a Prisma handle. */
export function registerReads(client: object, url: string): void {
  handles.set(client, openReads(url));
}

/** The Kysely handle of a Prisma handle opened by openDatabase (lib/prisma-client.ts). */
export function readsOf(db: PrismaClient): Reads {
  const reads = handles.get(db);
  if (!reads) throw new Error("This database handle has no Kysely handle: open it with openDatabase (lib/prisma-client.ts)");
  return reads;
}

export function isPostgresReads(reads: Reads): boolean {
  return postgresHandles.has(reads);
}

/**
 * A column that SQLite's planner may not read through an index (a unary plus), for a query whose cheap plan walks
 * another index and tests the column on each row; PostgreSQL's planner is left to choose.
 */
export function notThroughIndex<T>(reads: Reads, column: string): RawBuilder<T> {
  return isPostgresReads(reads) ? sql.ref<T>(column) : sql<T>`+${sql.ref(column)}`;
}

const builders = new Map<"sqlite" | "postgresql", Reads>();

/**
 * A Kysely handle that only compiles, for statements run on a connection Kysely does not hold: the deal writers' cell
 * updates (lib/deals/market-cells.ts) run on the connection of their Prisma transaction, db:synth on its own.
 */
export function queryBuilder(provider: "sqlite" | "postgresql"): Reads {
  let builder = builders.get(provider);
  if (!builder) {
    const postgresql = provider === "postgresql";
    builder = new Kysely<DB>({
      dialect: {
        createAdapter: () => (postgresql ? new PostgresAdapter() : new SqliteAdapter()),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => (postgresql ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
        createQueryCompiler: () => (postgresql ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
      },
    });
    // Statements compiled here are written for their dialect like the reads' (isPostgresReads).
    if (postgresql) postgresHandles.add(builder);
    builders.set(provider, builder);
  }
  return builder;
}

/** COUNT(*) as a number on both dialects (PostgreSQL counts in BIGINT). */
export const countAll = (): RawBuilder<number> => sql<number>`CAST(COUNT(*) AS INTEGER)`;

/** A count of the rows where `condition` holds, as a number. */
export const countWhere = (condition: Expression<unknown>): RawBuilder<number> =>
  sql<number>`CAST(COUNT(CASE WHEN ${condition} THEN 1 END) AS INTEGER)`;

/** SUM of a count column (cells' deals or parts) as a number on both dialects (PostgreSQL sums integers in BIGINT). */
export const countSum = (count: Expression<unknown>): RawBuilder<number | null> => sql<number | null>`CAST(SUM(${count}) AS INTEGER)`;

/** SUM of money as exact text (PostgreSQL's SUM of BIGINT is NUMERIC; SQLite's would be rounded past 2^53). */
export const moneySum = (amount: Expression<unknown>): RawBuilder<string | null> => sql<string | null>`CAST(SUM(${amount}) AS TEXT)`;

/** Money an expression computes (not a BIGINT column), as exact text. */
export const moneyText = (amount: Expression<unknown>): RawBuilder<string | null> => sql<string | null>`CAST(${amount} AS TEXT)`;

/** The text of moneySum or moneyText as BigInt dollars (null as 0). */
export const toMoney = (text: string | null | undefined): bigint => BigInt(text ?? 0);
