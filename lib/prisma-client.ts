// Opens the SQLite database through Prisma's better-sqlite3 adapter with the pragmas the app relies on.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { resolveDatabaseUrl } from "./db-url";

const BUSY_TIMEOUT_MS = 10_000;

export async function openDatabase(url: string = resolveDatabaseUrl()): Promise<PrismaClient> {
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS }) });
  // WAL lets readers go on while a writer commits; NORMAL is durable in WAL mode short of power loss.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await client.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return client;
}
