import { formatNumber } from "@/lib/format";
import type { ChartColumn, ChartRow, ChartSeries } from "./chart-types";
import { DataTableRows } from "./data-table-rows";
import { formatValue } from "./format-value";

/**
 * A chart's data as a table, the accessible alternative to the drawing. Without `columns` it shows what a period
 * chart draws: one column per series and their total, in exact dollars. The cells are written here and drawn by
 * DataTableRows, a client component, so that the payload carries their text rather than every cell's markup.
 */
export function ChartDataTable({
  title,
  rows,
  series,
  columns,
  rowHeader,
  latestRows,
  csvHref,
}: {
  title: string;
  rows: ChartRow[];
  series: ChartSeries[];
  columns?: ChartColumn[];
  rowHeader: string;
  /**
   * Show only the last this many rows (the latest, rows being oldest first) and say how many there are, with the CSV
   * for all: a company's rounds per date run to thousands at scale (10,412 rounds of OpenAI in the synthetic 100,000
   * deals made 540 kB of table, twice over with React's payload).
   */
  latestRows?: number;
  csvHref?: string;
}) {
  const shownRows = latestRows !== undefined && rows.length > latestRows ? rows.slice(rows.length - latestRows) : rows;
  const shown: ChartColumn[] = columns ?? [
    ...series.map((s) => ({ key: s.key, label: s.label, format: "usd" as const })),
    { key: "total", label: "Total", format: "usd" },
  ];
  return (
    <div className="mt-2 overflow-x-auto">
      <DataTableRows
        caption={title}
        head={[rowHeader, ...shown.map((c) => c.label)]}
        text={shown.map((c) => c.format === "text")}
        rows={shownRows.map((row) => [
          row.label,
          // A period chart's missing series is a zero; a missing value in other tables is "no value".
          ...shown.map((c) => formatValue(columns ? row[c.key] : (row[c.key] ?? 0), c.format)),
        ])}
      />
      {shownRows.length < rows.length ? (
        <p className="mt-2 text-gray-600 dark:text-gray-400">
          The latest {formatNumber(shownRows.length)} of {formatNumber(rows.length)} rows.{" "}
          {csvHref ? (
            <a href={csvHref} download className="text-link">
              Every row as CSV
            </a>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
