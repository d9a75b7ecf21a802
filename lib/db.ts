// The app's one database handle, for server code only.
import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import { openDatabase } from "./prisma-client";

const globalForDb = globalThis as unknown as { dealTrackerDb?: Promise<PrismaClient> };

export function getDb(): Promise<PrismaClient> {
  globalForDb.dealTrackerDb ??= openDatabase();
  return globalForDb.dealTrackerDb;
}

/** Whether `db` is the app's handle (without opening it when nothing has yet). */
export async function isAppDb(db: PrismaClient): Promise<boolean> {
  return globalForDb.dealTrackerDb !== undefined && (await globalForDb.dealTrackerDb) === db;
}
