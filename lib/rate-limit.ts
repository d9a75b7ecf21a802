// Fixed-window request limits per client, kept in this process's memory: enough to stop one client from
// hammering a single server. (Several app processes each count on their own; a shared store would be needed to
// enforce one budget across them.)
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
    if (window.count > this.limit) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
    return { allowed: true, remaining: this.limit - window.count };
  }

  private forgetExpired(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}

/** The client a request comes from: the first X-Forwarded-For address behind a proxy, else one shared "direct" bucket. */
export function clientKey(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "direct";
}

/** Reads of the public API, and writes through it (token or session), per client per minute. */
export const API_READS_PER_MINUTE = 600;
export const API_WRITES_PER_MINUTE = 30;

export function tooManyRequests(retryAfterSeconds: number): Response {
  return Response.json(
    { error: "too many requests", message: `Slow down: try again in ${retryAfterSeconds} s.` },
    { status: 429, headers: { "retry-after": String(retryAfterSeconds) } },
  );
}
