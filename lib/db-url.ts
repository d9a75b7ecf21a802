// One place that turns DATABASE_URL (or its default) into the URL every tool uses: a SQLite file URL (the default)
// or a PostgreSQL connection URL (postgresql://… or postgres://…).
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/deals.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

export function resolveDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (databaseProvider(url) === "postgresql") return url;
  if (!url.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be a SQLite file URL like ${DEFAULT_DATABASE_URL} or a PostgreSQL URL like postgresql://user@host:5432/deals; got "${url}"`,
    );
  }
  return `file:${databaseFilePath(url)}`;
}

/** Absolute path of the SQLite file; relative paths resolve against the project root (the working directory). */
export function databaseFilePath(url: string = resolveDatabaseUrlRaw()): string {
  const file = url.replace(/^file:/, "");
  return path.isAbsolute(file) ? file : path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

/** The URL with its password replaced by "***", for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/i, "$1***@");
}

function resolveDatabaseUrlRaw(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}
