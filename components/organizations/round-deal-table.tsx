import Link from "next/link";
import { dealHref } from "@/lib/story/view-href";
import { StatusBadge } from "@/components/deals/status-badge";
import type { RoundDeal } from "@/lib/data/company";
import { KIND_LABELS } from "@/lib/domain";
import { formatAmount, formatDate, formatUsd, formatUsdExact } from "@/lib/format";

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
        <tbody>
          {deals.map((deal) => (
            <tr key={deal.id} className="row-rule align-top">
              <td className="whitespace-nowrap">
                <time dateTime={deal.announcedOn}>{formatDate(deal.announcedOn)}</time>
              </td>
              <th scope="row" className="min-w-48 font-normal">
                <Link href={dealHref(deal.id, asOf)} className="link">
                  {deal.round ?? KIND_LABELS[deal.kind]}
                </Link>
              </th>
              <td className="min-w-40">{deal.investors.map((i) => i.name).join(", ") || "Not named"}</td>
              <td>
                <StatusBadge status={deal.status} />
              </td>
              <td className="whitespace-nowrap text-right">{formatAmount(deal.amountUsdLow, deal.amountUsdHigh, deal.amountQualifier)}</td>
              <td className="whitespace-nowrap text-right">
                {deal.counted === null ? (
                  <span className="text-gray-600 dark:text-gray-400">Not counted</span>
                ) : (
                  <span title={formatUsdExact(deal.counted)}>{formatUsd(deal.counted)}</span>
                )}
              </td>
              <td className="whitespace-nowrap text-right">
                {deal.postMoneyValuationUsd === null ? (
                  <span className="text-gray-600 dark:text-gray-400">Not reported</span>
                ) : (
                  formatUsd(deal.postMoneyValuationUsd)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
