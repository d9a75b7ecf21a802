// Fixed-window request limits per client, kept in this process's memory: enough to stop one client from
// hammering a single server. (Several app processes each count on their own; a shared store would be needed to
// enforce one budget across them.)
import { createHash } from "node:crypto";

export type RateLimitVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  check(key: string, now = Date.now()): RateLimitVerdict {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 10_000) this.forgetExpired(now);
    }
    window.count++;
    if (window.count > this.limit)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
    return { allowed: true, remaining: this.limit - window.count };
  }

  private forgetExpired(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
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

/** The bucket of a bearer token: its SHA-256, so that the limiter's memory holds no usable secret. */
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
