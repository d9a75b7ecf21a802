import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADDRESS_LIMIT,
  beginLoginAttempt,
  finishLoginAttempt,
  PAIR_LIMIT,
  THROTTLE_WINDOW_MS,
  type LoginAttempt,
} from "@/lib/auth/login-throttle";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.dispose());

const outcome = (a: LoginAttempt) => (a.allowed ? a.delayMs : "refused");

describe("sign-in throttling", () => {
  it("lets the first failures through at once, then slows, then refuses until the window passes", async () => {
    const verdicts = [];
    for (let i = 0; i <= PAIR_LIMIT; i++) verdicts.push(outcome(await beginLoginAttempt(t.db, "10.0.0.1", "a@example.com")));
    expect(verdicts).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000, "refused"]);
    const refused = await beginLoginAttempt(t.db, "10.0.0.1", "a@example.com");
    expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
    const later = new Date(Date.now() + THROTTLE_WINDOW_MS + 1000);
    expect(outcome(await beginLoginAttempt(t.db, "10.0.0.1", "a@example.com", later))).toBe(0);
  });

  it("refuses one address trying many accounts", async () => {
    for (let i = 0; i < ADDRESS_LIMIT; i++) expect((await beginLoginAttempt(t.db, "10.2.0.1", `user${i}@example.com`)).allowed).toBe(true);
    expect((await beginLoginAttempt(t.db, "10.2.0.1", "someone-else@example.com")).allowed).toBe(false);
    expect((await beginLoginAttempt(t.db, "10.2.0.2", "someone-else@example.com")).allowed).toBe(true);
  });

  it("forgets this address's failures for the account after a successful sign-in", async () => {
    for (let i = 0; i < 5; i++) await beginLoginAttempt(t.db, "10.3.0.1", "c@example.com");
    const success = await beginLoginAttempt(t.db, "10.3.0.1", "c@example.com");
    if (!success.allowed) throw new Error("expected the attempt to be allowed");
    await finishLoginAttempt(t.db, success, "10.3.0.1", "c@example.com", true);
    expect(await t.db.loginAttempt.count({ where: { key: "pair:c@example.com|10.3.0.1" } })).toBe(0);
  });
});
