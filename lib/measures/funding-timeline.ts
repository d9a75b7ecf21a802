// A company's funding over time as its chart and its table show it: each date with counted rounds or a valuation mark,
// and the same per quarter or per year when the dates are too many to draw one by one. Computed once per company view
// (lib/data/company.ts), so that a page shows a large company's few dozen entries without walking its every round and
// mark on each request (OpenAI has 10,412 synthetic rounds at 100,000 deals, ten times that at a million).
import type { DealKind } from "../domain";
import { periodOf, type Grain } from "./capital";
import type { FundingRoundPoint } from "./funding-rounds";

/** What a valuation mark shows beside a date: lib/data/valuation-marks.ts's ValuationMark, its deals and sources aside. */
export type MarkPoint = {
  date: string;
  valuationUsd: bigint;
  name: string | null;
  kind: DealKind;
  isDivision: boolean;
  recipient: { slug: string; name: string };
};

export type FundingEntry = {
  /** The date ("2024-07-15"), or the quarter ("2024-Q3") or year ("2024") of a period's entry. */
  period: string;
  /** The first day it covers. */
  start: string;
  /** How many counted rounds fall in it (none: no bar). */
  rounds: number;
  /** Their counted amounts added together. */
  amount: bigint;
  /** The valuation reported in it (the period's latest); null where none was. */
  valuation: MarkPoint | null;
};

/** The mark's own fields only: a view keeps the entries, not the deals and sources a full mark carries. */
function markPoint({ date, valuationUsd, name, kind, isDivision, recipient }: MarkPoint): MarkPoint {
  return { date, valuationUsd, name, kind, isDivision, recipient: { slug: recipient.slug, name: recipient.name } };
}

/**
 * One entry per date, oldest first: its counted rounds added together and its valuation mark. A second mark on one
 * date (a division's and the company's) is an entry of its own, without rounds, so that each mark is shown.
 */
export function fundingByDate(rounds: readonly FundingRoundPoint[], marks: readonly MarkPoint[]): FundingEntry[] {
  const byDate = new Map<string, FundingEntry[]>();
  const entriesOn = (date: string): FundingEntry[] => {
    const entries = byDate.get(date) ?? [{ period: date, start: date, rounds: 0, amount: 0n, valuation: null }];
    byDate.set(date, entries);
    return entries;
  };
  for (const r of rounds) {
    const entry = entriesOn(r.date)[0];
    entry.rounds += 1;
    entry.amount += r.amount;
  }
  for (const m of marks) {
    const entries = entriesOn(m.date);
    const free = entries.find((e) => e.valuation === null);
    if (free) free.valuation = markPoint(m);
    else entries.push({ period: m.date, start: m.date, rounds: 0, amount: 0n, valuation: markPoint(m) });
  }
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([, entries]) => entries);
}

/** One entry per quarter or year with a round or a mark, oldest first: its rounds summed, its latest mark. */
export function fundingByPeriod(rounds: readonly FundingRoundPoint[], marks: readonly MarkPoint[], grain: Grain): FundingEntry[] {
  const periods = new Map<string, FundingEntry>();
  const entryOf = (date: string): FundingEntry => {
    const period = periodOf(date, grain);
    const entry = periods.get(period) ?? { period, start: periodStart(period), rounds: 0, amount: 0n, valuation: null };
    periods.set(period, entry);
    return entry;
  };
  for (const r of rounds) {
    const entry = entryOf(r.date);
    entry.rounds += 1;
    entry.amount += r.amount;
  }
  // Marks come oldest first, so the last one met in a period is its latest.
  for (const m of marks) entryOf(m.date).valuation = markPoint(m);
  return [...periods.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** The first day of a period of periodOf ("2024-Q3" or "2024"). */
function periodStart(period: string): string {
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  return quarter ? `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, "0")}-01` : `${period}-01-01`;
}

export type FundingTimeline = {
  /** How many entries fundingByDate gives: the table's rows. */
  dates: number;
  /** The latest `latest` of them, oldest first. */
  latest: FundingEntry[];
  /** The date with the largest counted amount (the earliest of equals) and the latest date with rounds, for the takeaway. */
  largest: FundingEntry | null;
  newest: FundingEntry | null;
  /** What the chart draws: every date while they are at most `points`, else per quarter, else per year. */
  chart: { grain: "day" | Grain; entries: FundingEntry[] };
};

/** The funding timeline of a company's counted rounds and valuation marks (both oldest first). */
export function fundingTimeline(
  rounds: readonly FundingRoundPoint[],
  marks: readonly MarkPoint[],
  options: { latest: number; points: number },
): FundingTimeline {
  const dates = fundingByDate(rounds, marks);
  const withRounds = dates.filter((e) => e.rounds > 0);
  const largest = withRounds.reduce<FundingEntry | null>((best, e) => (best === null || e.amount > best.amount ? e : best), null);
  let chart: FundingTimeline["chart"] = { grain: "day", entries: dates };
  if (dates.length > options.points) {
    const quarters = new Set(dates.map((e) => periodOf(e.period, "quarter"))).size;
    const grain: Grain = quarters <= options.points ? "quarter" : "year";
    chart = { grain, entries: fundingByPeriod(rounds, marks, grain) };
  }
  return {
    dates: dates.length,
    latest: dates.slice(Math.max(0, dates.length - options.latest)),
    largest,
    newest: withRounds.at(-1) ?? null,
    chart,
  };
}
