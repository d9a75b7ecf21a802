// One place that turns DATABASE_URL (or its default) into the URL every tool uses: a SQLite file URL (the default)
// or a PostgreSQL connection URL (postgresql://… or postgres://…).
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/deals.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/**
 * Settings of every PostgreSQL session the app opens (the reads' pool and Prisma's), as the connection's `options`.
 * JIT compilation off: the planner's estimates for the figures' CTEs and window functions run to millions of rows, so
 * PostgreSQL compiled queries that then read a few thousand, 0.7 s of compiling in a 0.08 s query (an investor's
 * co-investors at 100,000 deals).
 */
export const POSTGRESQL_SESSION_OPTIONS = "-c jit=off";

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
