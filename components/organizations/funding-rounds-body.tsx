import type { ChartColumn, ChartRow, ChartSeries } from "@/components/charts/chart-types";
import type { ChartScale } from "@/lib/filters/chart-scale";
import { FundingRoundsChart } from "@/components/charts/funding-rounds-chart";
import type { CompanyView } from "@/lib/data/company";
import { KIND_LABELS } from "@/lib/domain";
import { formatDate } from "@/lib/format";

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

/** The bars and valuation step line (or the empty state): the same on /companies/[slug] and in its embed. */
export function FundingRoundsBody({ company, scale = "linear" }: { company: CompanyView; scale?: ChartScale }) {
  const rows = fundingRoundRows(company);
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
