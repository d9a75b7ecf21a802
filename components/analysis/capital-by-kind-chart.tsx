import { analysisHref, AnalysisSectionLink } from "@/components/analysis/analysis-page-frame";
import { ChartFrame } from "@/components/charts/chart-frame";
import { periodTakeaway } from "@/components/charts/takeaway";
import type { ChartRow } from "@/components/charts/chart-types";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import type { CapitalByKindData } from "@/lib/data/analysis";
import { KIND_LABELS } from "@/lib/domain";
import { analysisSectionPath, analysisViewToParams, type AnalysisView } from "@/lib/filters/analysis-view";
import { formatPeriod } from "@/lib/format";

/** The amounts by kind's own page, where they are drawn for a view. */
export const KINDS_PATH = analysisSectionPath("kinds");

function chartData(data: CapitalByKindData) {
  const series = data.kinds.map((k) => ({ key: k, label: KIND_LABELS[k], color: `var(--color-${k})` }));
  const rows: ChartRow[] = data.periods.map((p) => ({
    label: formatPeriod(p.period),
    total: Number(p.total),
    ...Object.fromEntries(data.kinds.map((k) => [k, Number(p.byKey[k] ?? 0n)])),
  }));
  return { series, rows };
}

export function capitalByKindTitle(view: AnalysisView): string {
  return `Counted amounts by kind per ${view.grain === "year" ? "year" : "quarter"}`;
}

/** The stacked bars (or the empty state), drawn the same on /analysis/kinds and in its embed. */
export function CapitalByKindBody({ view, data }: { view: AnalysisView; data: CapitalByKindData }) {
  const { series, rows } = chartData(data);
  const per = view.grain === "year" ? "year" : "quarter";
  return rows.length > 0 ? (
    <StackedBarChart rows={rows} series={series} ariaLabel={`Stacked bar chart: counted amounts per ${per}, by kind`} />
  ) : (
    <p className="text-sm muted">No counted deals to chart.</p>
  );
}

/** Counted amounts per period, one colour per kind (equity, compute commitments, chips, acquisitions...). */
export function CapitalByKindChart({ view, data }: { view: AnalysisView; data: CapitalByKindData }) {
  const { series, rows } = chartData(data);
  return (
    <ChartFrame
      id="capital-by-kind"
      title={capitalByKindTitle(view)}
      description={
        view.count === "capital"
          ? "Equity and convertible investments. Choose “All kinds” under Count to add compute, cloud and chip commitments, acquisitions and the other kinds, each in its own colour."
          : "Each kind in its own colour. Compute, cloud and chip commitments are purchase contracts, not investment: compare them with equity, never add them to it."
      }
      takeaway={periodTakeaway(rows, "counted", view.grain)}
      rows={rows}
      series={series}
      csvHref={`/api/stats/capital-by-kind?${new URLSearchParams([...analysisViewToParams(view), ["format", "csv"]])}`}
      embedPath={`/embed/capital-by-kind?${analysisViewToParams(view)}`}
    >
      <CapitalByKindBody view={view} data={data} />
    </ChartFrame>
  );
}

/**
 * On /analysis, the amounts by kind are one link away: a stacked bar per period with its table were about a fifth of
 * the page at 100,000 deals (twice that per quarter), so they have a page of their own with the same view.
 */
export function KindsLink({ view }: { view: AnalysisView }) {
  return (
    <AnalysisSectionLink
      id="capital-by-kind"
      title={capitalByKindTitle(view)}
      href={analysisHref(KINDS_PATH, view)}
      linkText="Chart the amounts by kind"
    >
      {view.count === "capital"
        ? "This view’s counted capital per period, split into equity and convertible investments, with a table of every period."
        : "This view’s counted amounts per period, one colour per kind (compute, cloud and chip commitments are purchase contracts, not investment), with a table of every period."}
    </AnalysisSectionLink>
  );
}
