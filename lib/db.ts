// The app's one database handle, for server code only.
import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import { openDatabase } from "./prisma-client";

const globalForDb = globalThis as unknown as { dealTrackerDb?: Promise<PrismaClient> };

export function getDb(): Promise<PrismaClient> {
  globalForDb.dealTrackerDb ??= openDatabase();
  return globalForDb.dealTrackerDb;
}
