// PATCH /api/deals/{id}: the JSON way to edit one deal, through the one deal writer. Called as Next calls it, on a
// real seeded SQLite file.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken, createUser } from "@/lib/auth/accounts";
import { seedDatabase } from "@/lib/seed/seed-database";
import { createTestDb, type TestDb } from "../support/test-db";

vi.mock("next/headers", async () => (await import("../support/next-request-context")).nextHeadersMock);

let t: TestDb;
let token: string;
let PATCH: typeof import("@/app/api/deals/[id]/route").PATCH;

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as { dealTrackerDb?: Promise<unknown> }).dealTrackerDb = Promise.resolve(t.db);
  await seedDatabase(t.db);
  const editor = await createUser(t.db, { email: "api-editor@example.com", password: "editor-password-1", role: "editor" });
  token = (await createApiToken(t.db, editor.id, "edits")).token;
  ({ PATCH } = await import("@/app/api/deals/[id]/route"));
});
afterAll(async () => t?.dispose());

function patch(id: number | string, body: unknown, headers: Record<string, string> = {}) {
  return PATCH(
    new Request(`http://localhost/api/deals/${id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: String(id) }) },
  );
}

async function state(id: number) {
  const deal = await t.db.deal.findUniqueOrThrow({ where: { id }, select: { summary: true, version: true, status: true } });
  return {
    ...deal,
    revisions: await t.db.revision.count({ where: { entityType: "deal", entityId: id } }),
    events: await t.db.dealEvent.count({ where: { dealId: id } }),
  };
}

describe("PATCH /api/deals/{id}", () => {
  it("puts a deal into a round of its recipient by key, creates a round for a new key, keeps it when not sent, and clears it", async () => {
    const disney = await t.db.deal.findFirstOrThrow({
      where: { recipient: { slug: "openai" }, participations: { some: { organization: { slug: "disney" } } } },
    });
    const roundOf = async () =>
      (
        await t.db.deal.findUniqueOrThrow({
          where: { id: disney.id },
          select: { roundRef: { select: { key: true, name: true, recipientId: true } } },
        })
      ).roundRef;
    const version = async () => (await t.db.deal.findUniqueOrThrow({ where: { id: disney.id } })).version;
    const eventsBefore = await t.db.dealEvent.count({ where: { dealId: disney.id } });

    expect((await patch(disney.id, { version: await version(), round_key: "2026-mega-round" })).status).toBe(200);
    expect((await roundOf())?.name).toBe("2026 mega-round");
    // The round a deal belongs to is grouping, not a reported term: no lifecycle event.
    expect(await t.db.dealEvent.count({ where: { dealId: disney.id } })).toBe(eventsBefore);

    const roundsBefore = await t.db.round.count();
    expect((await patch(disney.id, { version: await version(), round_key: "disney-2025" })).status).toBe(200);
    expect(await t.db.round.count()).toBe(roundsBefore + 1);
    expect(await roundOf()).toEqual({ key: "disney-2025", name: disney.round, recipientId: disney.recipientId });
    const created = await t.db.round.findFirstOrThrow({ where: { key: "disney-2025" } });
    expect(await t.db.revision.count({ where: { entityType: "round", entityId: created.id } })).toBe(1);

    expect((await patch(disney.id, { version: await version(), summary: "Round kept" })).status).toBe(200);
    expect((await roundOf())?.key).toBe("disney-2025");

    expect((await patch(disney.id, { version: await version(), round_key: "" })).status).toBe(200);
    expect(await roundOf()).toBeNull();
  });

  it("changes the fields sent, keeps the others, bumps the version and leaves a revision", async () => {
    const before = await state(5);
    const response = await patch(5, { version: before.version, summary: "Edited by a script" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 5, version: before.version + 1 });
    expect(response.headers.get("etag")).toBe(`"${before.version + 1}"`);
    const after = await state(5);
    // A new summary is a reported term: one lifecycle event, so the deal as of an earlier date keeps the old one.
    expect(after).toMatchObject({
      summary: "Edited by a script",
      version: before.version + 1,
      status: before.status,
      revisions: before.revisions + 1,
      events: before.events + 1,
    });
    const revision = await t.db.revision.findFirstOrThrow({ where: { entityType: "deal", entityId: 5 }, orderBy: { id: "desc" } });
    expect(revision).toMatchObject({ action: "update", actor: "api-editor@example.com" });
    expect(JSON.parse(revision.after!)).toMatchObject({ summary: "Edited by a script", version: before.version + 1 });
  });

  it("takes the version from If-Match too", async () => {
    const before = await state(6);
    const response = await patch(6, { summary: "Via If-Match" }, { "if-match": `"${before.version}"` });
    expect(response.status).toBe(200);
    expect((await state(6)).summary).toBe("Via If-Match");
  });

  it("refuses a stale version with 409 and the current version, writing nothing", async () => {
    const before = await state(7);
    const response = await patch(7, { version: before.version - 1 < 1 ? before.version + 5 : before.version - 1, summary: "stale" });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: "conflict", currentVersion: before.version });
    expect(await state(7)).toEqual(before);
  });

  it("records a lifecycle event when the status changes, and then asks for the change's date and source", async () => {
    const before = await state(8);
    const next = before.status === "closed" ? "terminated" : "closed";
    const refused = await patch(8, { version: before.version, status: next });
    expect(refused.status).toBe(400);
    expect(Object.keys((await refused.json()).fields).sort()).toEqual(["change_date", "source_url"]);
    expect(await state(8)).toEqual(before);
    const landed = await patch(8, {
      version: before.version,
      status: next,
      change_date: "2026-08-01",
      source_url: "https://example.com/closed",
      source_publisher: "Example",
    });
    expect(landed.status).toBe(200);
    expect(await state(8)).toMatchObject({ status: next, events: before.events + 1, revisions: before.revisions + 1 });
  });

  it("answers 400 naming each bad field, and writes nothing", async () => {
    const before = await state(9);
    const cases: [unknown, string[]][] = [
      [{ version: before.version, amount_usd_low: "lots" }, ["amount_usd_low"]],
      [{ version: before.version, kind: "gift", nickname: "x" }, ["nickname"]],
      [{ version: before.version, summary: { html: "<b>x</b>" } }, ["summary"]],
      [{ summary: "no version" }, ["version"]],
      [{ version: "three", summary: "x" }, ["version"]],
      [[1, 2], ["body"]],
      ["{not json", ["body"]],
    ];
    for (const [body, fields] of cases) {
      const response = await patch(9, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((await response.json()).fields), JSON.stringify(body)).toEqual(fields);
    }
    expect(await state(9)).toEqual(before);
  });

  it("answers 404 for a deal that does not exist", async () => {
    expect((await patch(999_999, { version: 1, summary: "x" })).status).toBe(404);
    expect((await patch("abc", { version: 1, summary: "x" })).status).toBe(404);
  });
});
