// npm run db:backup -- FILE: a consistent copy of the live database, checked with PRAGMA integrity_check before it is
// reported good. VACUUM INTO copies inside one read transaction, so in WAL mode writers go on undisturbed and the
// copy is the database as of that moment (the online backup API instead restarts whenever another connection writes,
// and may never finish under steady writes). On PostgreSQL it runs pg_dump (custom format), see lib/postgresql/backup.ts.
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath, databaseProvider, redactDatabaseUrl, resolveDatabaseUrl } from "../db-url";
import { backupPostgres } from "../postgresql/backup";
import { fail, parseCommandLine } from "./args";
import { elapsed, loadEnvFiles } from "./run";

export async function backupDatabase(source: string, target: string): Promise<{ pages: number; integrity: string }> {
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 10000");
    db.prepare("VACUUM INTO ?").run(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true });
  const pages = copy.pragma("page_count", { simple: true }) as number;
  copy.close();
  return { pages, integrity: checkIntegrity(target) };
}

export function checkIntegrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma("integrity_check", { simple: true }) as string) ?? "unknown";
  } finally {
    db.close();
  }
}

async function main() {
  const usage = "usage: npm run db:backup -- FILE [--force]\n  FILE     where to write the copy\n  --force  overwrite FILE if it exists";
  const { positionals, values } = parseCommandLine({ usage, options: { force: "boolean" }, positionals: 1 });
  loadEnvFiles();
  const target = positionals[0];
  if (!target) fail(usage);
  if (existsSync(target) && !values.force) fail(`${target} exists; pass --force to overwrite it`);
  const url = resolveDatabaseUrl();
  const started = performance.now();
  if (databaseProvider(url) === "postgresql") {
    try {
      const { bytes, tables } = backupPostgres(url, path.resolve(target));
      console.log(
        `backed up ${redactDatabaseUrl(url)} to ${target} with pg_dump: ${tables} tables, ${bytes} bytes, in ${elapsed(started)}`,
      );
    } catch (error) {
      fail((error as Error).message);
    }
    return;
  }
  const source = databaseFilePath(url);
  const { pages, integrity } = await backupDatabase(source, path.resolve(target));
  if (integrity !== "ok") fail(`backup written to ${target} but integrity_check said: ${integrity}`);
  console.log(`backed up ${source} to ${target}: ${pages} pages, integrity ok, in ${elapsed(started)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
