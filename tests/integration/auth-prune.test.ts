import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/accounts";
import { THROTTLE_WINDOW_MS } from "@/lib/auth/login-throttle";
import { pruneAuthRecords } from "@/lib/auth/prune";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.dispose());

describe("pruning sessions and sign-in attempts", () => {
  it("deletes expired sessions and failures older than the throttle window, and keeps the rest", async () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const user = await createUser(t.db, { email: "prune@example.com", password: "prune-password-1", role: "editor" });
    await t.db.session.createMany({
      data: [
        { id: "expired", userId: user.id, expiresAt: new Date(now.getTime() - 1000) },
        { id: "live", userId: user.id, expiresAt: new Date(now.getTime() + 1000) },
      ],
    });
    await t.db.loginAttempt.createMany({
      data: [
        { key: "ip:old", createdAt: new Date(now.getTime() - THROTTLE_WINDOW_MS - 1000) },
        { key: "ip:recent", createdAt: new Date(now.getTime() - THROTTLE_WINDOW_MS + 1000) },
      ],
    });
    expect(await pruneAuthRecords(t.db, now)).toEqual({ sessions: 1, loginAttempts: 1 });
    expect((await t.db.session.findMany({ select: { id: true } })).map((s) => s.id)).toEqual(["live"]);
    expect((await t.db.loginAttempt.findMany({ select: { key: true } })).map((a) => a.key)).toEqual(["ip:recent"]);
    expect(await pruneAuthRecords(t.db, now)).toEqual({ sessions: 0, loginAttempts: 0 });
  });
});
