import Link from "next/link";
import type { ValuationMark } from "@/lib/data/valuation-marks";
import { KIND_LABELS } from "@/lib/domain";
import { formatDate, formatUsd, formatUsdExact } from "@/lib/format";
import { companyHref, dealHref } from "@/lib/story/view-href";
import { ExternalLink } from "@/components/ui/external-link";

/** A company's valuation marks (lib/data/valuation-marks.ts): date, valuation, what it was, its deal and its sources. */
export function ValuationMarkList({ marks, asOf }: { marks: ValuationMark[]; asOf: string | null }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Valuation marks: the date, the valuation, what it was, its deal and its sources</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            <th scope="col" className="py-1 pr-4 font-medium">
              Date
            </th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">
              Valuation
            </th>
            <th scope="col" className="py-1 pr-4 font-medium">
              What it was
            </th>
            <th scope="col" className="py-1 pr-4 font-medium">
              Sources
            </th>
          </tr>
        </thead>
        <tbody>
          {marks.map((mark) => (
            <tr key={`${mark.date}-${mark.deals[0].id}-${mark.valuationUsd}`} className="row-rule">
              <th scope="row" className="py-1 pr-4 font-normal whitespace-nowrap">
                {formatDate(mark.date)}
              </th>
              <td className="py-1 pr-4 text-right" title={formatUsdExact(mark.valuationUsd)}>
                {formatUsd(mark.valuationUsd)}
              </td>
              <td className="py-1 pr-4">
                <Link href={dealHref(mark.deals[0].id, asOf)} className="link">
                  {mark.name ?? KIND_LABELS[mark.kind]}
                </Link>{" "}
                <span className="text-gray-600 dark:text-gray-400">
                  ({KIND_LABELS[mark.kind]}
                  {mark.deals.length > 1 ? `, ${mark.deals.length} deals` : ""})
                </span>
                {asDivision(mark)}
              </td>
              <td className="py-1 pr-4">
                {mark.sources.length === 0
                  ? "None recorded"
                  : mark.sources.map((s, i) => (
                      <span key={`${s.url}-${i}`}>
                        {i > 0 ? "; " : ""}
                        {s.url ? (
                          <ExternalLink href={s.url} className="link">
                            {s.publisher ?? s.url}
                          </ExternalLink>
                        ) : (
                          (s.publisher ?? "Unnamed source")
                        )}
                        {s.publishedOn ? ` (${s.publishedOn})` : ""}
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  function asDivision(mark: ValuationMark) {
    return mark.isDivision ? (
      <>
        {" "}
        of{" "}
        <Link href={companyHref(mark.recipient.slug, asOf)} className="link">
          {mark.recipient.name}
        </Link>
      </>
    ) : null;
  }
}
