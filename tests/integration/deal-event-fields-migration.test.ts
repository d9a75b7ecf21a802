// Migration 20261202120000_deal_event_fields: events stored before it recorded only status and amounts; its backfill
// gives them the deal's other reported fields (unchanged since, as far as anything recorded says).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, migrationFrom, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.dispose());

describe("the deal event fields migration", () => {
  it("gives events stored before it the deal's round, valuation, stake, summary and original amount", async () => {
    const org = await t.db.organization.create({ data: { slug: "lab", name: "Lab", type: "ai_lab" } });
    const deal = await t.db.deal.create({
      data: {
        recipientId: org.id,
        kind: "equity",
        status: "closed",
        round: "Series B",
        announcedOn: "2025-01-01",
        amountUsdLow: 5n,
        amountUsdHigh: 5n,
        amountQualifier: "exact",
        originalCurrency: "EUR",
        originalAmount: 4n,
        postMoneyValuationUsd: 50n,
        stakeBps: 250,
        summary: "Closed",
      },
    });
    // As the old writer stored them: status and amounts only (the new columns at their defaults).
    await t.db.dealEvent.createMany({
      data: [
        { dealId: deal.id, occurredOn: "2024-12-01", status: "in_talks", amountUsdLow: null, amountUsdHigh: 6n, amountQualifier: "up_to" },
        { dealId: deal.id, occurredOn: "2025-01-01", status: "closed", amountUsdLow: 5n, amountUsdHigh: 5n, amountQualifier: "exact" },
      ],
    });
    await t.db.$executeRawUnsafe(migrationFrom(t.provider, "20261202120000_deal_event_fields", 'UPDATE "DealEvent"'));
    const events = await t.db.dealEvent.findMany({ where: { dealId: deal.id }, orderBy: { id: "asc" } });
    for (const e of events) {
      expect([e.round, e.postMoneyValuationUsd, e.stakeBps, e.summary, e.originalCurrency, e.originalAmount]).toEqual([
        "Series B",
        50n,
        250,
        "Closed",
        "EUR",
        4n,
      ]);
    }
    // What they did record stays.
    expect(events.map((e) => [e.status, e.amountUsdHigh])).toEqual([
      ["in_talks", 6n],
      ["closed", 5n],
    ]);
  });
});
