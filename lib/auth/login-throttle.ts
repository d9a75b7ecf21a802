// Brute-force protection for sign-in: failures are counted per address and per account over a window; past a few
// each attempt is slowed, past more they are refused until the window passes.
import type { PrismaClient } from "../generated/prisma/client";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const SLOW_AFTER = 3;
export const REFUSE_AFTER = 8;

export type ThrottleVerdict = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

function keysFor(ip: string, email: string): string[] {
  return [`ip:${ip}`, `email:${email.toLowerCase()}`];
}

export async function checkLoginThrottle(db: PrismaClient, ip: string, email: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  let worst = 0;
  let oldest: Date | null = null;
  for (const key of keysFor(ip, email)) {
    const failures = await db.loginAttempt.findMany({ where: { key, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
    if (failures.length > worst) {
      worst = failures.length;
      oldest = failures[0]?.createdAt ?? null;
    }
  }
  if (worst >= REFUSE_AFTER && oldest) {
    return { allowed: false, retryAfterSeconds: Math.ceil((oldest.getTime() + THROTTLE_WINDOW_MS - now.getTime()) / 1000) };
  }
  // 0 ms for the first few failures, then doubling from 1 s: slow enough to make guessing useless, short for a typo.
  const delayMs = worst < SLOW_AFTER ? 0 : Math.min(1000 * 2 ** (worst - SLOW_AFTER), 8000);
  return { allowed: true, delayMs };
}

export async function recordLoginFailure(db: PrismaClient, ip: string, email: string): Promise<void> {
  await db.loginAttempt.createMany({ data: keysFor(ip, email).map((key) => ({ key })) });
}

export async function clearLoginFailures(db: PrismaClient, email: string): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { key: `email:${email.toLowerCase()}` } });
}
