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
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Equity and convertible deals {companyName} received, oldest first, with post-money valuations</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <th scope="col" className="py-2 pr-3 font-medium">
              Date
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Round
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Investors
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Status
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Amount as reported
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Counted
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Post-money valuation
            </th>
          </tr>
        </thead>
        <tbody>
          {deals.map((deal) => (
            <tr key={deal.id} className="border-b border-gray-100 align-top dark:border-gray-900">
              <td className="whitespace-nowrap py-2 pr-3">
                <time dateTime={deal.announcedOn}>{formatDate(deal.announcedOn)}</time>
              </td>
              <th scope="row" className="min-w-48 py-2 pr-3 font-normal">
                <Link href={dealHref(deal.id, asOf)} className="link">
                  {deal.round ?? KIND_LABELS[deal.kind]}
                </Link>
              </th>
              <td className="min-w-40 py-2 pr-3">{deal.investors.map((i) => i.name).join(", ") || "Not named"}</td>
              <td className="py-2 pr-3">
                <StatusBadge status={deal.status} />
              </td>
              <td className="whitespace-nowrap py-2 pr-3 text-right">
                {formatAmount(deal.amountUsdLow, deal.amountUsdHigh, deal.amountQualifier)}
              </td>
              <td className="whitespace-nowrap py-2 pr-3 text-right">
                {deal.counted === null ? (
                  <span className="text-gray-600 dark:text-gray-400">Not counted</span>
                ) : (
                  <span title={formatUsdExact(deal.counted)}>{formatUsd(deal.counted)}</span>
                )}
              </td>
              <td className="whitespace-nowrap py-2 text-right">
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
