import Link from "next/link";
import type { DealSummary } from "@/lib/data/deals";
import type { DealSort } from "@/lib/filters/deal-filters";
import { dealTableRow } from "./deal-rows";
import { DealTableRows } from "./deal-rows-view";

type SortColumn = { label: string; direction: "ascending" | "descending" | null; href: string; next: string };

/** The column's state under the current sort, and the link that sorts by it (toggling direction when it is the sort already). */
function sortColumn(label: string, sort: DealSort, column: "date" | "amount", hrefFor: (sort: DealSort) => string): SortColumn {
  const [current, order] = sort.split("_") as ["date" | "amount", "asc" | "desc"];
  const active = current === column;
  const nextOrder = active && order === "desc" ? "asc" : "desc";
  const words = column === "date" ? { asc: "oldest first", desc: "newest first" } : { asc: "smallest first", desc: "largest first" };
  return {
    label,
    direction: active ? (order === "asc" ? "ascending" : "descending") : null,
    href: hrefFor(`${column}_${nextOrder}` as DealSort),
    next: words[nextOrder],
  };
}

function SortHeader({ column, className }: { column: SortColumn; className?: string }) {
  return (
    <th scope="col" aria-sort={column.direction ?? undefined} className={`py-2 pr-4 font-medium ${className ?? ""}`}>
      <Link
        href={column.href}
        scroll={false}
        className="inline-flex items-center gap-1 rounded text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
      >
        {column.label}
        <span aria-hidden="true">{column.direction === "ascending" ? "▲" : column.direction === "descending" ? "▼" : "↕"}</span>
        <span className="sr-only">, sort {column.next}</span>
      </Link>
    </th>
  );
}

/** Deals as a table; sorting is a link that sets `sort` in the URL, so a sorted view can be shared like any other. */
export function DealTable({
  deals,
  sort,
  hrefFor,
  caption,
  asOf,
}: {
  deals: DealSummary[];
  sort: DealSort;
  hrefFor: (sort: DealSort) => string;
  caption: string;
  asOf: string | null;
}) {
  const date = sortColumn("Date", sort, "date", hrefFor);
  const amount = sortColumn("Amount", sort, "amount", hrefFor);
  return (
    // relative: the visually hidden sort hints are absolutely positioned; without a positioned ancestor they
    // would escape this scroll box and widen the whole page on a phone.
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <SortHeader column={date} />
            <th scope="col" className="py-2 pr-4 font-medium">
              Deal
            </th>
            <SortHeader column={amount} className="text-right" />
            <th scope="col" className="py-2 pr-4 font-medium">
              Status
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Kind
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Round
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Sources
            </th>
          </tr>
        </thead>
        <DealTableRows rows={deals.map(dealTableRow)} asOf={asOf} />
      </table>
    </div>
  );
}
