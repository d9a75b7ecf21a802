import { describe, expect, it } from "vitest";
import {
  attributeToInvestors,
  capitalByInvestor,
  capitalByPeriod,
  capitalCounted,
  countedAmount,
  herfindahlIndex,
  isCounted,
  periodOf,
  periodAfter,
  periodRange,
  UNDISCLOSED_KEY,
} from "@/lib/measures/capital";
import { concentrationSeries, periodConcentration, spreadOf } from "@/lib/measures/concentration";
import { measureDeal } from "../support/analysis-deal";

const deal = measureDeal;

describe("countedAmount", () => {
  it("takes the low amount of a range", () => {
    expect(countedAmount({ amountUsdLow: 300_000_000n, amountUsdHigh: 550_000_000n })).toEqual({ amount: 300_000_000n, basis: "low" });
  });
  it("takes the high amount where only 'up to' is known, and marks it", () => {
    expect(countedAmount({ amountUsdLow: null, amountUsdHigh: 50_000_000_000n })).toEqual({
      amount: 50_000_000_000n,
      basis: "upper_bound",
    });
  });
  it("counts nothing for an undisclosed amount", () => {
    expect(countedAmount({ amountUsdLow: null, amountUsdHigh: null })).toEqual({ amount: 0n, basis: "undisclosed" });
  });
});

describe("isCounted", () => {
  it("counts announced and closed equity and convertible deals only", () => {
    expect(isCounted({ kind: "equity", status: "announced" })).toBe(true);
    expect(isCounted({ kind: "convertible", status: "closed" })).toBe(true);
    expect(isCounted({ kind: "compute_commitment", status: "closed" })).toBe(false);
    expect(isCounted({ kind: "equity", status: "in_talks" })).toBe(false);
    expect(isCounted({ kind: "equity", status: "rumored" })).toBe(false);
  });
  it("adds rumored and in-talks deals only under the pipeline switch, and never terminated ones", () => {
    const pipeline = { kinds: ["equity"] as const, includePipeline: true };
    expect(isCounted({ kind: "equity", status: "in_talks" }, pipeline)).toBe(true);
    expect(isCounted({ kind: "equity", status: "rumored" }, pipeline)).toBe(true);
    expect(isCounted({ kind: "equity", status: "terminated" }, pipeline)).toBe(false);
  });
});

describe("capitalCounted", () => {
  it("adds the counted rows exactly and reports what it left out", () => {
    const deals = [
      deal({ announcedOn: "2025-01-10", amountUsdLow: 1_000_000_001n, amountUsdHigh: 1_000_000_001n }),
      deal({ announcedOn: "2025-02-10", amountUsdHigh: 2_000_000_000n, amountQualifier: "up_to" }),
      deal({ announcedOn: "2025-03-10", amountQualifier: "undisclosed" }),
      deal({ announcedOn: "2025-03-11", kind: "compute_commitment", amountUsdLow: 300_000_000_000n }),
      deal({ announcedOn: "2025-03-12", status: "terminated", amountUsdLow: 7n }),
      deal({ announcedOn: "2025-03-13", status: "in_talks", amountUsdLow: 9n }),
    ];
    expect(capitalCounted(deals)).toEqual({ total: 3_000_000_001n, dealCount: 3, undisclosedCount: 1, upperBoundTotal: 2_000_000_000n });
  });
});

describe("periods", () => {
  it("maps dates to quarters and years", () => {
    expect(periodOf("2026-02-27", "quarter")).toBe("2026-Q1");
    expect(periodOf("2025-12-31", "quarter")).toBe("2025-Q4");
    expect(periodOf("2025-07-01", "year")).toBe("2025");
  });
  it("fills every quarter between the first and the last, across years", () => {
    expect(periodRange("2024-Q3", "2025-Q2", "quarter")).toEqual(["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]);
  });
  it("steps a period forward and back, across years", () => {
    expect(periodAfter("2025-Q4", "quarter", 1)).toBe("2026-Q1");
    expect(periodAfter("2025-Q1", "quarter", -1)).toBe("2024-Q4");
    expect(periodAfter("2025", "year", 2)).toBe("2027");
  });
});

describe("capitalByPeriod", () => {
  it("stacks by kind with totals equal to the sum of their parts and empty quarters kept", () => {
    const deals = [
      deal({ announcedOn: "2025-01-05", amountUsdLow: 10n }),
      deal({ announcedOn: "2025-02-05", kind: "convertible", amountUsdLow: 5n }),
      deal({ announcedOn: "2025-07-05", amountUsdLow: 20n }),
    ];
    expect(capitalByPeriod(deals, { grain: "quarter", stackBy: "kind" })).toEqual([
      { period: "2025-Q1", total: 15n, byKey: { equity: 10n, convertible: 5n } },
      { period: "2025-Q2", total: 0n, byKey: {} },
      { period: "2025-Q3", total: 20n, byKey: { equity: 20n } },
    ]);
  });
});

describe("attributeToInvestors", () => {
  it("splits equally with the odd dollars to the first listed, summing to the deal", () => {
    const d = deal({
      announcedOn: "2025-01-01",
      investors: [
        { key: "a", name: "A", committedUsd: null },
        { key: "b", name: "B", committedUsd: null },
        { key: "c", name: "C", committedUsd: null },
      ],
    });
    expect(attributeToInvestors(d, 100n)).toEqual([
      { key: "a", name: "A", amount: 34n },
      { key: "b", name: "B", amount: 33n },
      { key: "c", name: "C", amount: 33n },
    ]);
  });
  it("uses stated commitments first and splits the rest", () => {
    const d = deal({
      announcedOn: "2025-01-01",
      investors: [
        { key: "a", name: "A", committedUsd: 60n },
        { key: "b", name: "B", committedUsd: null },
        { key: "c", name: "C", committedUsd: null },
      ],
    });
    expect(attributeToInvestors(d, 100n)).toEqual([
      { key: "a", name: "A", amount: 60n },
      { key: "b", name: "B", amount: 20n },
      { key: "c", name: "C", amount: 20n },
    ]);
  });
  it("still lists the investors of a deal whose amount is undisclosed, each with nothing", () => {
    const d = deal({
      announcedOn: "2025-01-01",
      investors: [
        { key: "a", name: "A", committedUsd: null },
        { key: "b", name: "B", committedUsd: null },
      ],
    });
    expect(attributeToInvestors(d, 0n)).toEqual([
      { key: "a", name: "A", amount: 0n },
      { key: "b", name: "B", amount: 0n },
    ]);
  });
  it("gives a deal with no named investor to 'undisclosed'", () => {
    expect(attributeToInvestors(deal({ announcedOn: "2025-01-01", investors: [] }), 5n)).toEqual([
      { key: UNDISCLOSED_KEY, name: "Undisclosed", amount: 5n },
    ]);
  });
});

describe("capitalByInvestor", () => {
  it("ranks investors by the capital attributed to them", () => {
    const deals = [
      deal({ announcedOn: "2025-01-01", amountUsdLow: 90n, investors: [{ key: "ms", name: "Microsoft", committedUsd: null }] }),
      deal({
        announcedOn: "2025-02-01",
        amountUsdLow: 100n,
        investors: [
          { key: "sb", name: "SoftBank", committedUsd: null },
          { key: "ms", name: "Microsoft", committedUsd: null },
        ],
      }),
    ];
    expect(capitalByInvestor(deals).map((i) => [i.key, i.amount])).toEqual([
      ["ms", 140n],
      ["sb", 50n],
    ]);
  });
});

describe("concentration", () => {
  it("computes HHI as the sum of squared percentage shares", () => {
    // Shares 50%, 30%, 20%: 2500 + 900 + 400 = 3800.
    expect(herfindahlIndex([50n, 30n, 20n])).toBe(3800);
    // One firm holds everything.
    expect(herfindahlIndex([7n])).toBe(10000);
    // Four equal firms: 4 x 25^2 = 2500.
    expect(herfindahlIndex([1n, 1n, 1n, 1n])).toBe(2500);
    // Shares 2/3 and 1/3: 4444.4 + 1111.1 = 5555.6, rounded to 5556.
    expect(herfindahlIndex([2n, 1n])).toBe(5556);
    expect(herfindahlIndex([])).toBe(0);
  });
  it("computes a period's top-N shares from its leaders, against its whole total", () => {
    const entity = (key: string, amount: bigint) => ({ key, name: key.toUpperCase(), amount });
    // 50 of the 200 held by no named entity (unnamed investors): in the total, no one's share.
    const period = periodConcentration("2025", 200n, spreadOf([30n, 50n, 20n, 0n, 50n]), [
      entity("a", 50n),
      entity("b", 50n),
      entity("c", 30n),
      entity("d", 20n),
    ]);
    expect(period.top1).toBeCloseTo(0.25, 9);
    expect(period.top3).toBeCloseTo(0.65, 9);
    expect(period.top5).toBeCloseTo(0.75, 9);
    // Shares 25, 25, 15 and 10 %: 625 + 625 + 225 + 100.
    expect(period).toMatchObject({ entities: 4, hhi: 1575 });
    expect(period.leaders.map((l) => [l.key, l.share])).toEqual([
      ["a", 0.25],
      ["b", 0.25],
      ["c", 0.15],
      ["d", 0.1],
    ]);
    expect(periodConcentration("2026", 0n, spreadOf([]), [])).toMatchObject({ hhi: null, top1: null, top3: null, top5: null, entities: 0 });
  });
  it("measures recipients per year", () => {
    const deals = [
      deal({ announcedOn: "2024-03-01", amountUsdLow: 60n, recipient: { key: "openai", name: "OpenAI" } }),
      deal({ announcedOn: "2024-05-01", amountUsdLow: 40n, recipient: { key: "anthropic", name: "Anthropic" } }),
      deal({ announcedOn: "2025-05-01", amountUsdLow: 10n, recipient: { key: "xai", name: "xAI" } }),
    ];
    const points = concentrationSeries(deals, { grain: "year", side: "recipient" });
    expect(points.map((p) => [p.period, p.total, p.hhi, p.entities])).toEqual([
      ["2024", 100n, 5200, 2],
      ["2025", 10n, 10000, 1],
    ]);
    expect(points[0].top1).toBeCloseTo(0.6, 9);
  });
});
