import Link from "next/link";
import type { RankedOrganization } from "@/lib/data/organization-rankings";
import { ORGANIZATION_TYPE_LABELS } from "@/lib/domain";
import { formatCountry, formatNumber, formatUsd, formatUsdExact } from "@/lib/format";
import { withAsOf } from "@/lib/story/view-href";

/** The ranking of /investors or /companies; `hrefBase` is where each name links ("/investors"), as of the view's date. */
export function RankingTable({
  rows,
  hrefBase,
  caption,
  capitalHeading,
  asOf,
}: {
  rows: RankedOrganization[];
  hrefBase: string;
  caption: string;
  capitalHeading: string;
  asOf: string | null;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Rank
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Name
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Type
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Country
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              {capitalHeading}
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Counted deals
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              All deals
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} className="border-b border-gray-100 dark:border-gray-900">
              <td className="py-2 pr-3 text-right text-gray-600 dark:text-gray-400">{row.rank}</td>
              <th scope="row" className="py-2 pr-3 font-medium">
                <Link
                  href={withAsOf(`${hrefBase}/${row.slug}`, asOf)}
                  className="text-blue-700 underline hover:no-underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
                >
                  {row.name}
                </Link>
              </th>
              <td className="py-2 pr-3">{ORGANIZATION_TYPE_LABELS[row.type]}</td>
              <td className="py-2 pr-3">{formatCountry(row.country)}</td>
              <td className="py-2 pr-3 text-right" title={formatUsdExact(row.capital)}>
                {formatUsd(row.capital)}
              </td>
              <td className="py-2 pr-3 text-right">{formatNumber(row.countedDeals)}</td>
              <td className="py-2 text-right">{formatNumber(row.deals)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
