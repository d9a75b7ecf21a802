import { FigureRows } from "./organization-table-rows";
import { SortHeader } from "@/components/ui/sort-header";
import { nextTableSort, sortedAs, type TableSort } from "@/lib/filters/ranking-sort";
import { INVESTORS_SORT, type InvestorsColumn } from "@/lib/filters/organization-table-sorts";
import { investorHref } from "@/lib/story/view-href";
import { UNDISCLOSED_KEY } from "@/lib/measures/capital";
import type { InvestorShare } from "@/lib/measures/funding-shares";
import { formatNumber, formatShare, formatUsd, formatUsdExact } from "@/lib/format";

/** Who funded a company, with each investor's attributed part of its counted funding. */
/** Sorted by `sort`; each column's header links to `sortHref` of its order. */
export function InvestorShareTable({
  rows,
  companyName,
  asOf,
  sort,
  sortHref,
}: {
  rows: InvestorShare[];
  companyName: string;
  asOf: string | null;
  sort: TableSort<InvestorsColumn>;
  sortHref: (sort: TableSort<InvestorsColumn>) => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="org-table figure-table min-w-full text-left text-sm">
        <caption className="sr-only">Investors in {companyName} and their shares of its counted funding</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <SortHeader href={sortHref(nextTableSort(INVESTORS_SORT, sort, "name"))} sorted={sortedAs(sort, "name")}>
              Investor
            </SortHeader>
            <SortHeader
              href={sortHref(nextTableSort(INVESTORS_SORT, sort, "counted"))}
              sorted={sortedAs(sort, "counted")}
              className="text-right"
            >
              Counted deals
            </SortHeader>
            <SortHeader
              href={sortHref(nextTableSort(INVESTORS_SORT, sort, "amount"))}
              sorted={sortedAs(sort, "amount")}
              className="text-right"
            >
              Attributed amount
            </SortHeader>
            <SortHeader
              href={sortHref(nextTableSort(INVESTORS_SORT, sort, "share"))}
              sorted={sortedAs(sort, "share")}
              className="text-right"
            >
              Share of {companyName}&rsquo;s counted funding
            </SortHeader>
          </tr>
        </thead>
        <FigureRows
          rows={rows.map((row) => [
            row.key === UNDISCLOSED_KEY ? null : investorHref(row.key, asOf),
            row.key === UNDISCLOSED_KEY ? "Unnamed investors" : row.name,
            [
              formatNumber(row.countedDeals),
              [formatUsd(row.amount), formatUsdExact(row.amount)],
              row.share === null ? "No disclosed amount" : formatShare(row.share),
            ],
          ])}
        />
      </table>
    </div>
  );
}
