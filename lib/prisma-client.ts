// Opens the database the URL names: SQLite through Prisma's better-sqlite3 adapter with the pragmas the app relies on
// (the default), or PostgreSQL through @prisma/adapter-pg. Each provider has its own generated client
// (lib/generated/prisma from prisma/schema.prisma, lib/generated/prisma-pg from the derived prisma/postgresql schema);
// the models are the same, so the app is typed against the SQLite one and both clients answer to that type.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "./generated/prisma-pg/client";
import { databaseProvider, POSTGRESQL_SESSION_OPTIONS, resolveDatabaseUrl } from "./db-url";
import { registerReads } from "./data/kysely";
import { postgresTransactionScope, type PostgresTransactionScope } from "./insert-rows";
import { registerSqliteConnection } from "./sqlite-connection";

const BUSY_TIMEOUT_MS = 10_000;
/** The SQLite writer connection's page cache, in KiB (a negative cache_size is KiB). */
const WRITER_CACHE_KIB = 64 * 1024;
/** Connections each app process keeps to PostgreSQL (DATABASE_POOL_SIZE overrides). */
const DEFAULT_PG_POOL_SIZE = 10;

export async function openDatabase(url: string = resolveDatabaseUrl()): Promise<PrismaClient> {
  if (databaseProvider(url) === "postgresql") return openPostgres(url);
  const adapter = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  // The adapter's own better-sqlite3 connection, for the batch INSERTs (lib/insert-rows.ts): kept each time Prisma
  // connects, and checked, so that an adapter that stops exposing it fails here rather than writing elsewhere.
  let connection: Database.Database | undefined;
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const opened = await connect();
    const handle = (opened as unknown as { client?: Database.Database }).client;
    if (typeof handle?.prepare !== "function") throw new Error("Prisma's SQLite adapter no longer exposes its better-sqlite3 connection");
    connection = handle;
    return opened;
  };
  const client = new PrismaClient({ adapter });
  registerSqliteConnection(client, () => connection);
  // WAL lets readers go on while a writer commits; NORMAL is durable in WAL mode short of power loss.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await client.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // The writer's page cache, 64 MiB instead of better-sqlite3's 16 MB: a large import's INSERTs touch pages all over
  // Deal's nine indexes and the other tables, and a smaller cache reads them back and spills dirty pages to the WAL
  // before the commit (a 10,000-row import at 100,000 deals spent about 0.5 s more CPU with 16 MB, 0.3 s more with
  // 32 MiB). The cache grows only as pages are used.
  await client.$queryRawUnsafe(`PRAGMA cache_size = -${WRITER_CACHE_KIB}`);
  registerReads(client, url);
  return client;
}

async function openPostgres(url: string): Promise<PrismaClient> {
  const max = Number(process.env.DATABASE_POOL_SIZE) || DEFAULT_PG_POOL_SIZE;
  const adapter = new PrismaPg({ connectionString: url, options: POSTGRESQL_SESSION_OPTIONS, max });
  // The pg connection of each interactive transaction, for the batch INSERTs (lib/insert-rows.ts): the adapter takes
  // it from its pool when Prisma begins the transaction, in the scope `$transaction` opens below. The connection is
  // the adapter transaction's `client` field, which Prisma does not document, so it is checked here and an adapter
  // that stops exposing it fails the transaction rather than writing elsewhere.
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const opened = await connect();
    const start = opened.startTransaction.bind(opened);
    opened.startTransaction = async (...args: Parameters<typeof start>) => {
      const transaction = await start(...args);
      const handle = (transaction as unknown as { client?: PostgresTransactionScope["connection"] }).client;
      if (typeof handle?.query !== "function") {
        await transaction.rollback();
        throw new Error("Prisma's PostgreSQL adapter no longer exposes its transaction's pg connection");
      }
      const scope = postgresTransactionScope.getStore();
      if (scope) scope.connection = handle;
      return transaction;
    };
    return opened;
  };
  const client = new PgPrismaClient({ adapter });
  // Every interactive transaction in a scope of its own (see above); a batch of queries passes through as it is. Called
  // on the handle it is called on, so that a client made by $extends keeps its extensions inside the transaction.
  const transaction = client.$transaction as (...args: unknown[]) => Promise<unknown>;
  Object.defineProperty(client, "$transaction", {
    value(this: unknown, ...args: unknown[]) {
      return typeof args[0] === "function"
        ? postgresTransactionScope.run({}, () => transaction.apply(this, args))
        : transaction.apply(this, args);
    },
  });
  await client.$connect();
  registerReads(client, url);
  return client as unknown as PrismaClient;
}
