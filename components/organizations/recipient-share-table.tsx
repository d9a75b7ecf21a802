import { FigureRows } from "./organization-table-rows";
import { SortHeader } from "@/components/ui/sort-header";
import { nextTableSort, sortedAs, type TableSort } from "@/lib/filters/ranking-sort";
import { RECIPIENTS_SORT, type RecipientsColumn } from "@/lib/filters/organization-table-sorts";
import { companyHref } from "@/lib/story/view-href";
import type { RecipientShare } from "@/lib/measures/funding-shares";
import { formatNumber, formatShare, formatUsd, formatUsdExact } from "@/lib/format";

/** The recipients an investor funded, by the capital it put in, with its share of each one's counted funding. */
/** Sorted by `sort`; each column's header links to `sortHref` of its order. */
export function RecipientShareTable({
  rows,
  investorName,
  asOf,
  sort,
  sortHref,
}: {
  rows: RecipientShare[];
  investorName: string;
  asOf: string | null;
  sort: TableSort<RecipientsColumn>;
  sortHref: (sort: TableSort<RecipientsColumn>) => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="org-table figure-table min-w-full text-left text-sm">
        <caption className="sr-only">Recipients by the capital {investorName} put in, and its share of their counted funding</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <SortHeader href={sortHref(nextTableSort(RECIPIENTS_SORT, sort, "name"))} sorted={sortedAs(sort, "name")}>
              Recipient
            </SortHeader>
            <SortHeader
              href={sortHref(nextTableSort(RECIPIENTS_SORT, sort, "counted"))}
              sorted={sortedAs(sort, "counted")}
              className="text-right"
            >
              Counted deals with {investorName}
            </SortHeader>
            <SortHeader
              href={sortHref(nextTableSort(RECIPIENTS_SORT, sort, "amount"))}
              sorted={sortedAs(sort, "amount")}
              className="text-right"
            >
              {investorName}&rsquo;s attributed amount
            </SortHeader>
            <SortHeader
              href={sortHref(nextTableSort(RECIPIENTS_SORT, sort, "funding"))}
              sorted={sortedAs(sort, "funding")}
              className="text-right"
            >
              Recipient&rsquo;s counted funding
            </SortHeader>
            <SortHeader
              href={sortHref(nextTableSort(RECIPIENTS_SORT, sort, "share"))}
              sorted={sortedAs(sort, "share")}
              className="text-right"
            >
              Share from {investorName}
            </SortHeader>
          </tr>
        </thead>
        <FigureRows
          rows={rows.map((row) => [
            companyHref(row.key, asOf),
            row.name,
            [
              formatNumber(row.countedDeals),
              [formatUsd(row.investorAmount), formatUsdExact(row.investorAmount)],
              [formatUsd(row.recipientTotal), formatUsdExact(row.recipientTotal)],
              row.share === null ? "No disclosed amount" : formatShare(row.share),
            ],
          ])}
        />
      </table>
    </div>
  );
}
