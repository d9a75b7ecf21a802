import type { ChartColumn, ChartRow, ChartSeries } from "@/components/charts/chart-types";
import type { ChartScale } from "@/lib/filters/chart-scale";
import { FundingRoundsChart } from "@/components/charts/funding-rounds-chart";
import type { CompanyView } from "@/lib/data/company";
import { KIND_LABELS } from "@/lib/domain";
import { formatDate, formatNumber, formatPeriod } from "@/lib/format";
import type { FundingEntry, FundingTimeline } from "@/lib/measures/funding-timeline";

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
 * The chart's rows (lib/measures/funding-timeline.ts), oldest first: per date, its counted rounds added together and
 * its valuation mark (rounds, secondary sales, tender offers, recapitalizations), or per quarter or year, its rounds
 * summed and the latest valuation reported in it, which the step line holds through the period's end. A row without a
 * valuation gets no valuation key (the step line carries the last one across it), a row without a counted round no
 * amount (no bar).
 */
export function fundingRows(entries: readonly FundingEntry[], grain: FundingTimeline["chart"]["grain"]): ChartRow[] {
  return entries.map((e) => {
    const rounds = `${formatNumber(e.rounds)} ${e.rounds === 1 ? "round" : "rounds"}`;
    const row: ChartRow = {
      label: grain === "day" ? formatDate(e.period) : `${formatPeriod(e.period)} (${rounds})`,
      // Where the row sits on the chart's time scale (milliseconds); not a column of the table.
      time: Date.parse(e.start),
    };
    if (e.rounds > 0) Object.assign(row, { total: Number(e.amount), amount: Number(e.amount) });
    const m = e.valuation;
    if (m) {
      // A date's mark says which division it valued; a period's says what its latest was.
      const what = `${m.name ?? KIND_LABELS[m.kind]}${grain === "day" && m.isDivision ? ` (${m.recipient.name})` : ""}`;
      Object.assign(row, { valuation: Number(m.valuationUsd), mark: what });
    }
    return row;
  });
}

/** The bars and valuation step line (or the empty state): the same on /companies/[slug] and in its embed. */
export function FundingRoundsBody({ company, scale = "linear" }: { company: CompanyView; scale?: ChartScale }) {
  const { grain, entries } = company.fundingTimeline.chart;
  const rows = fundingRows(entries, grain);
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
    <p className="text-sm muted">{name} has no counted funding round to chart.</p>
  );
}
