// Copies a synthetic SQLite database (db:synth) into a migrated, empty PostgreSQL database, so the benchmark can
// measure PostgreSQL on the same deals as SQLite. Every table the two share is copied row for row, ids kept; the
// sequences then continue after the largest id, as after any insert.
//
// Rows travel as JSON, a batch per statement, read back with json_populate_recordset into the table's own row type:
// PostgreSQL converts each value from its text into the column's type (an integer kept exact as text, a 0/1 flag
// into a boolean, an ISO timestamp), so the copy needs no per-column code and binds one parameter per batch. Foreign
// keys are not checked during the copy (session_replication_role = replica, for the copying session only): the rows
// are a consistent database already, and tables can then go in any order.
import Database from "better-sqlite3";
import pg from "pg";

const ROWS_PER_STATEMENT = 10_000;

export type CopyResult = { tables: number; rows: number; ms: number };

export async function copySqliteToPostgresql(file: string, url: string, log: (line: string) => void = () => {}): Promise<CopyResult> {
  const started = performance.now();
  const source = new Database(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows = 0;
  let copied = 0;
  try {
    const target = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    const sqliteTables = new Set(
      (source.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name),
    );
    // The migrations' bookkeeping is each database's own.
    const tables = target.rows.map((r) => r.table_name).filter((t) => sqliteTables.has(t) && t !== "_prisma_migrations");
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    for (const table of tables) {
      const count = await copyTable(source, client, table);
      rows += count;
      copied += 1;
      log(`${table}: ${count.toLocaleString("en-US")} rows`);
    }
    // Each serial column's sequence continues after the largest id copied.
    const serials = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const { table_name: table, column_name: column } of serials.rows) {
      if (!tables.includes(table)) continue;
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
        [quote(table), column],
      );
    }
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
    source.close();
  }
  return { tables: copied, rows, ms: Math.round(performance.now() - started) };
}

/** Names come from the two databases' own catalogues, never from input; quoted as PostgreSQL quotes identifiers. */
function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function copyTable(source: Database.Database, client: pg.Client, table: string): Promise<number> {
  const columns = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  const names = columns.rows.map((c) => c.column_name);
  const list = names.map(quote).join(", ");
  // Integers as bigint, so money past 2^53 stays exact on its way through JSON (as text).
  const read = source
    .prepare(`SELECT ${list} FROM ${quote(table)} ORDER BY rowid`)
    .safeIntegers(true)
    .raw(true);
  const insert = `INSERT INTO ${quote(table)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, $1)`;
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(insert, [JSON.stringify(batch, (_key, value) => (typeof value === "bigint" ? value.toString() : value))]);
    count += batch.length;
    batch = [];
  };
  for (const row of read.iterate() as Iterable<unknown[]>) {
    batch.push(Object.fromEntries(names.map((name, i) => [name, row[i]])));
    if (batch.length === ROWS_PER_STATEMENT) await flush();
  }
  await flush();
  return count;
}
