// Every PostgreSQL session the app opens, the reads' pool (Kysely) and Prisma's, runs with JIT compilation off
// (POSTGRESQL_SESSION_OPTIONS in lib/db-url.ts): PostgreSQL otherwise compiled the figures' queries, whose estimates
// run to millions of rows, for 0.7 s each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { readsOf } from "@/lib/data/kysely";
import { createTestDb, testPostgresUrl, type TestDb } from "../support/test-db";

const onPostgres = testPostgresUrl() !== null;
let t: TestDb;
beforeAll(async () => {
  if (onPostgres) t = await createTestDb({ provider: "postgresql" });
});
afterAll(async () => t?.dispose());

describe.skipIf(!onPostgres)("the app's PostgreSQL sessions", () => {
  it("run with JIT compilation off, on the reads' connections and on Prisma's", async () => {
    const reads = await sql<{ jit: string }>`SHOW jit`.execute(readsOf(t.db));
    expect(reads.rows[0].jit).toBe("off");
    const writes = await t.db.$queryRawUnsafe<{ jit: string }[]>("SHOW jit");
    expect(writes[0].jit).toBe("off");
    // The server's own default is on: the setting comes from the app's connections.
    const server = await sql<{ boot_val: string }>`SELECT boot_val FROM pg_settings WHERE name = 'jit'`.execute(readsOf(t.db));
    expect(server.rows[0].boot_val).toBe("on");
  });
});
