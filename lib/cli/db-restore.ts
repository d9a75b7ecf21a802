// npm run db:restore -- FILE: checks the backup, then copies it over the configured database with SQLite's backup
// API (page by page, under SQLite's own locks), so a running app sees either the old or the restored database.
// On PostgreSQL the FILE is a db:backup (pg_dump custom format) restored with pg_restore in one transaction.
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath, databaseProvider, redactDatabaseUrl, resolveDatabaseUrl } from "../db-url";
import { restorePostgres } from "../postgresql/backup";
import { fail, parseCommandLine } from "./args";
import { checkIntegrity } from "./db-backup";
import { elapsed, loadEnvFiles } from "./run";

export async function restoreDatabase(backup: string, target: string): Promise<number> {
  const integrity = checkIntegrity(backup);
  if (integrity !== "ok") throw new Error(`${backup} fails integrity_check: ${integrity}`);
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await source.backup(target);
    return totalPages;
  } finally {
    source.close();
  }
}

async function main() {
  const usage = "usage: npm run db:restore -- FILE\n  FILE  a backup written by npm run db:backup, copied over the configured database";
  const { positionals } = parseCommandLine({ usage, options: {}, positionals: 1 });
  loadEnvFiles();
  const backup = positionals[0];
  if (!backup) fail(usage);
  const url = resolveDatabaseUrl();
  const started = performance.now();
  if (databaseProvider(url) === "postgresql") {
    try {
      const tables = restorePostgres(path.resolve(backup), url);
      console.log(`restored ${backup} into ${redactDatabaseUrl(url)} with pg_restore: ${tables} tables in ${elapsed(started)}`);
    } catch (error) {
      fail((error as Error).message);
    }
    return;
  }
  const target = databaseFilePath(url);
  try {
    const pages = await restoreDatabase(path.resolve(backup), target);
    console.log(`restored ${backup} into ${target}: ${pages} pages in ${elapsed(started)}; integrity ${checkIntegrity(target)}`);
  } catch (error) {
    fail((error as Error).message);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
