"use client";

// The rows of the deal lists, the /deals timeline and the /deals table, drawn from the short text of DealRow (see
// deal-rows.ts for why they are a client component). Links and markup are the same with or without JavaScript.
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { dealHref } from "@/lib/story/view-href";
import { StatusBadge } from "./status-badge";
import type { DealRow, DealTableRow } from "./deal-rows";

/** `asOf`: the view's date, kept on every deal link (null today). */
export function DealListRows({ rows, asOf }: { rows: DealRow[]; asOf: string | null }) {
  return (
    <ul className="divide-y divide-gray-200 dark:divide-gray-800">
      {rows.map((row) => (
        <li key={row.id} className="py-3">
          <Link href={dealHref(row.id, asOf)} className="deal-link">
            <div className="deal-head">
              <span className="deal-parties">{row.parties}</span>
              <span className="font-semibold">{row.amount}</span>
            </div>
            <div className="deal-meta">
              <time dateTime={row.date}>{formatDate(row.date)}</time>
              <span aria-hidden="true">·</span>
              <span>{row.kind}</span>
              <StatusBadge status={row.status} />
              {/* Wrapped, not truncated: a nowrap round name is as wide as its text, and in the grids that hold this list
                  (the overview, a deal's related deals) that pushed the page wider than a 375 px phone. */}
              {row.round ? <span className="deal-round">{row.round}</span> : null}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The timeline: the rows under a heading per period (`period` its key, `label` its heading). */
export function DealPeriods({ periods, asOf }: { periods: { period: string; label: string; rows: DealRow[] }[]; asOf: string | null }) {
  return (
    <div className="space-y-6">
      {periods.map(({ period, label, rows }) => (
        <section key={period} aria-labelledby={`period-${period}`} className="period">
          <h3 id={`period-${period}`} className="text-base font-semibold">
            {label}
          </h3>
          <DealListRows rows={rows} asOf={asOf} />
        </section>
      ))}
    </div>
  );
}

export function DealTableRows({ rows, asOf }: { rows: DealTableRow[]; asOf: string | null }) {
  return (
    <tbody className="deal-rows">
      {rows.map((row) => (
        <tr key={row.id}>
          <td className="whitespace-nowrap">
            <time dateTime={row.date}>{formatDate(row.date)}</time>
          </td>
          <td className="min-w-48">
            <Link href={dealHref(row.id, asOf)} className="table-link font-medium">
              {row.parties}
            </Link>
          </td>
          <td className="whitespace-nowrap text-right font-medium">
            <span title={row.exact ?? undefined}>{row.amount}</span>
          </td>
          <td>
            <StatusBadge status={row.status} />
          </td>
          <td className="whitespace-nowrap">{row.kind}</td>
          <td className="min-w-40 text-gray-700 dark:text-gray-300">{row.round ?? "—"}</td>
          <td className="text-right">{row.sources}</td>
        </tr>
      ))}
    </tbody>
  );
}
