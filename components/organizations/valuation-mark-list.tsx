import type { ValuationMark } from "@/lib/data/valuation-marks";
import { isHttpUrl } from "@/lib/http-url";
import { KIND_LABELS } from "@/lib/domain";
import { formatDate, formatUsd, formatUsdExact } from "@/lib/format";
import { companyHref, dealHref } from "@/lib/story/view-href";
import { ValuationMarkRows } from "./organization-table-rows";

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
        <ValuationMarkRows
          rows={marks.map((mark) => [
            formatDate(mark.date),
            [formatUsd(mark.valuationUsd), formatUsdExact(mark.valuationUsd)],
            dealHref(mark.deals[0].id, asOf),
            mark.name ?? KIND_LABELS[mark.kind],
            `(${KIND_LABELS[mark.kind]}${mark.deals.length > 1 ? `, ${mark.deals.length} deals` : ""})`,
            mark.isDivision ? [companyHref(mark.recipient.slug, asOf), mark.recipient.name] : null,
            // Only http and https addresses become links, so a stored `javascript:` or `data:` URL can never run.
            mark.sources.map((s) => [
              s.url && isHttpUrl(s.url) ? s.url : null,
              s.url ? (s.publisher ?? s.url) : (s.publisher ?? "Unnamed source"),
              s.publishedOn ? ` (${s.publishedOn})` : "",
            ]),
          ])}
        />
      </table>
    </div>
  );
}
