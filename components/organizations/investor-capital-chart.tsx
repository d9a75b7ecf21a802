import type { ChartRow, ChartSeries } from "@/components/charts/chart-types";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import type { InvestorView } from "@/lib/data/investor";
import { KIND_LABELS } from "@/lib/domain";
import { formatPeriod } from "@/lib/format";

/** The rows, series and title of an investor's capital-by-period chart: the same on /investors/[slug] and in its embed. */
export function investorCapitalChart(investor: InvestorView): {
  title: string;
  description: string;
  rows: ChartRow[];
  series: ChartSeries[];
} {
  const { profile, grain, kinds, periods } = investor;
  const grainWord = grain === "year" ? "year" : "quarter";
  return {
    title: `Capital ${profile.name} put in by ${grainWord}, by kind`,
    description: `${profile.name}’s attributed part of counted equity and convertible deals, by the ${grainWord} they were announced. Compute, cloud and chip commitments are not capital and are not included.`,
    series: kinds.map((k) => ({ key: k, label: KIND_LABELS[k], color: `var(--color-${k})` })),
    rows: periods.map((p) => ({
      label: formatPeriod(p.period),
      total: Number(p.total),
      ...Object.fromEntries(kinds.map((k) => [k, Number(p.byKey[k] ?? 0n)])),
    })),
  };
}

/** The stacked bars (or the empty state). */
export function InvestorCapitalBody({ investor }: { investor: InvestorView }) {
  const { rows, series } = investorCapitalChart(investor);
  const name = investor.profile.name;
  return rows.length > 0 ? (
    <StackedBarChart
      rows={rows}
      series={series}
      ariaLabel={`Bar chart: capital ${name} put in per ${investor.grain === "year" ? "year" : "quarter"}, by kind`}
    />
  ) : (
    <p className="text-sm muted">{name} is in no counted deal: nothing to chart.</p>
  );
}
