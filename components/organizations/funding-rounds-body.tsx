import type { ChartColumn, ChartRow, ChartSeries } from "@/components/charts/chart-types";
import type { ChartScale } from "@/lib/filters/chart-scale";
import { FundingRoundsChart } from "@/components/charts/funding-rounds-chart";
import type { CompanyView } from "@/lib/data/company";
import { KIND_LABELS } from "@/lib/domain";
import { formatDate, formatNumber, formatPeriod } from "@/lib/format";
import { periodOf, type Grain } from "@/lib/measures/capital";

export const FUNDING_AMOUNT: ChartSeries = { key: "amount", label: "Counted round amount", color: "var(--color-equity)" };
export const FUNDING_VALUATION: ChartSeries = { key: "valuation", label: "Post-money valuation", color: "var(--chart-valuation)" };

/** The chart's data table: the round amount, the valuation mark and what the mark was. */
export const FUNDING_COLUMNS: ChartColumn[] = [
  { key: "amount", label: FUNDING_AMOUNT.label, format: "usd" },
  { key: "valuation", label: "Valuation reported", format: "usd" },
  { key: "mark", label: "Valued by", format: "text" },
];

export function fundingRoundsTitle(company: CompanyView): string {
  return `${company.profile.name}: counted funding per round, with post-money valuation`;
}

/**
 * One row per date, oldest first: the counted round of that date (lib/measures/funding-rounds.ts), the valuation mark
 * of that date (lib/data/valuation-marks.ts: rounds, secondary sales, tender offers, recapitalizations), or both. A
 * date without a valuation gets no valuation key (the step line carries the last one across it), a date without a
 * counted round no amount (no bar). Two marks on one date (a division's and the company's) are two rows.
 */
export function fundingRoundRows(company: CompanyView): ChartRow[] {
  const byDate = new Map<string, ChartRow[]>();
  const rowOn = (date: string): ChartRow[] => {
    const rows = byDate.get(date) ?? [{ label: formatDate(date), time: Date.parse(date) }];
    byDate.set(date, rows);
    return rows;
  };
  for (const r of company.rounds) Object.assign(rowOn(r.date)[0], { total: Number(r.amount), amount: Number(r.amount) });
  for (const m of company.valuations) {
    const rows = rowOn(m.date);
    const what = `${m.name ?? KIND_LABELS[m.kind]}${!m.isDivision ? "" : ` (${m.recipient.name})`}`;
    const free = rows.find((row) => row.valuation === undefined);
    if (free) Object.assign(free, { valuation: Number(m.valuationUsd), mark: what });
    else rows.push({ label: formatDate(m.date), time: Date.parse(m.date), valuation: Number(m.valuationUsd), mark: what });
  }
  // Where each row sits on the chart's time scale (milliseconds); not a column of the table.
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([, rows]) => rows);
}

/**
 * At most this many dates are drawn one by one. Past it the chart draws a bar and a mark per quarter (per year when
 * the quarters are still more): OpenAI's 10,412 synthetic rounds at 100,000 deals drew a megabyte of page, every
 * round's bar, step and tooltip twice over (HTML and React's payload), far more than a 1,000-unit plot can show. Each
 * column drawn costs about half a kilobyte of page (its tooltip, its screen-reader text, its props), so 40 columns keep
 * the chart within about 20 kB. The data table and its CSV keep every round and mark.
 */
export const FUNDING_CHART_POINTS = 40;

/**
 * What the chart draws: `fundingRoundRows` while they are at most FUNDING_CHART_POINTS, else one row per quarter or
 * year: its rounds' counted amounts summed (exactly, then as a number for the drawing) and the last valuation reported
 * in it, which is the one the step line holds through the period's end.
 */
export function fundingRoundChartRows(company: CompanyView): ChartRow[] {
  const rows = fundingRoundRows(company);
  if (rows.length <= FUNDING_CHART_POINTS) return rows;
  const dates = [...company.rounds.map((r) => r.date), ...company.valuations.map((m) => m.date)];
  const quarters = new Set(dates.map((d) => periodOf(d, "quarter"))).size;
  const grain: Grain = quarters <= FUNDING_CHART_POINTS ? "quarter" : "year";
  type Period = { rounds: number; amount: bigint; marks: number; last: (typeof company.valuations)[number] | null };
  const periods = new Map<string, Period>();
  const periodAt = (date: string): Period => {
    const key = periodOf(date, grain);
    const period = periods.get(key) ?? { rounds: 0, amount: 0n, marks: 0, last: null };
    periods.set(key, period);
    return period;
  };
  for (const r of company.rounds) {
    const period = periodAt(r.date);
    period.rounds += 1;
    period.amount += r.amount;
  }
  // Marks are oldest first, so the last one seen in a period is its latest.
  for (const m of company.valuations) {
    const period = periodAt(m.date);
    period.marks += 1;
    period.last = m;
  }
  return [...periods.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, p]) => {
      const rounds = `${formatNumber(p.rounds)} ${p.rounds === 1 ? "round" : "rounds"}`;
      const row: ChartRow = { label: `${formatPeriod(key)} (${rounds})`, time: Date.parse(periodStart(key)) };
      if (p.rounds > 0) Object.assign(row, { total: Number(p.amount), amount: Number(p.amount) });
      if (p.last) Object.assign(row, { valuation: Number(p.last.valuationUsd), mark: p.last.name ?? KIND_LABELS[p.last.kind] });
      return row;
    });
}

/** The first day of a period of periodOf ("2024-Q3" or "2024"). */
function periodStart(period: string): string {
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  return quarter ? `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, "0")}-01` : `${period}-01-01`;
}

/** The bars and valuation step line (or the empty state): the same on /companies/[slug] and in its embed. */
export function FundingRoundsBody({ company, scale = "linear" }: { company: CompanyView; scale?: ChartScale }) {
  const rows = fundingRoundChartRows(company);
  const name = company.profile.name;
  return rows.length > 0 ? (
    <FundingRoundsChart
      rows={rows}
      amount={FUNDING_AMOUNT}
      valuation={FUNDING_VALUATION}
      log={scale === "log"}
      ariaLabel={`Bar and step-line chart: ${name}'s counted funding per round and its post-money valuation`}
    />
  ) : (
    <p className="text-sm text-gray-600 dark:text-gray-400">{name} has no counted funding round to chart.</p>
  );
}
