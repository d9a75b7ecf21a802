import Link from "next/link";
import { companyHref, dealHref } from "@/lib/story/view-href";
import { StatusBadge } from "@/components/deals/status-badge";
import type { PortfolioDeal } from "@/lib/data/investor";
import { KIND_LABELS } from "@/lib/domain";
import { formatAmount, formatDate, formatUsd, formatUsdExact } from "@/lib/format";

const LINK = "text-blue-700 underline hover:no-underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400";

/** Every deal the investor is in, with the amount as reported and the part of it counted for the investor. */
export function PortfolioTable({ deals, investorName, asOf }: { deals: PortfolioDeal[]; investorName: string; asOf: string | null }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Every deal {investorName} is named in, newest first</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <th scope="col" className="py-2 pr-3 font-medium">
              Date
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Deal
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Recipient
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Kind
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Status
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Amount as reported
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Counted for {investorName}
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
                <Link href={dealHref(deal.id, asOf)} className={LINK}>
                  {deal.round ?? KIND_LABELS[deal.kind]}
                </Link>
                {deal.investors.length > 1 ? (
                  <span className="block text-xs text-gray-600 dark:text-gray-400">
                    with {deal.investors.length - 1} other {deal.investors.length === 2 ? "investor" : "investors"}
                  </span>
                ) : null}
              </th>
              <td className="py-2 pr-3">
                <Link href={companyHref(deal.recipient.slug, asOf)} className={LINK}>
                  {deal.recipient.name}
                </Link>
              </td>
              <td className="py-2 pr-3">{KIND_LABELS[deal.kind]}</td>
              <td className="py-2 pr-3">
                <StatusBadge status={deal.status} />
              </td>
              <td className="whitespace-nowrap py-2 pr-3 text-right">
                {formatAmount(deal.amountUsdLow, deal.amountUsdHigh, deal.amountQualifier)}
              </td>
              <td className="whitespace-nowrap py-2 text-right">
                {deal.attributed === null ? (
                  <span className="text-gray-600 dark:text-gray-400">Not counted</span>
                ) : (
                  <span title={formatUsdExact(deal.attributed)}>{formatUsd(deal.attributed)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
