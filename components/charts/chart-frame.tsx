import type { ReactNode } from "react";
import { formatUsdExact } from "@/lib/format";
import type { ChartRow, ChartSeries } from "./chart-types";

/**
 * Every chart's frame: a title that says what is counted, the chart, its data as a table (the accessible
 * alternative) and a CSV download of the same data.
 */
export function ChartFrame({
  id,
  title,
  description,
  rows,
  series,
  csvHref,
  actions,
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  rows: ChartRow[];
  series: ChartSeries[];
  csvHref: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">{description}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {actions}
          <a href={csvHref} download className="rounded border border-gray-300 px-3 py-1.5 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:hover:bg-gray-800">
            Download CSV
          </a>
        </div>
      </div>
      <div className="mt-4">{children}</div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer rounded text-blue-700 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400">Show the data as a table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-gray-200 dark:border-gray-800">
                <th scope="col" className="py-1 pr-4 font-medium">Period</th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="py-1 pr-4 text-right font-medium">{s.label}</th>
                ))}
                <th scope="col" className="py-1 text-right font-medium">Total</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label} className="border-b border-gray-100 dark:border-gray-900">
                  <th scope="row" className="py-1 pr-4 font-normal">{row.label}</th>
                  {series.map((s) => (
                    <td key={s.key} className="py-1 pr-4 text-right">{formatUsdExact(Number(row[s.key] ?? 0))}</td>
                  ))}
                  <td className="py-1 text-right">{formatUsdExact(Number(row.total ?? 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
