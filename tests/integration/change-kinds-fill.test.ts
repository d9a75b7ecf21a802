// A database migrated from before DealEvent.change holds events without one: prepare-db (npm start, db:migrate) sets
// every event's with the statement the deal writers keep it by, once, and leaves a database whose events have one
// alone. Runs on PostgreSQL too under `npm run test:pg`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kindsOfChange } from "@/lib/data/raw/change-kinds";
import { fillChangeKindsIfUnset } from "@/lib/deals/change-kinds";
import { dealChanges } from "../support/reference-changes";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.dispose());

describe("filling what each event changes", () => {
  it("sets every event's change from its deal's events once, and then finds nothing to fill", async () => {
    const org = await t.db.organization.create({ data: { slug: "lab", name: "Lab", type: "ai_lab" } });
    const deal = (announcedOn: string) =>
      t.db.deal.create({
        data: { recipientId: org.id, kind: "equity", status: "closed", announcedOn, amountUsdHigh: 9n, amountQualifier: "up_to" },
      });
    const [a, b] = [await deal("2025-01-01"), await deal("2025-02-01")];
    // As a writer from before the column stored them: out of id order, a note-only step, same-day steps by id.
    await t.db.dealEvent.createMany({
      data: [
        { dealId: a.id, occurredOn: "2025-03-01", status: "closed", amountUsdHigh: 9n, amountQualifier: "up_to" },
        { dealId: a.id, occurredOn: "2025-01-01", status: "in_talks", amountUsdHigh: 9n, amountQualifier: "up_to" },
        { dealId: a.id, occurredOn: "2025-02-01", status: "in_talks", amountUsdHigh: 9n, amountQualifier: "up_to", note: "note only" },
        { dealId: b.id, occurredOn: "2025-02-01", status: "announced", amountQualifier: "undisclosed" },
        { dealId: b.id, occurredOn: "2025-02-01", status: "announced", amountUsdLow: 7n, amountUsdHigh: 7n, amountQualifier: "exact" },
        { dealId: b.id, occurredOn: "2025-04-01", status: "closed", amountUsdLow: 8n, amountUsdHigh: 8n, amountQualifier: "exact" },
      ],
    });
    expect(await t.db.dealEvent.count({ where: { change: null } })).toBe(6);

    expect(await fillChangeKindsIfUnset(t.db)).toBe(true);
    const events = await t.db.dealEvent.findMany({ orderBy: { id: "asc" } });
    const expected = new Map<number, string[]>();
    for (const id of [a.id, b.id]) {
      for (const c of dealChanges(events.filter((e) => e.dealId === id))) expected.set(c.event.id, c.kinds);
    }
    expect(events.map((e) => (e.change === null ? null : kindsOfChange(e.change)))).toEqual(events.map((e) => expected.get(e.id) ?? []));
    // The rule's answer, spelled out: a's first report is its January event, its February note changes nothing.
    expect(events.map((e) => [e.occurredOn, e.change])).toEqual([
      ["2025-03-01", 2],
      ["2025-01-01", 1],
      ["2025-02-01", 0],
      ["2025-02-01", 1],
      ["2025-02-01", 4],
      ["2025-04-01", 6],
    ]);

    expect(await fillChangeKindsIfUnset(t.db)).toBe(false);
  });
});
