import type { ChartRow, ChartSeries } from "@/components/charts/chart-types";
import type { ChartScale } from "@/lib/filters/chart-scale";
import { FundingRoundsChart } from "@/components/charts/funding-rounds-chart";
import type { CompanyView } from "@/lib/data/company";
import { formatDate } from "@/lib/format";

export const FUNDING_AMOUNT: ChartSeries = { key: "amount", label: "Counted round amount", color: "var(--color-equity)" };
export const FUNDING_VALUATION: ChartSeries = { key: "valuation", label: "Post-money valuation", color: "var(--chart-valuation)" };

export function fundingRoundsTitle(company: CompanyView): string {
  return `${company.profile.name}: counted funding per round, with post-money valuation`;
}

/** One row per round (lib/measures/funding-rounds.ts). A date without a reported valuation gets no valuation key: the step line carries the last one across it. */
export function fundingRoundRows(company: CompanyView): ChartRow[] {
  return company.rounds.map((r) => ({
    label: formatDate(r.date),
    // Where the round sits on the chart's time scale; not a column of the table.
    time: Date.parse(r.date),
    total: Number(r.amount),
    amount: Number(r.amount),
    ...(r.postMoneyValuation === null ? {} : { valuation: Number(r.postMoneyValuation) }),
  }));
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
