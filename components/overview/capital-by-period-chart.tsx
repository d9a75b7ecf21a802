import type { ChartRow, ChartSeries } from "@/components/charts/chart-types";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import type { CapitalByPeriod } from "@/lib/data/capital";
import { KIND_LABELS } from "@/lib/domain";
import { formatPeriod } from "@/lib/format";

/** The rows and series of the overview's capital chart: the same on / and in its embed. */
export function capitalByPeriodChart(capital: CapitalByPeriod): { rows: ChartRow[]; series: ChartSeries[] } {
  return {
    series: capital.kinds.map((k) => ({ key: k, label: KIND_LABELS[k], color: `var(--color-${k})` })),
    rows: capital.periods.map((p) => ({
      label: formatPeriod(p.period),
      total: Number(p.total),
      ...Object.fromEntries(capital.kinds.map((k) => [k, Number(p.byKey[k] ?? 0n)])),
    })),
  };
}

/** The stacked bars per period (or the empty state). */
export function CapitalByPeriodBody({ capital }: { capital: CapitalByPeriod }) {
  const { rows, series } = capitalByPeriodChart(capital);
  const per = capital.view.grain === "year" ? "year" : "quarter";
  const what = capital.view.include === "commitments" ? "capital and commitments" : "capital counted";
  return rows.length > 0 ? (
    <StackedBarChart rows={rows} series={series} ariaLabel={`Stacked bar chart: ${what} per ${per}, by kind`} />
  ) : (
    <p className="text-sm muted">No counted deals to chart.</p>
  );
}
