// Migration 20261226100000_deal_state_since: the deals stored before it get Deal.stateSince from their events, the
// same date the writers keep (eventDatesUpdate, lib/data/raw/change-kinds.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryBuilder } from "@/lib/data/kysely";
import { eventDatesUpdate } from "@/lib/data/raw/change-kinds";
import { runOnTransaction } from "@/lib/insert-rows";
import { REPORTED_FIELDS } from "@/lib/story/as-of";
import { createTestDb, migrationFrom, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.dispose());

describe("the deal state-since migration", () => {
  it("dates each deal's row from its latest event when that event reports what the row holds, like the writers", async () => {
    const org = await t.db.organization.create({ data: { slug: "lab", name: "Lab", type: "ai_lab" } });
    const reported = {
      status: "closed",
      amountUsdLow: 5n,
      amountUsdHigh: 5n,
      amountQualifier: "exact",
      round: "Series B",
      summary: "Closed",
      postMoneyValuationUsd: 50n,
      stakeBps: 250,
      originalCurrency: "EUR",
      originalAmount: 4n,
    };
    const row = { recipientId: org.id, kind: "equity", announcedOn: "2025-01-01", amountUsdKey: 5n, ...reported };
    // Each reported term other than the row's, one at a time (the migration names the terms one by one).
    const other: { [F in (typeof REPORTED_FIELDS)[number]]: (typeof reported)[F] } = {
      status: "announced",
      amountUsdLow: 4n,
      amountUsdHigh: 6n,
      amountQualifier: "range",
      round: "Series C",
      summary: "Announced",
      postMoneyValuationUsd: 60n,
      stakeBps: 300,
      originalCurrency: "GBP",
      originalAmount: 3n,
    };
    const talks = {
      status: "in_talks",
      amountUsdLow: null,
      amountUsdHigh: 6n,
      amountQualifier: "up_to",
      round: "Series B",
      summary: "Talks",
    };
    const deal = async (events: { occurredOn: string; state: typeof reported | typeof talks }[]) => {
      const { id } = await t.db.deal.create({ data: row });
      for (const e of events) await t.db.dealEvent.create({ data: { dealId: id, occurredOn: e.occurredOn, ...e.state } });
      return id;
    };
    const expected = new Map([
      // Talks, then the close the row holds: from the close on.
      [
        await deal([
          { occurredOn: "2024-12-01", state: talks },
          { occurredOn: "2025-01-01", state: reported },
        ]),
        "2025-01-01",
      ],
      // The close written first, then talks dated after it (an edit dated before a later report would leave the same):
      // the latest-dated report is not what the row holds.
      [
        await deal([
          { occurredOn: "2025-01-01", state: reported },
          { occurredOn: "2025-02-01", state: talks },
        ]),
        null,
      ],
      // Two reports on one day: the later recorded one is the latest.
      [
        await deal([
          { occurredOn: "2025-01-01", state: talks },
          { occurredOn: "2025-01-01", state: reported },
        ]),
        "2025-01-01",
      ],
      [
        await deal([
          { occurredOn: "2025-01-01", state: reported },
          { occurredOn: "2025-01-01", state: talks },
        ]),
        null,
      ],
      // No event at all.
      [await deal([]), null],
    ]);
    for (const field of REPORTED_FIELDS)
      expected.set(await deal([{ occurredOn: "2025-01-01", state: { ...reported, [field]: other[field] } }]), null);
    const sinces = async () =>
      new Map((await t.db.deal.findMany({ select: { id: true, stateSince: true } })).map((d) => [d.id, d.stateSince]));

    await t.db.$executeRawUnsafe(migrationFrom(t.provider, "20261226100000_deal_state_since", 'UPDATE "Deal"'));
    expect(await sinces()).toEqual(expected);
    await t.db.deal.updateMany({ data: { stateSince: "1900-01-01" } });
    await t.db.$transaction((tx) => runOnTransaction(tx, eventDatesUpdate(queryBuilder(t.provider), null)));
    expect(await sinces()).toEqual(expected);
  });
});
