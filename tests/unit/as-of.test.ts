import { describe, expect, it } from "vitest";
import { dealAsOf, publishedBy, type DealState, type ReportedEvent, type ReportedTerms } from "@/lib/story/as-of";

// A deal told in three steps, as Amazon's 2026 investment in OpenAI was: talks of about $10B, then talks of up to
// $50B, then a $15B tranche announced. The row holds the latest state; the events hold every step.
const final: ReportedTerms = {
  round: "initial tranche (Series C Preferred)",
  postMoneyValuationUsd: 852_000_000_000n,
  stakeBps: null,
  summary: "Per the 8-K of 27 February: $15B for Series C Preferred.",
  originalCurrency: "USD",
  originalAmount: 15_000_000_000n,
};
const deal: DealState & ReportedTerms = {
  id: 7,
  announcedOn: "2026-02-27",
  status: "announced",
  amountUsdLow: 15_000_000_000n,
  amountUsdHigh: 15_000_000_000n,
  amountQualifier: "exact",
  ...final,
};
const talks10: ReportedTerms = {
  round: null,
  postMoneyValuationUsd: 500_000_000_000n,
  stakeBps: null,
  summary: "Early talks of about $10B.",
  originalCurrency: "USD",
  originalAmount: 10_000_000_000n,
};
const talks50: ReportedTerms = {
  round: "2026 round (in talks)",
  postMoneyValuationUsd: 830_000_000_000n,
  stakeBps: null,
  summary: "Talks of up to $50B.",
  originalCurrency: "USD",
  originalAmount: 50_000_000_000n,
};
const events: ReportedEvent[] = [
  // Out of order on purpose: the reconstruction orders by date itself.
  {
    id: 30,
    occurredOn: "2026-02-27",
    status: "announced",
    amountUsdLow: 15_000_000_000n,
    amountUsdHigh: 15_000_000_000n,
    amountQualifier: "exact",
    ...final,
  },
  {
    id: 10,
    occurredOn: "2025-12-17",
    status: "in_talks",
    amountUsdLow: 10_000_000_000n,
    amountUsdHigh: 10_000_000_000n,
    amountQualifier: "about",
    ...talks10,
  },
  {
    id: 20,
    occurredOn: "2026-01-29",
    status: "in_talks",
    amountUsdLow: null,
    amountUsdHigh: 50_000_000_000n,
    amountQualifier: "up_to",
    ...talks50,
  },
];

describe("dealAsOf", () => {
  it("is absent before its first report", () => {
    expect(dealAsOf(deal, events, "2025-12-16")).toBeNull();
  });

  it("shows the first report on its day and until the next event", () => {
    for (const date of ["2025-12-17", "2026-01-28"]) {
      const state = dealAsOf(deal, events, date);
      expect(state).toMatchObject({
        status: "in_talks",
        amountUsdLow: 10_000_000_000n,
        amountUsdHigh: 10_000_000_000n,
        amountQualifier: "about",
      });
      // Dated at its first report, not at the later announcement, and the rest of the deal is kept.
      expect(state).toMatchObject({ announcedOn: "2025-12-17", id: 7, ...talks10 });
    }
  });

  it("shows the second step between the second and third events", () => {
    expect(dealAsOf(deal, events, "2026-01-30")).toMatchObject({
      status: "in_talks",
      amountUsdLow: null,
      amountUsdHigh: 50_000_000_000n,
      amountQualifier: "up_to",
      announcedOn: "2025-12-17",
    });
  });

  it("shows every term as reported then, none reported later: no round name, valuation or summary of the 8-K", () => {
    const state = dealAsOf(deal, events, "2026-01-30")!;
    expect(state).toEqual({
      ...deal,
      status: "in_talks",
      amountUsdLow: null,
      amountUsdHigh: 50_000_000_000n,
      amountQualifier: "up_to",
      announcedOn: "2025-12-17",
      ...talks50,
    });
    expect(JSON.stringify(state, (_, v) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(/Series C|852000000000|8-K/);
  });

  it("replaces only the terms a row carries (a list row without a summary stays without one)", () => {
    const row = {
      id: 7,
      announcedOn: "2026-02-27",
      status: "announced",
      amountUsdLow: 1n,
      amountUsdHigh: 1n,
      amountQualifier: "exact",
      round: "x",
    };
    expect(dealAsOf(row, events, "2026-01-30")).toEqual({
      ...row,
      status: "in_talks",
      amountUsdLow: null,
      amountUsdHigh: 50_000_000_000n,
      amountQualifier: "up_to",
      announcedOn: "2025-12-17",
      round: talks50.round,
    });
  });

  it("shows the latest step, dated at the deal's own date, after the last event", () => {
    expect(dealAsOf(deal, events, "2026-11-27")).toEqual(deal);
    expect(dealAsOf(deal, events, "2026-02-27")).toEqual(deal);
  });

  it("takes the later-recorded of two events on one day", () => {
    const sameDay: ReportedEvent[] = [
      { id: 2, occurredOn: "2026-03-31", status: "closed", amountUsdLow: 1n, amountUsdHigh: 1n, amountQualifier: "exact", ...final },
      { id: 1, occurredOn: "2026-03-31", status: "announced", amountUsdLow: 1n, amountUsdHigh: 1n, amountQualifier: "exact", ...final },
    ];
    expect(dealAsOf({ ...deal, announcedOn: "2026-03-31" }, sameDay, "2026-03-31")?.status).toBe("closed");
  });

  it("falls back to the deal's own date and state when it has no events", () => {
    expect(dealAsOf(deal, [], "2026-02-26")).toBeNull();
    expect(dealAsOf(deal, [], "2026-02-27")).toEqual(deal);
  });
});

describe("publishedBy", () => {
  it("keeps sources published on or before the date, and undated ones", () => {
    expect(publishedBy({ publishedOn: "2026-01-30" }, "2026-01-30")).toBe(true);
    expect(publishedBy({ publishedOn: "2026-02-27" }, "2026-01-30")).toBe(false);
    expect(publishedBy({ publishedOn: null }, "2026-01-30")).toBe(true);
  });
});
