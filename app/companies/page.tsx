import type { Metadata } from "next";
import { OrganizationSearchForm } from "@/components/organizations/organization-search-form";
import { RankingTable } from "@/components/organizations/ranking-table";
import { AsOfBanner, withoutAsOf } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { listCompanies } from "@/lib/data/organization-rankings";
import { hasOrganizationFilters, parseOrganizationFilters } from "@/lib/filters/organization-filters";
import { Pagination } from "@/components/ui/pagination";
import { parseRankingPage, rankingHref, rankingPage, parseRankingSort } from "@/lib/filters/ranking-sort";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Companies" };

export default async function CompaniesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = await searchParams;
  const { filters, issues: filterIssues } = parseOrganizationFilters(search);
  const { sort, issues: sortIssues } = parseRankingSort(search);
  const { page: pageAsked, issues: pageIssues } = parseRankingPage(search);
  // As of a date the ranking counts the deals as reported then, as /deals and /analysis do (parsed the same way).
  const asOf = parseDealFilters(search).filters.asOf;
  const { rows, total } = await listCompanies(filters, asOf);
  const page = rankingPage(rows, sort, pageAsked);
  const issues = [...filterIssues, ...sortIssues, ...pageIssues, ...page.issues];

  return (
    <div className="space-y-6">
      <AsOfBanner asOf={asOf} todayHref={withoutAsOf("/companies", search)} />
      <DataFreshness />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Companies</h1>
        <p className="mt-2 max-w-3xl muted">
          Every organization that received a deal, ranked by the capital counted into it: equity and convertible deals announced or closed,
          at the low amount. Compute, cloud and chip contracts sold (AWS, Oracle, CoreWeave) count as deals received but not as capital.
        </p>
      </div>
      <OrganizationSearchForm
        action="/companies"
        filters={filters}
        sort={sort}
        issues={issues}
        asOf={asOf}
        searchLabel="Search companies"
      />
      {total === 0 ? (
        <p className="muted">No deals yet, so no companies. Load the researched deals with npm run db:seed.</p>
      ) : rows.length === 0 ? (
        <p className="muted">No company matches this search.</p>
      ) : (
        <section aria-labelledby="ranking-heading" className="space-y-2">
          <h2 id="ranking-heading" className="text-lg font-semibold">
            {hasOrganizationFilters(filters)
              ? `${formatNumber(rows.length)} of ${formatNumber(total)} companies`
              : `All ${formatNumber(total)} companies`}
            , by capital received
          </h2>
          <RankingTable
            rows={page.rows}
            hrefBase="/companies"
            asOf={asOf}
            caption="Companies ranked by the counted capital they received"
            sort={sort}
            sortHref={(next) => rankingHref("/companies", filters, next, asOf)}
            capitalHeading="Capital received (counted)"
          />
          {page.pageCount > 1 ? (
            <p className="text-sm muted">
              Rows {formatNumber(page.first)} to {formatNumber(page.first + page.rows.length - 1)} of {formatNumber(rows.length)}
            </p>
          ) : null}
          <Pagination
            page={page.page}
            pageCount={page.pageCount}
            hrefFor={(p) => rankingHref("/companies", filters, sort, asOf, p)}
            label="Pages of the ranking"
          />
        </section>
      )}
    </div>
  );
}
