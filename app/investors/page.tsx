import type { Metadata } from "next";
import { OrganizationSearchForm } from "@/components/organizations/organization-search-form";
import { RankingTable } from "@/components/organizations/ranking-table";
import { AsOfBanner, withoutAsOf } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { listInvestors } from "@/lib/data/organization-rankings";
import { hasOrganizationFilters, parseOrganizationFilters } from "@/lib/filters/organization-filters";
import { Pagination } from "@/components/ui/pagination";
import { parseRankingPage, rankingHref, rankingPage, parseRankingSort } from "@/lib/filters/ranking-sort";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Investors" };

export default async function InvestorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = await searchParams;
  const { filters, issues: filterIssues } = parseOrganizationFilters(search);
  const { sort, issues: sortIssues } = parseRankingSort(search);
  const { page: pageAsked, issues: pageIssues } = parseRankingPage(search);
  // As of a date the ranking counts the deals as reported then, as /deals and /analysis do (parsed the same way).
  const asOf = parseDealFilters(search).filters.asOf;
  const { rows, total } = await listInvestors(filters, asOf);
  const page = rankingPage(rows, sort, pageAsked);
  const issues = [...filterIssues, ...sortIssues, ...pageIssues, ...page.issues];

  return (
    <div className="space-y-6">
      <AsOfBanner asOf={asOf} todayHref={withoutAsOf("/investors", search)} />
      <DataFreshness />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Investors</h1>
        <p className="mt-2 max-w-3xl muted">
          Every organization named as an investor in a deal, ranked by the capital it put in: its attributed part of counted deals (equity
          and convertible, announced or closed, at the low amount). A deal with several investors is split in equal parts where their
          commitments are not known. Venture arms and units (GV, AMD Ventures) are ranked on their own, not added to their parent company.
        </p>
      </div>
      <OrganizationSearchForm
        action="/investors"
        filters={filters}
        sort={sort}
        issues={issues}
        asOf={asOf}
        searchLabel="Search investors"
      />
      {total === 0 ? (
        <p className="muted">No deals yet, so no investors. Load the researched deals with npm run db:seed.</p>
      ) : rows.length === 0 ? (
        <p className="muted">No investor matches this search.</p>
      ) : (
        <section aria-labelledby="ranking-heading" className="space-y-2">
          <h2 id="ranking-heading" className="text-lg font-semibold">
            {hasOrganizationFilters(filters)
              ? `${formatNumber(rows.length)} of ${formatNumber(total)} investors`
              : `All ${formatNumber(total)} investors`}
            , by capital put in
          </h2>
          <RankingTable
            rows={page.rows}
            hrefBase="/investors"
            asOf={asOf}
            caption="Investors ranked by the counted capital attributed to them"
            sort={sort}
            sortHref={(next) => rankingHref("/investors", filters, next, asOf)}
            capitalHeading="Capital put in (counted)"
          />
          {page.pageCount > 1 ? (
            <p className="text-sm muted">
              Rows {formatNumber(page.first)} to {formatNumber(page.first + page.rows.length - 1)} of {formatNumber(rows.length)}
            </p>
          ) : null}
          <Pagination
            page={page.page}
            pageCount={page.pageCount}
            hrefFor={(p) => rankingHref("/investors", filters, sort, asOf, p)}
            label="Pages of the ranking"
          />
        </section>
      )}
    </div>
  );
}
