// A company's funding timeline (lib/measures/funding-timeline.ts) and the chart's rows drawn from it: at most
// FUNDING_CHART_POINTS dates are drawn one by one, past that a bar and a valuation per quarter (or year), so that a
// company with thousands of rounds draws a page a person can read; the table lists the latest dates of them all.
import { describe, expect, it } from "vitest";
import { fundingRows } from "@/components/organizations/funding-rounds-body";
import type { ChartRow } from "@/components/charts/chart-types";
import { FUNDING_CHART_POINTS } from "@/lib/data/company";
import type { FundingRoundPoint } from "@/lib/measures/funding-rounds";
import { fundingByDate, fundingTimeline, type MarkPoint } from "@/lib/measures/funding-timeline";

const day = (i: number, from: string) => new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10);

/** `n` rounds, one every `every` days from `from`, each with a valuation mark growing by a million per round. */
function history(n: number, from: string, every: number): { rounds: FundingRoundPoint[]; marks: MarkPoint[] } {
  const rounds: FundingRoundPoint[] = [];
  const marks: MarkPoint[] = [];
  for (let i = 0; i < n; i++) {
    const date = day(i * every, from);
    rounds.push({ date, name: null, amount: 1_000_000n + BigInt(i), deals: 1, undisclosedDeals: 0, postMoneyValuation: null });
    marks.push({
      date,
      valuationUsd: 1_000_000_000n + BigInt(i) * 1_000_000n,
      name: `Round ${i}`,
      kind: "equity",
      recipient: { slug: "acme", name: "Acme" },
      isDivision: false,
    });
  }
  return { rounds, marks };
}

const options = { latest: 10, points: FUNDING_CHART_POINTS };
const sumOf = (rows: ChartRow[]) => rows.reduce((s, r) => s + (typeof r.amount === "number" ? r.amount : 0), 0);
const chartRows = (h: ReturnType<typeof history>) => {
  const { grain, entries } = fundingTimeline(h.rounds, h.marks, options).chart;
  return fundingRows(entries, grain);
};

describe("the funding-rounds chart's rows", () => {
  it("draws every date while there are few", () => {
    const few = history(FUNDING_CHART_POINTS, "2020-01-01", 20);
    const timeline = fundingTimeline(few.rounds, few.marks, options);
    expect(timeline.chart.grain).toBe("day");
    expect(chartRows(few)).toEqual(fundingRows(fundingByDate(few.rounds, few.marks), "day"));
    expect(chartRows(few)[0]).toEqual({
      label: "1 Jan 2020",
      time: Date.parse("2020-01-01"),
      total: 1_000_000,
      amount: 1_000_000,
      valuation: 1_000_000_000,
      mark: "Round 0",
    });
  });

  it("sums a quarter's rounds into one bar, holding the quarter's last valuation", () => {
    // 1,000 rounds every other day: about 22 quarters from 2020.
    const many = history(1000, "2020-01-01", 2);
    const rows = chartRows(many);
    expect(fundingByDate(many.rounds, many.marks)).toHaveLength(1000);
    expect(rows.length).toBeLessThanOrEqual(FUNDING_CHART_POINTS);
    expect(rows[0].label).toBe("Q1 2020 (46 rounds)");
    expect(rows[0].time).toBe(Date.parse("2020-01-01"));
    // The bars add up to the rounds, and each quarter's valuation is the last mark reported in it.
    expect(sumOf(rows)).toBe(many.rounds.reduce((s, r) => s + Number(r.amount), 0));
    const lastInQ1 = many.marks.filter((m) => m.date < "2020-04-01").at(-1) as MarkPoint;
    expect(rows[0].valuation).toBe(Number(lastInQ1.valuationUsd));
    expect(rows[0].mark).toBe(lastInQ1.name);
    expect(rows.at(-1)?.valuation).toBe(Number(many.marks.at(-1)?.valuationUsd));
  });

  it("sums by year when the quarters are still too many", () => {
    // 400 rounds a month apart: 33 years, 133 quarters.
    const long = history(400, "1990-01-01", 30);
    const rows = chartRows(long);
    expect(rows.length).toBe(33);
    expect(rows[0].label).toBe("1990 (13 rounds)");
    expect(sumOf(rows)).toBe(long.rounds.reduce((s, r) => s + Number(r.amount), 0));
  });
});

describe("the funding timeline", () => {
  it("adds up the rounds of one date and gives a second mark of that date a row of its own", () => {
    const rounds: FundingRoundPoint[] = [
      { date: "2024-05-01", name: null, amount: 3n, deals: 1, undisclosedDeals: 0, postMoneyValuation: null },
      { date: "2024-05-01", name: "Series B", amount: 4n, deals: 2, undisclosedDeals: 0, postMoneyValuation: null },
    ];
    const mark = (name: string, isDivision: boolean): MarkPoint => ({
      date: "2024-05-01",
      valuationUsd: 100n,
      name,
      kind: "equity",
      isDivision,
      recipient: isDivision ? { slug: "acme-labs", name: "Acme Labs" } : { slug: "acme", name: "Acme" },
    });
    const entries = fundingByDate(rounds, [mark("Series B", false), mark("Labs round", true)]);
    expect(entries.map((e) => [e.rounds, e.amount, e.valuation?.name])).toEqual([
      [2, 7n, "Series B"],
      [0, 0n, "Labs round"],
    ]);
    // The division's mark says which division it valued; the row without rounds draws no bar.
    expect(fundingRows(entries, "day")[1]).toEqual({
      label: "1 May 2024",
      time: Date.parse("2024-05-01"),
      valuation: 100,
      mark: "Labs round (Acme Labs)",
    });
  });

  it("keeps the latest dates, the largest and the newest with rounds, and how many dates there are", () => {
    const h = history(30, "2021-01-01", 7);
    // A mark after the last round: the newest date, but not one with rounds.
    const marks = [...h.marks, { ...h.marks[0], date: "2030-01-01" }];
    const big = { ...h.rounds[4], amount: 10n ** 12n };
    const rounds = h.rounds.map((r, i) => (i === 4 ? big : r));
    const timeline = fundingTimeline(rounds, marks, options);
    expect(timeline.dates).toBe(31);
    expect(timeline.latest.map((e) => e.period)).toEqual(
      fundingByDate(rounds, marks)
        .slice(-10)
        .map((e) => e.period),
    );
    expect(timeline.largest?.period).toBe(big.date);
    expect(timeline.newest?.period).toBe(h.rounds[29].date);
    // The entries keep the marks' own fields, not the deals and sources a full mark carries.
    const full = { ...h.marks[29], deals: [{ id: 1 }], sources: [{ url: "x" }] } as MarkPoint;
    const [entry] = fundingByDate([], [full]);
    expect(entry.valuation).toEqual(h.marks[29]);
  });

  it("is empty without rounds or marks", () => {
    expect(fundingTimeline([], [], options)).toEqual({
      dates: 0,
      latest: [],
      largest: null,
      newest: null,
      chart: { grain: "day", entries: [] },
    });
  });
});
