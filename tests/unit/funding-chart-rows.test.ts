// A company's funding-rounds chart draws at most FUNDING_CHART_POINTS dates: past that, a bar and a valuation per quarter
// (or year), so that a company with thousands of rounds draws a page a person can read; the table keeps every round.
import { describe, expect, it } from "vitest";
import { FUNDING_CHART_POINTS, fundingRoundChartRows, fundingRoundRows } from "@/components/organizations/funding-rounds-body";
import type { ChartRow } from "@/components/charts/chart-types";
import type { CompanyView } from "@/lib/data/company";
import type { ValuationMark } from "@/lib/data/valuation-marks";
import type { FundingRoundPoint } from "@/lib/measures/funding-rounds";

const day = (i: number, from: string) => new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10);

/** `n` rounds, one every `every` days from `from`, each with a valuation mark growing by a million per round. */
function company(n: number, from: string, every: number): CompanyView {
  const rounds: FundingRoundPoint[] = [];
  const valuations: ValuationMark[] = [];
  for (let i = 0; i < n; i++) {
    const date = day(i * every, from);
    rounds.push({ date, name: null, amount: 1_000_000n + BigInt(i), deals: 1, undisclosedDeals: 0, postMoneyValuation: null });
    valuations.push({
      date,
      valuationUsd: 1_000_000_000n + BigInt(i) * 1_000_000n,
      name: `Round ${i}`,
      kind: "equity",
      deals: [{ id: i + 1, announcedOn: date, kind: "equity", status: "closed" }],
      recipient: { slug: "acme", name: "Acme" },
      isDivision: false,
      sources: [],
    });
  }
  return { profile: { name: "Acme" }, rounds, valuations } as unknown as CompanyView;
}

const sumOf = (rows: ChartRow[]) => rows.reduce((s, r) => s + (typeof r.amount === "number" ? r.amount : 0), 0);

describe("the funding-rounds chart's rows", () => {
  it("draws every date while there are few", () => {
    const few = company(FUNDING_CHART_POINTS, "2020-01-01", 20);
    expect(fundingRoundChartRows(few)).toEqual(fundingRoundRows(few));
  });

  it("sums a quarter's rounds into one bar, holding the quarter's last valuation", () => {
    // 1,000 rounds every other day: about 22 quarters from 2020.
    const many = company(1000, "2020-01-01", 2);
    const rows = fundingRoundChartRows(many);
    expect(fundingRoundRows(many).length).toBe(1000);
    expect(rows.length).toBeLessThanOrEqual(FUNDING_CHART_POINTS);
    expect(rows[0].label).toBe("Q1 2020 (46 rounds)");
    expect(rows[0].time).toBe(Date.parse("2020-01-01"));
    // The bars add up to the rounds, and each quarter's valuation is the last mark reported in it.
    expect(sumOf(rows)).toBe(many.rounds.reduce((s, r) => s + Number(r.amount), 0));
    const lastInQ1 = many.valuations.filter((m) => m.date < "2020-04-01").at(-1) as ValuationMark;
    expect(rows[0].valuation).toBe(Number(lastInQ1.valuationUsd));
    expect(rows[0].mark).toBe(lastInQ1.name);
    expect(rows.at(-1)?.valuation).toBe(Number(many.valuations.at(-1)?.valuationUsd));
  });

  it("sums by year when the quarters are still too many", () => {
    // 400 rounds a month apart: 33 years, 133 quarters.
    const long = company(400, "1990-01-01", 30);
    const rows = fundingRoundChartRows(long);
    expect(rows.length).toBe(33);
    expect(rows[0].label).toBe("1990 (13 rounds)");
    expect(sumOf(rows)).toBe(long.rounds.reduce((s, r) => s + Number(r.amount), 0));
  });
});
