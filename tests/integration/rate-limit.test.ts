// Finding 18 (issue 22): the API's rate limits are counted in the database, so that every app process on it counts
// against one budget. Here on the test database (SQLite, or PostgreSQL under `npm run test:pg`), with a second
// connection standing in for a second process; tests/postgresql/two-processes.test.ts does it with two real servers.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SOCKET_ADDRESS_HEADER } from "@/lib/client-address";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase } from "@/lib/prisma-client";
import { pruneRateLimitBuckets, RateLimiter } from "@/lib/rate-limit";
import { proxy } from "@/proxy";
import { useTestDbForApp } from "../support/app-db";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
let other: PrismaClient;

beforeAll(async () => {
  t = await createTestDb();
  other = await openDatabase(t.url);
});
afterAll(async () => {
  await other?.$disconnect();
  await t?.dispose();
});

const T0 = 1_000_000;

describe("RateLimiter", () => {
  it("allows the limit within a window, refuses the next with the seconds left, and starts again after", async () => {
    const limiter = new RateLimiter("window-test", 3, 60_000);
    const verdicts = [];
    for (const i of [0, 1, 2]) verdicts.push(await limiter.check(t.db, "a", T0 + i));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true]);
    expect(await limiter.check(t.db, "a", T0 + 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect((await limiter.check(t.db, "b", T0 + 20_000)).allowed).toBe(true);
    expect(await limiter.check(t.db, "a", T0 + 60_000)).toEqual({ allowed: true, remaining: 2 });
  });

  it("keeps one budget across connections: requests split between two, sent at once, get no more than the limit", async () => {
    // Two limiters, as two processes would have, on two connections to the one database.
    const here = new RateLimiter("shared-test", 10, 60_000);
    const there = new RateLimiter("shared-test", 10, 60_000);
    const verdicts = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? here.check(t.db, "client", T0 + i) : there.check(other, "client", T0 + i))),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    // Every allowed request saw its own count: the remainders are 9 down to 0, each once.
    expect(verdicts.flatMap((v) => (v.allowed ? [v.remaining] : [])).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("counts a request while an import's write transaction is open, without waiting for it to commit", async () => {
    // An import holds the write lock for its whole transaction (about 20 s for 100,000 rows on SQLite): the API's
    // requests meanwhile must still be counted and answered, not wait past the busy timeout and fail.
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let writing!: () => void;
    const written = new Promise<void>((resolve) => (writing = resolve));
    const importing = t.db.$transaction(
      async (tx) => {
        await tx.rateLimitBucket.create({ data: { key: "an-import|holds-the-lock", windowStart: 1n, expiresAt: 2n, count: 1 } });
        writing();
        await committed;
      },
      { timeout: 60_000 },
    );
    await written;
    const limiter = new RateLimiter("during-import", 5, 60_000);
    // The transaction commits only after the check returns: a check that waited for its lock would fail.
    const verdict = await limiter.check(t.db, "client", T0);
    commit();
    await importing;
    expect(verdict).toEqual({ allowed: true, remaining: 4 });
  });

  it("keeps limiters with the same keys apart", async () => {
    const reads = new RateLimiter("apart-reads", 1, 60_000);
    const writes = new RateLimiter("apart-writes", 1, 60_000);
    expect((await reads.check(t.db, "192.0.2.1", T0)).allowed).toBe(true);
    expect((await writes.check(t.db, "192.0.2.1", T0)).allowed).toBe(true);
    expect((await reads.check(t.db, "192.0.2.1", T0)).allowed).toBe(false);
  });

  it("deletes the buckets of ended windows, and a limiter does so itself once a window", async () => {
    await t.db.rateLimitBucket.deleteMany();
    const bucket = (key: string, start: number) => ({ key, windowStart: BigInt(start), expiresAt: BigInt(start + 60_000), count: 1 });
    await t.db.rateLimitBucket.createMany({ data: [bucket("ended", T0), bucket("current", T0 + 30_000)] });
    expect(await pruneRateLimitBuckets(t.db, T0 + 60_000)).toBe(1);
    expect((await t.db.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(["current"]);
    // The limiter's first check, and then its first a window later, clear the ended windows before counting.
    const limiter = new RateLimiter("prune-test", 5, 60_000);
    await limiter.check(t.db, "a", T0 + 120_000);
    expect((await t.db.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(["prune-test|a"]);
    await limiter.check(t.db, "b", T0 + 150_000);
    expect(await t.db.rateLimitBucket.count()).toBe(2);
    await limiter.check(t.db, "c", T0 + 210_000);
    expect((await t.db.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(["prune-test|c"]);
  });
});

describe("an API request that cannot be counted", () => {
  it("is refused with 503 and Retry-After, not let through uncounted, and the error is logged with its request id", async () => {
    const broken = await createTestDb();
    const release = useTestDbForApp(broken.db);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await broken.db.$executeRawUnsafe('DROP TABLE "RateLimitBucket"');
      const response = await proxy(
        new NextRequest("http://localhost:3000/api/deals", { headers: { [SOCKET_ADDRESS_HEADER]: "192.0.2.50" } }),
      );
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect((await response.json()).error).toBe("unavailable");
      const requestId = response.headers.get("x-request-id");
      expect(logged.mock.calls.some(([line]) => String(line).includes(`[request ${requestId}] rate limit for GET /api/deals failed`))).toBe(
        true,
      );
    } finally {
      logged.mockRestore();
      release();
      await broken.dispose();
    }
  });
});
