// Fixed-window request limits per client, token or user, counted in the database (the RateLimitBucket table), so
// that every app process on one database counts against the same budget: N processes do not give a client N budgets.
// A key's window starts at its first request. Each request is one statement that creates the key's row, adds one to
// it, or starts a new window on it when the old one has ended, and returns the count and the window's end (INSERT ...
// ON CONFLICT DO UPDATE ... RETURNING: atomic on SQLite and PostgreSQL). Concurrent requests from any process each
// see a count of their own, so no more than the limit are allowed in a window.
// Rows of ended windows are deleted, by each process at most once a window.
//
// Every API request pays for this statement, so it runs on the driver rather than through Prisma's query engine: one
// check took 0.7-1.8 ms through $queryRaw and 0.12-0.23 ms on the driver (1,000 checks, 3 rounds, one process on the
// 100,000-deal database), which was most of what an API request cost above the static page; compiled once per handle
// (below), 23-31 µs. On SQLite it runs on the
// connection of Prisma's adapter, as $queryRaw did: Kysely's own connection would wait for the write lock of an import
// in progress (a 100,000-row import holds it for about 20 s, past the 10 s busy timeout) and answer 503; on PostgreSQL
// on the Kysely pool, whose row lock on the bucket does not wait for other transactions.
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { CompiledQuery } from "kysely";
import { isPostgresReads, readsOf, type Reads } from "./data/kysely";
import type { PrismaClient } from "./generated/prisma/client";
import { sqliteConnection } from "./sqlite-connection";

export type RateLimitVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private lastPrune = 0;

  /** `name` keeps this limiter's buckets apart from the others' in the one table. */
  constructor(
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts a request against `key`'s budget in its current window and says whether it is within the limit. */
  async check(db: PrismaClient, key: string, now = Date.now()): Promise<RateLimitVerdict> {
    if (now - this.lastPrune >= this.windowMs) {
      this.lastPrune = now;
      await pruneRateLimitBuckets(db, now);
    }
    const row = await countRequest(db, `${this.name}|${key}`, now, this.windowMs);
    const count = Number(row.count);
    const expiresAt = Number(row.expiresAt);
    if (count > this.limit) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((expiresAt - now) / 1000)) };
    return { allowed: true, remaining: this.limit - count };
  }
}

/**
 * Creates `key`'s bucket, adds one to it, or starts a new window on it when the old one has ended, and returns the
 * count and the window's end. SET's expressions all read the row as it was, so the three CASEs agree on whether the
 * window has ended.
 */
function upsertQuery(reads: Reads, key: string, windowStart: bigint, expiresAt: bigint): CompiledQuery<Bucket> {
  return reads
    .insertInto("RateLimitBucket")
    .values({ key, windowStart, expiresAt, count: 1 })
    .onConflict((conflict) =>
      conflict.column("key").doUpdateSet((eb) => {
        const ended = eb("RateLimitBucket.expiresAt", "<=", eb.ref("excluded.windowStart"));
        return {
          count: eb
            .case()
            .when(ended)
            .then(1)
            .else(eb("RateLimitBucket.count", "+", 1))
            .end(),
          windowStart: eb.case().when(ended).then(eb.ref("excluded.windowStart")).else(eb.ref("RateLimitBucket.windowStart")).end(),
          expiresAt: eb.case().when(ended).then(eb.ref("excluded.expiresAt")).else(eb.ref("RateLimitBucket.expiresAt")).end(),
        };
      }),
    )
    .returning(["count", "expiresAt"])
    .compile();
}

type Bucket = { count: number; expiresAt: number | bigint };

/** The upsert's text and, for one request's key and window, its parameters in the order the text binds them. */
type CompiledUpsert = { sql: string; parameters: (key: string, windowStart: bigint, expiresAt: bigint) => unknown[] };

// Values no request sends, compiled in the places of a request's own.
const KEY_SLOT = "\u0000key";
const START_SLOT = -1n;
const END_SLOT = -2n;

/**
 * The upsert compiled once per handle, since its text never changes: building and compiling it took about half of a
 * check (47 of 80 µs, 20,000 checks on a loaded machine). It is compiled with placeholder values, whose places in the
 * parameters then take each request's own; the other parameters are the query's constants.
 */
const compiledUpserts = new WeakMap<Reads, CompiledUpsert>();

function compiledUpsert(reads: Reads): CompiledUpsert {
  let compiled = compiledUpserts.get(reads);
  if (!compiled) {
    const query = upsertQuery(reads, KEY_SLOT, START_SLOT, END_SLOT);
    const slots = query.parameters.map((p) => (p === KEY_SLOT ? 0 : p === START_SLOT ? 1 : p === END_SLOT ? 2 : -1));
    if (slots.filter((slot) => slot >= 0).length !== 3) throw new Error("the rate limit's upsert binds its key and window once each");
    compiled = {
      sql: query.sql,
      parameters: (key, windowStart, expiresAt) => {
        const values = [key, windowStart, expiresAt];
        return slots.map((slot, i) => (slot >= 0 ? values[slot] : query.parameters[i]));
      },
    };
    compiledUpserts.set(reads, compiled);
  }
  return compiled;
}

/** The adapter connection's prepared upsert, prepared once per connection. */
const preparedUpserts = new WeakMap<Database.Database, Database.Statement>();

async function countRequest(db: PrismaClient, key: string, now: number, windowMs: number): Promise<Bucket> {
  const reads = readsOf(db);
  const upsert = compiledUpsert(reads);
  const parameters = upsert.parameters(key, BigInt(now), BigInt(now + windowMs));
  if (isPostgresReads(reads)) {
    const { rows } = await reads.executeQuery<Bucket>(CompiledQuery.raw(upsert.sql, parameters));
    return rows[0];
  }
  const connection = sqliteConnection(db);
  let statement = preparedUpserts.get(connection);
  if (!statement) {
    statement = connection.prepare(upsert.sql);
    preparedUpserts.set(connection, statement);
  }
  return statement.get(...parameters) as Bucket;
}

/** Deletes the buckets of windows that have ended: nothing reads them again. */
export async function pruneRateLimitBuckets(db: PrismaClient, now = Date.now()): Promise<number> {
  return db.rateLimitBucket.deleteMany({ where: { expiresAt: { lte: BigInt(now) } } }).then((r) => r.count);
}

/** A limit from the environment (a positive whole number), else the default. */
export function limitFromEnv(name: string, fallback: number, env: Record<string, string | undefined> = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}

/**
 * Per minute: reads of the public API and writes through it (token or session) per client, and writes per API
 * token (whichever client sends it). Operators (and the load tests) raise them with these environment variables.
 */
export const API_READS_PER_MINUTE = limitFromEnv("RATE_LIMIT_API_READS", 600);
export const API_WRITES_PER_MINUTE = limitFromEnv("RATE_LIMIT_API_WRITES", 30);
export const TOKEN_WRITES_PER_MINUTE = limitFromEnv("RATE_LIMIT_TOKEN_WRITES", 30);

/** The bucket of a bearer token: its SHA-256, so that the limiter's table holds no usable secret. */
export function tokenKey(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "");
  return match ? `token:${createHash("sha256").update(match[1]).digest("hex")}` : null;
}

export function tooManyRequests(retryAfterSeconds: number): Response {
  return Response.json(
    { error: "too many requests", message: `Slow down: try again in ${retryAfterSeconds} s.` },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds) } },
  );
}

/** When a request cannot be counted (the database does not answer): refused, as the database would fail the route. */
export function cannotCount(): Response {
  return Response.json(
    { error: "unavailable", message: "The server cannot take this request right now; try again in a few seconds." },
    { status: 503, headers: { "retry-after": "5" } },
  );
}
