// The data version: the id of the newest Revision. Every write records a revision in its own transaction
// (lib/revisions.ts), so the version changes in the same commit as the data and every process sees it at once.
// The same row says when the data last changed: its creation time is the date every page and embed shows.
import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { readsOf } from "./kysely";

export type DataState = {
  /** The id of the newest revision, "0" before any write. */
  version: string;
  /** When the newest revision was written (ISO 8601, UTC), null before any write. */
  changedAt: string | null;
};

/**
 * A revision's time as SQLite (text or milliseconds, as the driver adapter wrote it) or PostgreSQL (a Date) returns
 * it through Kysely, as ISO 8601.
 */
export function isoTime(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date =
    value instanceof Date ? value : new Date(typeof value === "string" && /^\d+$/.test(value) ? Number(value) : (value as string | number));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The newest revision: one primary-key lookup, so that the proxy can ask it on every request of a cached page. */
export async function readDataState(db: PrismaClient): Promise<DataState> {
  const row = await readsOf(db).selectFrom("Revision").select(["id", "createdAt"]).orderBy("id", "desc").limit(1).executeTakeFirst();
  return { version: String(row?.id ?? 0), changedAt: isoTime(row?.createdAt) };
}

export async function readDataVersion(db: PrismaClient): Promise<string> {
  return (await readDataState(db)).version;
}
