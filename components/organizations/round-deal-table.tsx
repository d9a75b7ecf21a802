import { dealHref } from "@/lib/story/view-href";
import type { RoundDeal } from "@/lib/data/company";
import { KIND_LABELS } from "@/lib/domain";
import { formatAmount, formatDate, formatUsd, formatUsdExact } from "@/lib/format";
import { RoundDealRows } from "./organization-table-rows";

/** Each equity or convertible deal a company received, counted or not, with the valuation reported with it. */
export function RoundDealTable({ deals, companyName, asOf }: { deals: RoundDeal[]; companyName: string; asOf: string | null }) {
  return (
    <div className="overflow-x-auto">
      <table className="org-table min-w-full text-left text-sm">
        <caption className="sr-only">Equity and convertible deals {companyName} received, oldest first, with post-money valuations</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <th scope="col">Date</th>
            <th scope="col">Round</th>
            <th scope="col">Investors</th>
            <th scope="col">Status</th>
            <th scope="col" className="text-right">
              Amount as reported
            </th>
            <th scope="col" className="text-right">
              Counted
            </th>
            <th scope="col" className="text-right">
              Post-money valuation
            </th>
          </tr>
        </thead>
        <RoundDealRows
          rows={deals.map((deal) => [
            dealHref(deal.id, asOf),
            deal.announcedOn,
            formatDate(deal.announcedOn),
            deal.round ?? KIND_LABELS[deal.kind],
            deal.investors.map((i) => i.name).join(", ") || "Not named",
            deal.status,
            formatAmount(deal.amountUsdLow, deal.amountUsdHigh, deal.amountQualifier),
            deal.counted === null ? null : [formatUsd(deal.counted), formatUsdExact(deal.counted)],
            deal.postMoneyValuationUsd === null ? null : formatUsd(deal.postMoneyValuationUsd),
          ])}
        />
      </table>
    </div>
  );
}
