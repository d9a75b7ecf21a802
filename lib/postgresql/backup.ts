// Backup and restore on PostgreSQL with its own tools. pg_dump reads inside one repeatable-read snapshot, so the
// copy is the database as of one moment while the app goes on writing; the custom format is compressed and lets
// pg_restore replace every object. The restore runs in a single transaction: a bad file changes nothing.
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { requirePostgresProgram } from "./binaries";

function run(program: string, args: string[]): string {
  const result = spawnSync(requirePostgresProgram(program), args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0)
    throw new Error(`${program} failed: ${(result.stderr || result.error?.message || `exit ${result.status}`).trim()}`);
  return result.stdout;
}

/** Writes a custom-format dump of the database at `url` to `target`; checks it by listing its contents. */
export function backupPostgres(url: string, target: string): { bytes: number; tables: number } {
  run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", target, "--dbname", url]);
  return { bytes: statSync(target).size, tables: checkPostgresBackup(target) };
}

/** Lists a dump's table of contents (fails on a file that is not a pg_dump archive); returns how many tables it holds. */
export function checkPostgresBackup(file: string): number {
  const toc = run("pg_restore", ["--list", file]);
  return toc.split("\n").filter((line) => / TABLE DATA /.test(line)).length;
}

/** Replaces every object of the dump in the database at `url`, in one transaction. */
export function restorePostgres(backup: string, url: string): number {
  const tables = checkPostgresBackup(backup);
  run("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    "--dbname",
    url,
    backup,
  ]);
  return tables;
}
