import Link from "next/link";
import type { RankedOrganization } from "@/lib/data/organization-rankings";
import { ORGANIZATION_TYPE_LABELS } from "@/lib/domain";
import { formatCountry, formatNumber, formatUsd, formatUsdExact } from "@/lib/format";
import { nextRankingSort, type RankingColumn, type RankingSort } from "@/lib/filters/ranking-sort";
import { withAsOf } from "@/lib/story/view-href";
import { SortHeader } from "@/components/ui/sort-header";

const COLUMNS: { column: RankingColumn; label: string; numeric: boolean }[] = [
  { column: "rank", label: "Rank", numeric: true },
  { column: "name", label: "Name", numeric: false },
  { column: "type", label: "Type", numeric: false },
  { column: "country", label: "Country", numeric: false },
  { column: "capital", label: "Capital", numeric: true },
  { column: "counted", label: "Counted deals", numeric: true },
  { column: "deals", label: "All deals", numeric: true },
];

/**
 * Rows of the ranking of /investors or /companies, in the order given (rankingPage); `hrefBase` is where each name links ("/investors"), as of the view's date.
 * Each column's header is a link that sorts by it (`sortHref`), the current one marked with aria-sort.
 */
export function RankingTable({
  rows,
  hrefBase,
  caption,
  capitalHeading,
  asOf,
  sort,
  sortHref,
}: {
  rows: RankedOrganization[];
  hrefBase: string;
  caption: string;
  capitalHeading: string;
  asOf: string | null;
  sort: RankingSort;
  sortHref: (sort: RankingSort) => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-200 dark:border-gray-800">
            {COLUMNS.map(({ column, label, numeric }, i) => {
              const sorted = sort.column === column;
              const next = nextRankingSort(sort, column);
              return (
                <SortHeader
                  key={column}
                  href={sortHref(next)}
                  sorted={sorted ? (sort.descending ? "descending" : "ascending") : null}
                  className={`py-2 font-medium ${i < COLUMNS.length - 1 ? "pr-3" : ""} ${numeric ? "text-right" : ""}`}
                >
                  {column === "capital" ? capitalHeading : label}
                </SortHeader>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} className="row-rule">
              <td className="py-2 pr-3 text-right muted">{row.rank}</td>
              <th scope="row" className="py-2 pr-3 font-medium">
                <Link href={withAsOf(`${hrefBase}/${row.slug}`, asOf)} className="link">
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
