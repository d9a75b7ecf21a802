import Link from "next/link";
import { investorHref } from "@/lib/story/view-href";
import { UNDISCLOSED_KEY } from "@/lib/measures/capital";
import type { InvestorShare } from "@/lib/measures/funding-shares";
import { formatNumber, formatShare, formatUsd, formatUsdExact } from "@/lib/format";

/** Who funded a company, with each investor's attributed part of its counted funding. */
export function InvestorShareTable({ rows, companyName, asOf }: { rows: InvestorShare[]; companyName: string; asOf: string | null }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Investors in {companyName} and their shares of its counted funding</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <th scope="col" className="py-2 pr-3 font-medium">
              Investor
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Counted deals
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Attributed amount
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Share of {companyName}&rsquo;s counted funding
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-gray-100 dark:border-gray-900">
              <th scope="row" className="py-2 pr-3 font-medium">
                {row.key === UNDISCLOSED_KEY ? (
                  <span>Unnamed investors</span>
                ) : (
                  <Link
                    href={investorHref(row.key, asOf)}
                    className="text-blue-700 underline hover:no-underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
                  >
                    {row.name}
                  </Link>
                )}
              </th>
              <td className="py-2 pr-3 text-right">{formatNumber(row.countedDeals)}</td>
              <td className="py-2 pr-3 text-right" title={formatUsdExact(row.amount)}>
                {formatUsd(row.amount)}
              </td>
              <td className="py-2 text-right">{row.share === null ? "No disclosed amount" : formatShare(row.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
