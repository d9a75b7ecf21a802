import type { ReactNode } from "react";
import { ChartDataTable } from "./chart-data-table";
import { dataState } from "@/lib/data/view-cache";
import { ChartActions } from "./chart-share";
import type { ChartColumn, ChartRow, ChartSeries } from "./chart-types";

/** The snippet's height for the server-drawn bar and line charts: their embed page at 640 px wide, no inner scroll. */
export const EMBED_HEIGHT = 540;

/**
 * Every chart's frame: a title that says what is counted, the chart, its data as a table (the accessible
 * alternative), the same data as CSV, the drawing as PNG or SVG, a link to the chart in this view (every view's
 * state is in its URL, so the link shares exactly what is shown), its embed snippet and a citation.
 *
 * The table shows one column per series plus their total, per period; pass `columns` (and `rowHeader`) for charts
 * whose rows are not periods or whose values are not dollars. `tableOpen` shows the table without a click.
 */
export async function ChartFrame({
  id,
  title,
  description,
  takeaway,
  rows,
  series,
  csvHref,
  embedPath,
  embedHeight = EMBED_HEIGHT,
  actions,
  columns,
  legend,
  rowHeader = "Period",
  tableOpen = false,
  tableRowCount,
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  /** The chart's one-line takeaway, written from the rows it draws (components/charts/takeaway.ts). */
  takeaway?: string | null;
  rows: ChartRow[];
  series: ChartSeries[];
  csvHref: string;
  /** The chart's /embed page (with the view's parameters): adds an "Embed" action with an iframe snippet. */
  embedPath?: string;
  /** The embed page's height at the snippet's width, where the chart is taller than the bar and line charts. */
  embedHeight?: number;
  actions?: ReactNode;
  columns?: ChartColumn[];
  /** The legend of the downloaded drawing, where it is not the table's series (the funding rounds' bars and line). */
  legend?: ChartSeries[];
  rowHeader?: string;
  tableOpen?: boolean;
  /** `rows` are the latest of this many: the table says so and links the CSV for all (ChartDataTable's `rowCount`). */
  tableRowCount?: number;
  children: ReactNode;
}) {
  const { changedAt } = await dataState();
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="chart-frame">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          {takeaway ? (
            <p data-takeaway="" className="mt-1 font-medium">
              {takeaway}
            </p>
          ) : null}
          <div id={`${id}-description`} className="mt-1 text-sm muted">
            {description}
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {actions}
          <ChartActions
            id={id}
            title={title}
            csvHref={csvHref}
            embedPath={embedPath}
            embedHeight={embedHeight}
            legend={(legend ?? series).map((s) => ({ label: s.label, color: s.color }))}
            changedAt={changedAt}
            disabled={rows.length === 0}
          />
        </div>
      </div>
      <div id={`${id}-chart`} className="mt-4">
        {children}
      </div>
      <details className="mt-3 text-sm" open={tableOpen}>
        <summary className="summary-link">Show the data as a table</summary>
        <ChartDataTable
          title={title}
          rows={rows}
          series={series}
          columns={columns}
          rowHeader={rowHeader}
          rowCount={tableRowCount}
          csvHref={csvHref}
        />
      </details>
    </section>
  );
}
