// Brute-force protection for sign-in. Every attempt is recorded before its password is verified, and only then are
// the recent attempts counted: an attempt is verified only if the count it sees, its own row included, is within the
// limit. Concurrent attempts therefore cannot all see an empty record: of any number sent at once, at most the limit
// are verified (each verified attempt's row was written before its count, so the last of them to count sees all of
// them). This needs no transaction isolation beyond each statement seeing what was committed before it, which both
// SQLite and PostgreSQL's READ COMMITTED give.
//
// What is limited:
// - per account and address together (PAIR_LIMIT failures in the window, then refused until it passes): one client
//   guessing one account's password;
// - per address (ADDRESS_LIMIT across accounts): one client trying a password on many accounts;
// - per account across addresses, only slowed (a growing delay before verifying), never refused: so that failures
//   from other addresses cannot lock the owner out.
// An email is throttled the same whether or not it belongs to an account, so the answers reveal nothing about it.
import type { PrismaClient } from "../generated/prisma/client";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const PAIR_LIMIT = 8;
export const ADDRESS_LIMIT = 40;
export const SLOW_AFTER = 3;
export const MAX_DELAY_MS = 8000;

export type LoginAttempt = { allowed: true; delayMs: number; rowIds: number[] } | { allowed: false; retryAfterSeconds: number };

function keysFor(ip: string, email: string) {
  const account = email.trim().toLowerCase();
  return { pair: `pair:${account}|${ip}`, account: `email:${account}`, address: `ip:${ip}` };
}

/** 0 ms for the first few failures, then doubling from 1 s: slow enough to make guessing useless, short for a typo. */
export function delayFor(previousFailures: number): number {
  return previousFailures < SLOW_AFTER ? 0 : Math.min(1000 * 2 ** (previousFailures - SLOW_AFTER), MAX_DELAY_MS);
}

/** Records an attempt and decides whether its password may be verified (after `delayMs`). */
export async function beginLoginAttempt(db: PrismaClient, ip: string, email: string, now = new Date()): Promise<LoginAttempt> {
  const keys = keysFor(ip, email);
  const rows = await db.loginAttempt.createManyAndReturn({
    data: [keys.pair, keys.account, keys.address].map((key) => ({ key, createdAt: now })),
    select: { id: true },
  });
  const rowIds = rows.map((r) => r.id);
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const recent = (key: string) => db.loginAttempt.count({ where: { key, createdAt: { gt: since, lte: now } } });
  const [pair, address] = [await recent(keys.pair), await recent(keys.address)];
  const over = pair > PAIR_LIMIT ? keys.pair : address > ADDRESS_LIMIT ? keys.address : null;
  if (over) {
    // A refused attempt is not a failure: it leaves no row, so a client that keeps trying does not extend its wait.
    await db.loginAttempt.deleteMany({ where: { id: { in: rowIds } } });
    const oldest = await db.loginAttempt.findFirst({
      where: { key: over, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    const until = (oldest?.createdAt.getTime() ?? now.getTime()) + THROTTLE_WINDOW_MS;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }
  const account = await recent(keys.account);
  return { allowed: true, delayMs: delayFor(account - 1), rowIds };
}

/**
 * After a verified attempt: a failure keeps the rows beginLoginAttempt wrote (they are the record of it); a success
 * removes them and this account's failures from this address.
 */
export async function finishLoginAttempt(
  db: PrismaClient,
  attempt: { rowIds: number[] },
  ip: string,
  email: string,
  succeeded: boolean,
): Promise<void> {
  if (!succeeded) return;
  await db.loginAttempt.deleteMany({ where: { OR: [{ id: { in: attempt.rowIds } }, { key: keysFor(ip, email).pair }] } });
}
