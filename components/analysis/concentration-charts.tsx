import { analysisHref, AnalysisSectionLink } from "@/components/analysis/analysis-page-frame";
import { ChartFrame } from "@/components/charts/chart-frame";
import type { ChartColumn, ChartRow } from "@/components/charts/chart-types";
import { TrendLineChart } from "@/components/charts/trend-line-chart";
import { analysisSectionPath, analysisViewToParams, type AnalysisView } from "@/lib/filters/analysis-view";
import { takeawayShare } from "@/components/charts/takeaway";
import { formatNumber, formatPeriod, formatShare, formatUsd } from "@/lib/format";
import { HHI_BANDS, hhiReadingLabel, type ConcentrationPeriod } from "@/lib/measures/concentration";

export const BAND_COLORS = {
  unconcentrated: "var(--band-unconcentrated)",
  moderate: "var(--band-moderate)",
  high: "var(--band-high)",
} as const;

/** A key with no value is left out of the row: a gap in the line and a dash in the table, never a zero. */
function withValues(entries: Record<string, number | string | null | undefined>): Record<string, number | string> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== null && v !== undefined)) as Record<string, number | string>;
}

const TOP_SERIES = [
  { key: "top1", label: "Top 1", color: "var(--chart-top1)" },
  { key: "top3", label: "Top 3", color: "var(--chart-top3)" },
  { key: "top5", label: "Top 5", color: "var(--chart-top5)" },
];

function sideAndPer(view: AnalysisView) {
  return { side: view.side === "recipient" ? "recipients" : "investors", per: view.grain === "year" ? "year" : "quarter" };
}

export function hhiTitle(view: AnalysisView): string {
  const { side, per } = sideAndPer(view);
  return `Herfindahl-Hirschman index of ${side} per ${per}`;
}

export function topSharesTitle(view: AnalysisView): string {
  const { side, per } = sideAndPer(view);
  return `Share of counted capital held by the top 1, 3 and 5 ${side} per ${per}`;
}

/** One row per period with the HHI, its reading, the top shares and the counted total: the data of both charts. */
export function concentrationRows(periods: ConcentrationPeriod[]): ChartRow[] {
  return periods.map((p) => ({
    label: formatPeriod(p.period),
    ...withValues({
      hhi: p.hhi,
      reading: p.hhi === null ? null : hhiReadingLabel(p.hhi),
      total: Number(p.total),
      top1: p.top1,
      top3: p.top3,
      top5: p.top5,
      largest: p.leaders[0]?.name,
      entities: p.entities,
    }),
  }));
}

/** The latest period with an index: "2025: OpenAI took 47.3% of $86.7B; HHI 3,697, highly concentrated." */
export function hhiTakeaway(view: AnalysisView, rows: ChartRow[]): string | null {
  const row = rows.findLast((r) => typeof r.hhi === "number");
  if (!row) return null;
  const verb = view.side === "recipient" ? "took" : "put in";
  const leader =
    typeof row.largest === "string" && typeof row.top1 === "number"
      ? `${row.largest} ${verb} ${takeawayShare(row.top1, Number(row.total))}; `
      : "";
  return `${row.label}: ${leader}HHI ${formatNumber(row.hhi as number)}, ${String(row.reading).toLowerCase()}.`;
}

/** The latest period's top shares: "2026: the top 1 recipient took 51.8%, the top 3 80.1%, the top 5 90.2% of $95B." */
export function topSharesTakeaway(view: AnalysisView, rows: ChartRow[]): string | null {
  const row = rows.findLast((r) => typeof r.top1 === "number");
  if (!row) return null;
  const one = view.side === "recipient" ? "recipient" : "investor";
  const shares = (["top3", "top5"] as const)
    .filter((k) => typeof row[k] === "number")
    .map((k) => `the top ${k.slice(3)} ${formatShare(row[k] as number)}`);
  return `${row.label}: the top 1 ${one} ${view.side === "recipient" ? "took" : "put in"} ${[formatShare(row.top1 as number), ...shares].join(", ")} of ${formatUsd(Number(row.total))}.`;
}

const EMPTY = "No counted capital in this view: there is no concentration to measure.";

/** The HHI line over its reading bands (or the empty state), drawn the same on its page and in its embed. */
export function HhiChartBody({ view, rows }: { view: AnalysisView; rows: ChartRow[] }) {
  const { side, per } = sideAndPer(view);
  return rows.length > 0 ? (
    <TrendLineChart
      rows={rows}
      series={[{ key: "hhi", label: "HHI", color: "var(--chart-hhi)" }]}
      format="number"
      domain={[0, 10_000]}
      bands={HHI_BANDS.map((b) => ({ from: b.from, to: b.to, label: b.label, color: BAND_COLORS[b.reading] }))}
      ariaLabel={`Line chart: HHI of ${side} per ${per}, over bands for unconcentrated, moderately and highly concentrated`}
    />
  ) : (
    <p className="text-sm muted">{EMPTY}</p>
  );
}

/** The top 1/3/5 share lines (or the empty state), drawn the same on its page and in its embed. */
export function TopSharesChartBody({ view, rows }: { view: AnalysisView; rows: ChartRow[] }) {
  const { side, per } = sideAndPer(view);
  return rows.length > 0 ? (
    <TrendLineChart
      rows={rows}
      series={TOP_SERIES}
      format="share"
      domain={[0, 1]}
      ariaLabel={`Line chart: share of counted capital of the top 1, 3 and 5 ${side} per ${per}`}
    />
  ) : (
    <p className="text-sm muted">{EMPTY}</p>
  );
}

/** The concentration CSV of a view: the figures of both charts. */
function concentrationCsvHref(view: AnalysisView): string {
  return `/api/stats/concentration?${new URLSearchParams([...analysisViewToParams(view), ["format", "csv"]])}`;
}

function unnamedNote(view: AnalysisView): string {
  return view.side === "investor"
    ? " Shared rounds are split among their investors; the part of unnamed investors counts in the total but is nobody’s share, so the HHI is a lower bound."
    : "";
}

/** The HHI per period over its reading bands, on /analysis. */
export function HhiChart({ view, periods }: { view: AnalysisView; periods: ConcentrationPeriod[] }) {
  const { side, per } = sideAndPer(view);
  const rows = concentrationRows(periods);
  const hhiColumns: ChartColumn[] = [
    { key: "hhi", label: "HHI", format: "number" },
    { key: "reading", label: "Reading", format: "text" },
    { key: "entities", label: side === "recipients" ? "Recipients" : "Named investors", format: "number" },
    { key: "total", label: "Counted", format: "usd" },
  ];
  return (
    <ChartFrame
      id="hhi"
      title={hhiTitle(view)}
      description={
        <>
          <p>
            The sum of the squared percentage shares of each of the {side} in the {per}’s counted capital: 10,000 when one takes everything,
            near 0 when it is spread over many.{unnamedNote(view)} A {per} with no counted capital has no index (a gap, not a zero).
          </p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {HHI_BANDS.map((b) => (
              <li key={b.reading} className="flex items-center gap-1.5">
                <span
                  aria-hidden="true"
                  className="inline-block h-3 w-3 rounded-sm opacity-60"
                  style={{ background: BAND_COLORS[b.reading] }}
                />
                {b.label}: {b.reading === "unconcentrated" ? "below 1,500" : b.reading === "moderate" ? "1,500 to 2,500" : "above 2,500"}
              </li>
            ))}
          </ul>
        </>
      }
      takeaway={hhiTakeaway(view, rows)}
      rows={rows}
      series={[{ key: "hhi", label: "HHI", color: "var(--chart-hhi)" }]}
      columns={hhiColumns}
      csvHref={concentrationCsvHref(view)}
      embedPath={`/embed/concentration?${analysisViewToParams(view)}`}
    >
      <HhiChartBody view={view} rows={rows} />
    </ChartFrame>
  );
}

/** The top 1/3/5 shares per period, on /analysis/top-shares. */
export function TopSharesChart({ view, periods }: { view: AnalysisView; periods: ConcentrationPeriod[] }) {
  const { side, per } = sideAndPer(view);
  const rows = concentrationRows(periods);
  const shareColumns: ChartColumn[] = [
    { key: "top1", label: "Top 1", format: "share" },
    { key: "top3", label: "Top 3", format: "share" },
    { key: "top5", label: "Top 5", format: "share" },
    { key: "largest", label: "Largest", format: "text" },
    { key: "total", label: "Counted", format: "usd" },
  ];
  return (
    <ChartFrame
      id="top-shares"
      title={topSharesTitle(view)}
      description={`Each ${per}, the part of its counted capital that went to the largest ${side}.${unnamedNote(view)}`}
      takeaway={topSharesTakeaway(view, rows)}
      rows={rows}
      series={TOP_SERIES}
      columns={shareColumns}
      csvHref={concentrationCsvHref(view)}
      embedPath={`/embed/top-shares?${analysisViewToParams(view)}`}
    >
      <TopSharesChartBody view={view} rows={rows} />
    </ChartFrame>
  );
}

/** The top shares' own page, where they are drawn for a view. */
export const TOP_SHARES_PATH = analysisSectionPath("top-shares");

/**
 * On /analysis, the top shares are its latest period's sentence and a link: drawn with their table they were about
 * 21 kB of the page at 100,000 deals, 52 kB per quarter, so they have a page of their own with the same view.
 */
export function TopSharesLink({ view, periods }: { view: AnalysisView; periods: ConcentrationPeriod[] }) {
  const { side, per } = sideAndPer(view);
  const takeaway = topSharesTakeaway(view, concentrationRows(periods));
  return (
    <AnalysisSectionLink
      id="top-shares"
      title={topSharesTitle(view)}
      href={analysisHref(TOP_SHARES_PATH, view)}
      linkText="Chart the top shares"
    >
      {takeaway ? `${takeaway} ` : ""}Each {per}, the part of its counted capital that went to the largest {side}, drawn with a table of
      every {per}.
    </AnalysisSectionLink>
  );
}
