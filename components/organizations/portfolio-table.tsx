import { PortfolioRows } from "./organization-table-rows";
import { companyHref, dealHref } from "@/lib/story/view-href";
import type { PortfolioDeal } from "@/lib/data/investor";
import { KIND_LABELS } from "@/lib/domain";
import { formatAmount, formatDate, formatUsd, formatUsdExact } from "@/lib/format";
import { SortHeader } from "@/components/ui/sort-header";
import { nextTableSort, sortedAs, type TableSort } from "@/lib/filters/ranking-sort";
import { PORTFOLIO_SORT, type PortfolioColumn } from "@/lib/filters/organization-table-sorts";

const ORDER_WORDS: Record<PortfolioColumn, [string, string]> = {
  date: ["oldest first", "newest first"],
  deal: ["by deal, A to Z", "by deal, Z to A"],
  recipient: ["by recipient, A to Z", "by recipient, Z to A"],
  kind: ["by kind, A to Z", "by kind, Z to A"],
  status: ["by status, A to Z", "by status, Z to A"],
  amount: ["smallest amount first", "largest amount first"],
  counted: ["smallest counted part first", "largest counted part first"],
};

/**
 * The investor's deals, with the amount as reported and the part of it counted for the investor, sorted by `sort`;
 * each column's header links to `sortHref` of its order.
 */
export function PortfolioTable({
  deals,
  investorName,
  asOf,
  sort,
  sortHref,
}: {
  deals: PortfolioDeal[];
  investorName: string;
  asOf: string | null;
  sort: TableSort<PortfolioColumn>;
  sortHref: (sort: TableSort<PortfolioColumn>) => string;
}) {
  const header = (column: PortfolioColumn, label: string, className?: string) => (
    <SortHeader href={sortHref(nextTableSort(PORTFOLIO_SORT, sort, column))} sorted={sortedAs(sort, column)} className={className}>
      {label}
    </SortHeader>
  );
  return (
    <div className="overflow-x-auto">
      <table className="org-table min-w-full text-left text-sm">
        <caption className="sr-only">
          Deals {investorName} is named in, {ORDER_WORDS[sort.column][sort.descending ? 1 : 0]}
        </caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            {header("date", "Date")}
            {header("deal", "Deal")}
            {header("recipient", "Recipient")}
            {header("kind", "Kind")}
            {header("status", "Status")}
            {header("amount", "Amount as reported", "text-right")}
            {header("counted", `Counted for ${investorName}`, "text-right")}
          </tr>
        </thead>
        <PortfolioRows
          rows={deals.map((deal) => [
            dealHref(deal.id, asOf),
            deal.announcedOn,
            formatDate(deal.announcedOn),
            deal.round ?? KIND_LABELS[deal.kind],
            deal.investors.length > 1
              ? `with ${deal.investors.length - 1} other ${deal.investors.length === 2 ? "investor" : "investors"}`
              : null,
            companyHref(deal.recipient.slug, asOf),
            deal.recipient.name,
            KIND_LABELS[deal.kind],
            deal.status,
            formatAmount(deal.amountUsdLow, deal.amountUsdHigh, deal.amountQualifier),
            deal.attributed === null ? null : [formatUsd(deal.attributed), formatUsdExact(deal.attributed)],
          ])}
        />
      </table>
    </div>
  );
}
