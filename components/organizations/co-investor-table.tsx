import Link from "next/link";
import { investorHref } from "@/lib/story/view-href";
import type { CoInvestor } from "@/lib/measures/co-investors";
import { formatNumber } from "@/lib/format";

export function CoInvestorTable({ rows, investorName, asOf }: { rows: CoInvestor[]; investorName: string; asOf: string | null }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm sm:min-w-96">
        <caption className="sr-only">Organizations that invested alongside {investorName}, by deals in common</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <th scope="col" className="py-2 pr-3 font-medium">
              Co-investor
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Deals together
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-gray-100 dark:border-gray-900">
              <th scope="row" className="py-2 pr-3 font-medium">
                <Link
                  href={investorHref(row.key, asOf)}
                  className="text-blue-700 underline hover:no-underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
                >
                  {row.name}
                </Link>
              </th>
              <td className="py-2 text-right">{formatNumber(row.deals)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
