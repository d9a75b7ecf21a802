// Editing through the real server actions on a real SQLite file: lifecycle events, conflicts, soft delete, restore.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/auth/accounts";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { IDLE } from "@/lib/actions/action-state";
import { deleteDeal } from "@/lib/actions/deals/delete-deal";
import { restoreDealRevisionAction } from "@/lib/actions/deals/restore-deal-revision";
import { saveDeal } from "@/lib/actions/deals/save-deal";
import { getDealForEditing } from "@/lib/data/admin";
import { seedDatabase } from "@/lib/seed/seed-database";
import { requestContext } from "../support/next-request-context";
import { createTestDb, type TestDb } from "../support/test-db";

vi.mock("next/headers", async () => (await import("../support/next-request-context")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// redirect() ends a successful action; here it records where it went instead of leaving the request.
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("redirect"), { to });
  },
}));

let t: TestDb;
let cookie: string;
let dealId: number;

async function asEditor<T>(run: () => Promise<T>): Promise<T | { redirectedTo: string }> {
  requestContext.reset();
  requestContext.cookies.set("dt_session", cookie);
  try {
    return await run();
  } catch (error) {
    const to = (error as { to?: string }).to;
    if (to) return { redirectedTo: to };
    throw error;
  }
}

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

async function editForm(id: number, changes: Record<string, string>) {
  const current = await getDealForEditing(id);
  return form({
    ...current!.values,
    source_url: "",
    source_publisher: "",
    source_date: "",
    id: String(id),
    version: String(current!.version),
    ...changes,
  });
}

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as { dealTrackerDb?: Promise<unknown> }).dealTrackerDb = Promise.resolve(t.db);
  await seedDatabase(t.db);
  const editor = await createUser(t.db, { email: "ed@example.com", password: "editor-password-1", role: "editor" });
  cookie = generateSecret("s");
  await t.db.session.create({ data: { id: hashSecret(cookie), userId: editor.id, expiresAt: new Date(Date.now() + 3_600_000) } });
});
afterAll(async () => t?.dispose());

beforeEach(async () => {
  const created = await asEditor(() =>
    saveDeal(
      IDLE,
      form({
        announced_on: "2026-07-01",
        investors: "Nvidia (lead); QIA",
        recipient: "Mistral AI",
        kind: "equity",
        status: "in_talks",
        round: "Series D talks",
        amount_usd_low: "",
        amount_usd_high: "2000000000",
        amount_qualifier: "up_to",
        original_currency: "USD",
        summary: "Talks reported",
        source_url: "https://example.com/talks",
        source_publisher: "Example",
        source_date: "2026-07-01",
        // Each test starts from one more copy of this deal: the copies are likely duplicates, acknowledged here.
        create_anyway: "1",
      }),
    ),
  );
  expect(created).toMatchObject({ redirectedTo: expect.stringMatching(/^\/admin\/deals\/\d+\?saved=1$/) });
  dealId = Number(/\/admin\/deals\/(\d+)/.exec((created as { redirectedTo: string }).redirectedTo)![1]);
});

/** The deal of beforeEach reported again: another round name, an amount within 10 %, a week later, no acknowledgement. */
const REPORTED_AGAIN = {
  announced_on: "2026-07-08",
  investors: "QIA; Nvidia",
  recipient: "Mistral AI",
  kind: "equity",
  status: "in_talks",
  round: "Series D",
  amount_usd_low: "",
  amount_usd_high: "1900000000",
  amount_qualifier: "up_to",
  original_currency: "USD",
  summary: "Talks reported elsewhere",
  source_url: "https://example.org/talks",
  source_publisher: "Elsewhere",
  source_date: "2026-07-08",
};

describe("the new-deal form and likely duplicates", () => {
  it("refuses a likely duplicate without the acknowledgement, naming the deal and why, and writes nothing", async () => {
    const [deals, revisions] = [await t.db.deal.count(), await t.db.revision.count()];
    const result = await asEditor(() => saveDeal(IDLE, form(REPORTED_AGAIN)));
    expect(result).toMatchObject({ status: "error", message: expect.stringContaining("Create anyway"), values: { round: "Series D" } });
    const { duplicates } = (result as { data: { duplicates: { kind: string; dealId: number; reasons: string[] }[] } }).data;
    expect(duplicates.map((d) => [d.kind, d.dealId])).toContainEqual(["existing", dealId]);
    expect(duplicates.find((d) => d.dealId === dealId)!.reasons).toEqual([
      "same recipient (Mistral AI)",
      expect.stringMatching(/^investor in common: (Nvidia|Qatar Investment Authority)/),
      "announced 7 days apart",
      "amounts within 10% ($1,900,000,000 and $2,000,000,000)",
    ]);
    expect([await t.db.deal.count(), await t.db.revision.count()]).toEqual([deals, revisions]);
  });

  it("creates it when the editor ticks “create anyway”", async () => {
    const deals = await t.db.deal.count();
    const result = await asEditor(() => saveDeal(IDLE, form({ ...REPORTED_AGAIN, create_anyway: "1" })));
    expect(result).toMatchObject({ redirectedTo: expect.stringMatching(/^\/admin\/deals\/\d+\?saved=1$/) });
    expect(await t.db.deal.count()).toBe(deals + 1);
  });

  it("creates a deal that looks like no other without asking", async () => {
    const result = await asEditor(() => saveDeal(IDLE, form({ ...REPORTED_AGAIN, announced_on: "2026-09-01", source_date: "" })));
    expect(result).toMatchObject({ redirectedTo: expect.stringMatching(/^\/admin\/deals\/\d+\?saved=1$/) });
  });
});

describe("editing deals", () => {
  it("records a status change as a lifecycle event with its date and source", async () => {
    const result = await asEditor(async () =>
      saveDeal(
        IDLE,
        await editForm(dealId, {
          status: "closed",
          amount_usd_low: "1500000000",
          amount_usd_high: "1500000000",
          amount_qualifier: "exact",
          change_date: "2026-08-15",
          change_note: "Round closed at $1.5B",
          source_url: "https://example.com/closed",
          source_publisher: "Example",
        }),
      ),
    );
    expect(result).toMatchObject({ redirectedTo: `/admin/deals/${dealId}?saved=1` });
    const deal = await t.db.deal.findUniqueOrThrow({
      where: { id: dealId },
      include: { events: { orderBy: { id: "asc" }, include: { source: true } } },
    });
    expect([deal.status, deal.amountUsdLow, deal.amountUsdKey, deal.version]).toEqual(["closed", 1_500_000_000n, 1_500_000_000n, 2]);
    expect(deal.events.map((e) => [e.occurredOn, e.status, e.amountUsdHigh, e.source?.url])).toEqual([
      ["2026-07-01", "in_talks", 2_000_000_000n, "https://example.com/talks"],
      ["2026-08-15", "closed", 1_500_000_000n, "https://example.com/closed"],
    ]);
  });

  it("records a change of a term (round, valuation, summary) as a lifecycle event, so earlier dates keep the old terms", async () => {
    const result = await asEditor(async () =>
      saveDeal(
        IDLE,
        await editForm(dealId, {
          round: "Series D",
          post_money_valuation_usd: "14000000000",
          summary: "Series D talks at $14B",
          change_date: "2026-07-20",
        }),
      ),
    );
    expect(result).toMatchObject({ redirectedTo: `/admin/deals/${dealId}?saved=1` });
    const events = await t.db.dealEvent.findMany({ where: { dealId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.occurredOn, e.status, e.round, e.postMoneyValuationUsd, e.summary])).toEqual([
      ["2026-07-01", "in_talks", "Series D talks", null, "Talks reported"],
      ["2026-07-20", "in_talks", "Series D", 14_000_000_000n, "Series D talks at $14B"],
    ]);
    // An edit that changes nothing reported records no step.
    await asEditor(async () => saveDeal(IDLE, await editForm(dealId, {})));
    expect(await t.db.dealEvent.count({ where: { dealId } })).toBe(2);
  });

  it("dates a term's correction without a date of its own at its source, else today", async () => {
    await asEditor(async () => saveDeal(IDLE, await editForm(dealId, { summary: "Talks reported by Example" })));
    const last = await t.db.dealEvent.findFirstOrThrow({ where: { dealId }, orderBy: { id: "desc" } });
    expect([last.occurredOn, last.summary]).toEqual([new Date().toISOString().slice(0, 10), "Talks reported by Example"]);
  });

  it("refuses a status change without its date and source, naming the fields", async () => {
    const result = await asEditor(async () => saveDeal(IDLE, await editForm(dealId, { status: "announced" })));
    expect(result).toMatchObject({ status: "error", fieldErrors: { change_date: [expect.any(String)], source_url: [expect.any(String)] } });
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: dealId } })).status).toBe("in_talks");
  });

  it("turns a save over someone else's newer edit into a conflict, not a lost update", async () => {
    const stale = await editForm(dealId, { summary: "My summary" });
    const first = await asEditor(async () => saveDeal(IDLE, await editForm(dealId, { summary: "Their summary" })));
    expect(first).toMatchObject({ redirectedTo: expect.any(String) });
    const second = await asEditor(() => saveDeal(IDLE, stale));
    expect(second).toMatchObject({
      status: "conflict",
      currentVersion: 2,
      theirs: { summary: "Their summary" },
      values: { summary: "My summary", version: "2" },
    });
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: dealId } })).summary).toBe("Their summary");
  });

  it("lets only one of two simultaneous saves of the same version land", async () => {
    const a = await editForm(dealId, { summary: "A" });
    const b = await editForm(dealId, { summary: "B" });
    const results = await Promise.all([asEditor(() => saveDeal(IDLE, a)), asEditor(() => saveDeal(IDLE, b))]);
    expect(results.filter((r) => "redirectedTo" in r)).toHaveLength(1);
    expect(results.filter((r) => "status" in r && r.status === "conflict")).toHaveLength(1);
    const deal = await t.db.deal.findUniqueOrThrow({ where: { id: dealId } });
    expect(deal.version).toBe(2);
    expect(await t.db.revision.count({ where: { entityType: "deal", entityId: dealId } })).toBe(2);
  });

  it("deletes softly and restores from a revision, which is itself a revision", async () => {
    const deleted = await asEditor(() => deleteDeal(IDLE, form({ id: String(dealId) })));
    expect(deleted).toEqual({ redirectedTo: `/admin?deleted=${dealId}` });
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: dealId } })).deletedAt).not.toBeNull();
    const created = await t.db.revision.findFirstOrThrow({ where: { entityType: "deal", entityId: dealId, action: "create" } });
    const restored = await asEditor(() => restoreDealRevisionAction(IDLE, form({ revisionId: String(created.id) })));
    expect(restored).toEqual({ redirectedTo: `/deals/${dealId}/history?restored=${created.id}` });
    const deal = await t.db.deal.findUniqueOrThrow({
      where: { id: dealId },
      include: { participations: { orderBy: { position: "asc" }, include: { organization: true } } },
    });
    expect(deal.deletedAt).toBeNull();
    expect(deal.participations.map((p) => [p.organization?.slug, p.role])).toEqual([
      ["nvidia", "lead"],
      ["qia", "participant"],
    ]);
    expect(
      (await t.db.revision.findMany({ where: { entityType: "deal", entityId: dealId }, orderBy: { id: "asc" } })).map((r) => r.action),
    ).toEqual(["create", "delete", "restore"]);
  });

  it("records a restore that changes reported terms as a lifecycle event, so the latest event is the deal again", async () => {
    await asEditor(async () => saveDeal(IDLE, await editForm(dealId, { summary: "Edited", change_date: "2026-07-10" })));
    const created = await t.db.revision.findFirstOrThrow({ where: { entityType: "deal", entityId: dealId, action: "create" } });
    await asEditor(() => restoreDealRevisionAction(IDLE, form({ revisionId: String(created.id) })));
    const events = await t.db.dealEvent.findMany({ where: { dealId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.summary)).toEqual(["Talks reported", "Edited", "Talks reported"]);
    expect(events.at(-1)?.note).toBe(`Restored revision ${created.id}`);
  });

  it("names unknown organizations in the form instead of creating them", async () => {
    const result = await asEditor(async () => saveDeal(IDLE, await editForm(dealId, { investors: "Nvidiaa" })));
    expect(result).toMatchObject({ status: "error", fieldErrors: { investors: ['"Nvidiaa" is not a known organization or alias'] } });
  });
});
