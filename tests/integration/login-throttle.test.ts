import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLoginThrottle, clearLoginFailures, recordLoginFailure, REFUSE_AFTER, THROTTLE_WINDOW_MS } from "@/lib/auth/login-throttle";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.dispose());

describe("sign-in throttling", () => {
  it("lets the first failures through at once, then slows, then refuses until the window passes", async () => {
    const verdicts = [];
    for (let i = 0; i < REFUSE_AFTER; i++) {
      verdicts.push(await checkLoginThrottle(t.db, "10.0.0.1", "a@example.com"));
      await recordLoginFailure(t.db, "10.0.0.1", "a@example.com");
    }
    expect(verdicts.map((v) => (v.allowed ? v.delayMs : "refused"))).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000]);
    const refused = await checkLoginThrottle(t.db, "10.0.0.1", "a@example.com");
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
    const later = new Date(Date.now() + THROTTLE_WINDOW_MS + 1000);
    expect(await checkLoginThrottle(t.db, "10.0.0.1", "a@example.com", later)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("counts per account across addresses, and per address across accounts", async () => {
    for (let i = 0; i < REFUSE_AFTER; i++) await recordLoginFailure(t.db, `10.1.0.${i}`, "b@example.com");
    expect((await checkLoginThrottle(t.db, "10.9.9.9", "b@example.com")).allowed).toBe(false);
    for (let i = 0; i < REFUSE_AFTER; i++) await recordLoginFailure(t.db, "10.2.0.1", `user${i}@example.com`);
    expect((await checkLoginThrottle(t.db, "10.2.0.1", "someone-else@example.com")).allowed).toBe(false);
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    for (let i = 0; i < 5; i++) await recordLoginFailure(t.db, `10.3.0.${i}`, "c@example.com");
    await clearLoginFailures(t.db, "c@example.com");
    expect(await checkLoginThrottle(t.db, "10.3.9.9", "c@example.com")).toEqual({ allowed: true, delayMs: 0 });
  });
});
