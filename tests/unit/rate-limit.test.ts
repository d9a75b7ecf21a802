import { describe, expect, it } from "vitest";
import { limitFromEnv, tokenKey, tooManyRequests } from "@/lib/rate-limit";

// The counting itself needs the database: tests/integration/rate-limit.test.ts.
describe("rate limits", () => {
  it("answers 429 with Retry-After", async () => {
    const response = tooManyRequests(12);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("12");
    expect((await response.json()).error).toBe("too many requests");
  });

  it("takes limits from the environment, keeps the default when unset, and refuses a nonsense value", () => {
    expect(limitFromEnv("RATE_LIMIT_X", 30, {})).toBe(30);
    expect(limitFromEnv("RATE_LIMIT_X", 30, { RATE_LIMIT_X: "100000" })).toBe(100_000);
    expect(() => limitFromEnv("RATE_LIMIT_X", 30, { RATE_LIMIT_X: "lots" })).toThrow(/RATE_LIMIT_X/);
    expect(() => limitFromEnv("RATE_LIMIT_X", 30, { RATE_LIMIT_X: "0" })).toThrow(/RATE_LIMIT_X/);
  });

  it("keys token writes by a hash of the bearer token, never the token itself", () => {
    const key = tokenKey(new Headers({ authorization: "Bearer dt_secret" }));
    expect(key).toMatch(/^token:[0-9a-f]{64}$/);
    expect(key).not.toContain("dt_secret");
    expect(tokenKey(new Headers({ authorization: "Bearer dt_other" }))).not.toBe(key);
    expect(tokenKey(new Headers())).toBeNull();
  });
});
