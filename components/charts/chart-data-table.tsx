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
  rowCount,
  csvHref,
}: {
  title: string;
  rows: ChartRow[];
  series: ChartSeries[];
  columns?: ChartColumn[];
  rowHeader: string;
  /**
   * How many rows there are when `rows` are only the latest of them (oldest first): the table says so, with the CSV
   * for all. A company's rounds per date run to thousands at scale (10,412 rounds of OpenAI in the synthetic 100,000
   * deals made 540 kB of table, twice over with React's payload), so its page is given the latest few.
   */
  rowCount?: number;
  csvHref?: string;
}) {
  const total = Math.max(rowCount ?? 0, rows.length);
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
        rows={rows.map((row) => [
          row.label,
          // A period chart's missing series is a zero; a missing value in other tables is "no value".
          ...shown.map((c) => formatValue(columns ? row[c.key] : (row[c.key] ?? 0), c.format)),
        ])}
      />
      {rows.length < total ? (
        <p className="mt-2 muted">
          The latest {formatNumber(rows.length)} of {formatNumber(total)} rows.{" "}
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
