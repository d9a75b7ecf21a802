import Link from "next/link";
import { companyHref } from "@/lib/story/view-href";
import type { RecipientShare } from "@/lib/measures/funding-shares";
import { formatNumber, formatShare, formatUsd, formatUsdExact } from "@/lib/format";

/** The recipients an investor funded, by the capital it put in, with its share of each one's counted funding. */
export function RecipientShareTable({ rows, investorName, asOf }: { rows: RecipientShare[]; investorName: string; asOf: string | null }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Recipients by the capital {investorName} put in, and its share of their counted funding</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <th scope="col" className="py-2 pr-3 font-medium">
              Recipient
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Counted deals with {investorName}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {investorName}&rsquo;s attributed amount
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Recipient&rsquo;s counted funding
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Share from {investorName}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-gray-100 dark:border-gray-900">
              <th scope="row" className="py-2 pr-3 font-medium">
                <Link
                  href={companyHref(row.key, asOf)}
                  className="text-blue-700 underline hover:no-underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
                >
                  {row.name}
                </Link>
              </th>
              <td className="py-2 pr-3 text-right">{formatNumber(row.countedDeals)}</td>
              <td className="py-2 pr-3 text-right" title={formatUsdExact(row.investorAmount)}>
                {formatUsd(row.investorAmount)}
              </td>
              <td className="py-2 pr-3 text-right" title={formatUsdExact(row.recipientTotal)}>
                {formatUsd(row.recipientTotal)}
              </td>
              <td className="py-2 text-right">{row.share === null ? "No disclosed amount" : formatShare(row.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
