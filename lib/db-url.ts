// One place that turns DATABASE_URL (or its default) into the SQLite file URL every tool uses.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/deals.db";

export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file URL like ${DEFAULT_DATABASE_URL}; got "${url}"`);
  }
  return `file:${databaseFilePath(url)}`;
}

/** Absolute path of the SQLite file; relative paths resolve against the project root (the working directory). */
export function databaseFilePath(url: string = resolveDatabaseUrlRaw()): string {
  const file = url.replace(/^file:/, "");
  return path.isAbsolute(file) ? file : path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

function resolveDatabaseUrlRaw(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}
