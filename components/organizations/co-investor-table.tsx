import Link from "next/link";
import { SortHeader } from "@/components/ui/sort-header";
import { nextTableSort, sortedAs, type TableSort } from "@/lib/filters/ranking-sort";
import { CO_INVESTORS_SORT, type CoInvestorsColumn } from "@/lib/filters/organization-table-sorts";
import { investorHref } from "@/lib/story/view-href";
import type { CoInvestor } from "@/lib/measures/co-investors";
import { formatNumber } from "@/lib/format";

/** Sorted by `sort`; each column's header links to `sortHref` of its order. */
export function CoInvestorTable({
  rows,
  investorName,
  asOf,
  sort,
  sortHref,
}: {
  rows: CoInvestor[];
  investorName: string;
  asOf: string | null;
  sort: TableSort<CoInvestorsColumn>;
  sortHref: (sort: TableSort<CoInvestorsColumn>) => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm sm:min-w-96">
        <caption className="sr-only">Organizations that invested alongside {investorName}, by deals in common</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <SortHeader
              href={sortHref(nextTableSort(CO_INVESTORS_SORT, sort, "name"))}
              sorted={sortedAs(sort, "name")}
              className="py-2 pr-3 font-medium"
            >
              Co-investor
            </SortHeader>
            <SortHeader
              href={sortHref(nextTableSort(CO_INVESTORS_SORT, sort, "deals"))}
              sorted={sortedAs(sort, "deals")}
              className="py-2 text-right font-medium"
            >
              Deals together
            </SortHeader>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-gray-100 dark:border-gray-900">
              <th scope="row" className="py-2 pr-3 font-medium">
                <Link
                  href={investorHref(row.key, asOf)}
                  className="text-blue-700 underline hover:no-underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
                >
                  {row.name}
                </Link>
              </th>
              <td className="py-2 text-right">{formatNumber(row.deals)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
