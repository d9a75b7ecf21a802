// Batch INSERTs inside a Prisma transaction, for the batch writers (an import's deals, participations, sources,
// events, search rows, revisions and new organizations). Prisma's createMany spends about half a millisecond per row
// turning its arguments into a query (0.2-0.3 s for 500 lifecycle events against 20-50 ms for the same INSERT through
// $executeRaw), which made a 10,000-row import take a minute. Values are always bound, never spliced; table and
// column names come from the code, never from input.
//
// The statements run on the driver connection that Prisma's transaction holds, not through Prisma's query engine:
// on SQLite the better-sqlite3 connection of Prisma's adapter (one per client), on PostgreSQL the pg connection the
// adapter took from its pool for this transaction (both registered by lib/prisma-client.ts). They are part of that
// transaction (all or nothing, no second writer to wait for), and Prisma's engine does not copy every bound value
// through its query compiler: on PostgreSQL that was most of the import (a 10,000-row import took 10-14 s through
// $executeRaw, of which PostgreSQL itself spent 2 s). On SQLite a batch is prepared INSERTs of one row each (when
// the ids are wanted) or of 500 (in process, no round trip); on PostgreSQL one multi-row INSERT per 10,000 rows.
// runOnTransaction runs other statements (the market cells' updates, lib/deals/market-cells.ts) the same way.
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import { Prisma } from "./generated/prisma/client";
import { sqliteConnection } from "./sqlite-connection";

/** The pg connection a PostgreSQL transaction runs on, set when Prisma's adapter begins it. */
export type PostgresTransactionScope = { connection?: PostgresConnection };
type PostgresConnection = { query(text: string, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/**
 * Each PostgreSQL interactive transaction runs in a scope of its own (openDatabase wraps `$transaction` in it), and the
 * adapter's startTransaction, which Prisma calls in that scope, records the transaction's connection there; the
 * transaction's callback runs in the same scope, so its batch INSERTs find the connection of their own transaction
 * even while other transactions of the process run.
 */
// On globalThis, like the Kysely handles (lib/data/kysely.ts): Next bundles this module into more than one chunk, and
// the scope openDatabase opens must be the one the batch writers read.
const globalForScope = globalThis as unknown as { dealTrackerPostgresTransactions?: AsyncLocalStorage<PostgresTransactionScope> };
export const postgresTransactionScope = (globalForScope.dealTrackerPostgresTransactions ??=
  new AsyncLocalStorage<PostgresTransactionScope>());

function postgresConnection(): PostgresConnection {
  const connection = postgresTransactionScope.getStore()?.connection;
  if (!connection)
    throw new Error("Batch INSERTs on PostgreSQL run inside a transaction of a handle opened by openDatabase (lib/prisma-client.ts)");
  return connection;
}

export type InsertValue = string | number | bigint | boolean | Date | null;
export type InsertRow = Record<string, InsertValue>;

/** A value as SQLite's driver binds it: a timestamp as Prisma writes DateTime there (ISO 8601 with +00:00), a flag as
 * 0 or 1, a whole number as an integer (better-sqlite3 binds every JS number as a REAL, which a column without an
 * integer affinity would keep as 3.0); money stays a BigInt, bound as an exact integer. */
function asSqlite(value: InsertValue): string | number | bigint | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof value === "boolean") return value ? 1n : 0n;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  return value;
}

/** Rows per multi-row INSERT on SQLite, well below its 32,766 bound parameters for any of our tables. */
const SQLITE_ROWS_PER_STATEMENT = 500;

/**
 * SQLite: prepared INSERTs run on the driver's connection, synchronously, without a round trip. Rows whose ids are
 * wanted go one per statement (each statement's last rowid is its row's id); the others go 500 per statement, because
 * the search rows' trigger writes the trigram index (FTS5), which flushes its pending terms at the end of every
 * statement: 10,000 search rows took 1.1-1.3 s one per statement and 0.24 s 500 per statement (plain rows: 48 against
 * 33 ms). A multi-row INSERT ... SELECT FROM json_each over the rows as one JSON text cost 2-3 times as much as single
 * rows at 10,000 (SQLite parsed each row's JSON once per column, and the rows were turned into JSON first). Returns
 * each row's new rowid (its id) when asked, in the order of `rows`.
 */
function sqliteInsert(connection: Database.Database, table: string, rows: readonly InsertRow[], returnIds: boolean): number[] {
  const ids: number[] = [];
  if (rows.length === 0) return ids;
  const columns = Object.keys(rows[0]);
  const perStatement = returnIds ? 1 : SQLITE_ROWS_PER_STATEMENT;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const statementFor = (count: number) =>
    connection.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(count).fill(tuple).join(", ")}`);
  const fullCount = Math.min(perStatement, rows.length);
  const full = statementFor(fullCount);
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const values: (string | number | bigint | null)[] = [];
    for (const row of batch) for (const column of columns) values.push(asSqlite(row[column]));
    const { lastInsertRowid } = (batch.length === fullCount ? full : statementFor(batch.length)).run(values);
    if (returnIds) ids.push(Number(lastInsertRowid));
  }
  return ids;
}

/** Rows per statement on PostgreSQL, where a statement binds one array per column whatever its number of rows. */
const POSTGRESQL_ROWS_PER_STATEMENT = 10_000;

/** Each column's type, read once per table from the catalogue, for the casts of the arrays. */
const columnTypes = new Map<string, Promise<Map<string, string>>>();

function typesOf(connection: PostgresConnection, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    types = connection
      .query(
        "SELECT column_name::text AS column_name, udt_name::text AS udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
        [table],
      )
      .then(({ rows }) => new Map(rows.map((r) => [r.column_name as string, r.udt_name as string])));
    // A failed read is not kept: the next call asks again.
    types.catch(() => columnTypes.delete(table));
    columnTypes.set(table, types);
  }
  return types;
}

/** A value as PostgreSQL reads it from text: a timestamp as UTC without its zone, as Prisma stores DateTime. */
function asText(value: InsertValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString().replace("Z", "");
  return String(value);
}

/**
 * PostgreSQL: one text array per column, unnested and cast to the column's type (INSERT ... SELECT FROM unnest). The
 * statement's text and its bound parameters no longer grow with the rows, so PostgreSQL parses and plans one small
 * statement and Prisma binds a few arrays instead of ten thousand values. WITH ORDINALITY and ORDER BY keep the rows
 * in the order given, which is the order their ids are drawn in.
 */
async function postgresqlStatements(connection: PostgresConnection, table: string, rows: readonly InsertRow[]): Promise<Prisma.Sql[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const types = await typesOf(connection, table);
  const casts = columns.map((c, i) => {
    const type = types.get(c);
    if (!type) throw new Error(`table ${table} has no column ${c}`);
    return `u.c${i}::"${type}"`;
  });
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${casts.join(", ")} FROM unnest(`;
  const tail = `) WITH ORDINALITY AS u(${columns.map((_, i) => `c${i}`).join(", ")}, ordinal) ORDER BY u.ordinal`;
  const out: Prisma.Sql[] = [];
  for (let start = 0; start < rows.length; start += POSTGRESQL_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + POSTGRESQL_ROWS_PER_STATEMENT);
    const arrays = columns.map((c) => Prisma.sql`${chunk.map((row) => asText(row[c]))}::text[]`);
    out.push(Prisma.sql`${Prisma.raw(head)}${Prisma.join(arrays)}${Prisma.raw(tail)}`);
  }
  return out;
}

function isPostgresql(tx: Prisma.TransactionClient): boolean {
  // The provider the client was generated for (prisma/schema.prisma or prisma/postgresql/schema.prisma).
  return (tx as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}

/** Inserts the rows (every row with the same columns, in the same order). */
export async function insertRows(tx: Prisma.TransactionClient, table: string, rows: readonly InsertRow[]): Promise<void> {
  if (!isPostgresql(tx)) {
    sqliteInsert(sqliteConnection(tx), table, rows, false);
    return;
  }
  const connection = postgresConnection();
  for (const statement of await postgresqlStatements(connection, table, rows)) await connection.query(statement.text, statement.values);
}

/**
 * Inserts the rows and returns their new ids in the order of `rows`. One INSERT assigns its ids in the order of its
 * rows on both databases (SQLite's rowid under the write lock, PostgreSQL's sequence read row by row), so the ids
 * sorted ascending are the rows in order, whatever order RETURNING lists them in.
 */
export async function insertRowsReturningIds(tx: Prisma.TransactionClient, table: string, rows: readonly InsertRow[]): Promise<number[]> {
  if (!isPostgresql(tx)) return sqliteInsert(sqliteConnection(tx), table, rows, true);
  const ids: number[] = [];
  const postgresql = postgresConnection();
  for (const statement of await postgresqlStatements(postgresql, table, rows)) {
    const returned = (await postgresql.query(`${statement.text} RETURNING "id"`, statement.values)).rows as { id: number | string }[];
    ids.push(...returned.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  if (ids.length !== rows.length) throw new Error(`inserted ${ids.length} rows into ${table} of ${rows.length}`);
  return ids;
}

/** The database a transaction's client writes to. */
export function transactionProvider(tx: Prisma.TransactionClient): "sqlite" | "postgresql" {
  return isPostgresql(tx) ? "postgresql" : "sqlite";
}

/**
 * Refreshes PostgreSQL's statistics of `tables` inside the transaction: its planner otherwise plans for the tables as
 * they stood before it, which a transaction that writes tens of thousands of rows into them soon leaves behind.
 * ANALYZE samples the transaction's own rows; its statistics are rolled back with it. Nothing on SQLite, whose
 * planner's statistics are the ANALYZE of the database's last migration or synthesis.
 */
export async function refreshStatistics(tx: Prisma.TransactionClient, tables: readonly string[]): Promise<void> {
  if (!isPostgresql(tx)) return;
  await postgresConnection().query(`ANALYZE ${tables.map((t) => `"${t}"`).join(", ")}`, []);
}

/**
 * Runs one statement compiled by Kysely (lib/data/kysely.ts queryBuilder, for this transaction's provider) on the
 * driver connection the transaction holds, as the batch INSERTs run, and returns its rows (none for a statement that
 * returns none). Integers come back as numbers: the statements run here return ids and counts, never money.
 */
export async function runOnTransaction(
  tx: Prisma.TransactionClient,
  query: { sql: string; parameters: readonly unknown[] },
): Promise<Record<string, unknown>[]> {
  if (!isPostgresql(tx)) {
    const statement = sqliteConnection(tx).prepare(query.sql);
    const values = query.parameters.map((value) => asSqlite(value as InsertValue));
    if (statement.reader) return statement.all(values) as Record<string, unknown>[];
    statement.run(values);
    return [];
  }
  const { rows } = await postgresConnection().query(query.sql, [...query.parameters]);
  return rows;
}
