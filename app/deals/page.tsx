import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DealFilterForm } from "@/components/deals/deal-filter-form";
import { DealTable } from "@/components/deals/deal-table";
import { DealTimeline } from "@/components/deals/deal-timeline";
import { AsOfBanner } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { StatCard } from "@/components/ui/stat-card";
import { getDealStats } from "@/lib/data/deal-stats";
import { listDeals } from "@/lib/data/deals";
import { addressWithSlugs, filterNamesOf, resolveFilterNames } from "@/lib/data/filter-names";
import { DEFAULT_DEAL_FILTERS, dealFiltersToParams, parseDealFilters, writeAmountsAsDollars } from "@/lib/filters/deal-filters";
import { dealsPageHref, parseDealPageView, type DealPageView } from "@/lib/filters/deal-page-view";
import { describeDealFilters } from "@/lib/filters/describe-deal-filters";
import { formatNumber, formatUsd, formatUsdExact } from "@/lib/format";

export const metadata: Metadata = { title: "Deals" };

// Short classes of app/globals.css: this page's markup reaches the browser twice (HTML and React's payload).
const SWITCH_ON = "button-on";
const SWITCH_OFF = "button";
const TEXT_LINK = "text-link";

export default async function DealsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { params, issues: nameIssues, renamed } = await resolveFilterNames(await searchParams);
  const { filters, issues: filterIssues } = parseDealFilters(params);
  // Names and amounts typed into the form (Anthropic, QIA, 10B) become the address with slugs and whole dollars, the
  // one that is shared and bookmarked.
  const rewritten = writeAmountsAsDollars(params, filters) || renamed;
  if (rewritten && nameIssues.length === 0) redirect(addressWithSlugs("/deals", params));
  const { pageView, issues: viewIssues } = parseDealPageView(params);
  const issues = [...nameIssues, ...filterIssues, ...viewIssues];
  const [page, stats, names] = await Promise.all([listDeals(filters), getDealStats(filters), filterNamesOf(filters)]);

  const active = describeDealFilters(filters, (slug) => names.get(slug));
  const href = (overrides: Parameters<typeof dealsPageHref>[2]) => dealsPageHref(filters, pageView, overrides);
  const clearHref = dealsPageHref(DEFAULT_DEAL_FILTERS, pageView);
  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.data.length - 1;
  // The export takes every matching deal in the same order; paging is not part of what it selects.
  const exportQuery = dealFiltersToParams(filters, { page: 1, pageSize: DEFAULT_DEAL_FILTERS.pageSize }).toString();
  const csvHref = `/api/deals/export.csv${exportQuery ? `?${exportQuery}` : ""}`;
  const byDate = filters.sort === "date_desc" || filters.sort === "date_asc";
  const { capital } = stats;
  // With an investor filter the money is said twice: the investors' own part, and the whole rounds they joined.
  const investorNames = new Intl.ListFormat("en", { type: "conjunction" }).format(filters.investors.map((slug) => names.get(slug) ?? slug));

  return (
    <div className="space-y-6">
      <AsOfBanner asOf={filters.asOf} todayHref={dealsPageHref({ ...filters, asOf: null }, pageView)} />
      <DataFreshness />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Deals</h1>
        <p className="mt-2 max-w-3xl muted">
          Every deal with its status and amount as reported: ranges stay ranges, “up to” figures stay upper bounds. Filter, sort and page
          through them; the address always holds the view, so it can be bookmarked and shared.
        </p>
      </div>

      {issues.length > 0 ? (
        <Notice title="Part of the address was not understood, so defaults apply">
          <ul className="list-disc pl-5">
            {issues.map((issue, i) => (
              <li key={i}>
                <code className="break-all">
                  {issue.param}={issue.value}
                </code>
                : {issue.message}.
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <section aria-label="Figures for these filters">
        <dl className={`grid grid-cols-1 gap-4 sm:grid-cols-2 ${stats.attributed ? "lg:grid-cols-3" : ""}`}>
          <StatCard
            label={active.length > 0 ? "Deals matching the filters" : "Deals"}
            value={formatNumber(stats.dealCount)}
            detail="All kinds and statuses"
          />
          {stats.attributed ? (
            <StatCard
              label={`Attributed to ${investorNames}`}
              value={<span title={formatUsdExact(stats.attributed.total)}>{formatUsd(stats.attributed.total)}</span>}
              detail={
                <>
                  {filters.investors.length === 1 ? "Its" : "Their"} part of {formatNumber(stats.attributed.countedDeals)} counted{" "}
                  {stats.attributed.countedDeals === 1 ? "deal" : "deals"}: committed amounts where known, the rest split equally among the
                  investors
                  {stats.attributed.upperBoundPart > 0n ? `; ${formatUsd(stats.attributed.upperBoundPart)} of it from “up to” figures` : ""}
                  {stats.attributed.undisclosedDeals > 0 ? `; ${stats.attributed.undisclosedDeals} undisclosed amounts not included` : ""}
                </>
              }
            />
          ) : null}
          <StatCard
            label={stats.attributed ? "Total of the rounds joined" : "Capital counted among them"}
            value={<span title={formatUsdExact(capital.total)}>{formatUsd(capital.total)}</span>}
            detail={
              <>
                {stats.attributed ? "Whole amounts, every investor’s part, of " : ""}
                {formatNumber(capital.dealCount)} equity and convertible {capital.dealCount === 1 ? "deal" : "deals"}, announced or closed
                {capital.upperBoundTotal > 0n ? `; ${formatUsd(capital.upperBoundTotal)} of it from “up to” figures` : ""}
                {capital.undisclosedCount > 0 ? `; ${capital.undisclosedCount} undisclosed amounts not included` : ""}
              </>
            }
          />
        </dl>
      </section>

      {active.length > 0 ? (
        <section aria-labelledby="active-filters" className="flex flex-wrap items-center gap-2 text-sm">
          <h2 id="active-filters" className="font-medium">
            Active filters:
          </h2>
          <ul aria-label="Active filters" className="flex flex-wrap gap-2">
            {active.map((f) => (
              <li
                key={f.label}
                className="inline-flex items-center gap-1 rounded-full border border-gray-300 py-0.5 pl-3 pr-1 dark:border-gray-700"
              >
                {f.label}
                <Link
                  href={href({ filters: { ...f.remove, page: 1 } })}
                  aria-label={`Remove filter ${f.label}`}
                  className="rounded-full px-1.5 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-gray-800"
                >
                  <span aria-hidden="true">×</span>
                </Link>
              </li>
            ))}
          </ul>
          <Link href={clearHref} className={TEXT_LINK}>
            Clear all filters
          </Link>
        </section>
      ) : null}

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[17rem_minmax(0,1fr)]">
        <section aria-labelledby="filters-title">
          <h2 id="filters-title" className="mb-3 text-lg font-semibold">
            Filters
          </h2>
          {/* Folded on phones so the results are not pushed below a long form; on wide screens the form is always shown
              (the closed details' content is made visible) and the toggle is hidden. */}
          <details className="rounded border border-gray-200 p-2 dark:border-gray-800 lg:border-0 lg:p-0 lg:[&::details-content]:[content-visibility:visible]">
            <summary className="cursor-pointer rounded px-1 py-1 text-sm font-medium text-blue-700 focus-visible:outline-2 focus-visible:outline-blue-600 lg:hidden dark:text-blue-400">
              Show the filters{active.length > 0 ? ` (${active.length} active)` : ""}
            </summary>
            <div className="mt-3 lg:mt-0">
              <DealFilterForm key={href({})} filters={filters} pageView={pageView} names={names} clearHref={clearHref} />
            </div>
          </details>
        </section>

        <section aria-labelledby="results-title" className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="results-title" className="text-lg font-semibold">
              {page.total === 0
                ? "No deals"
                : page.data.length === 0
                  ? `No deals on page ${page.page}`
                  : `Deals ${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(page.total)}`}
            </h2>
            <a href={csvHref} download className="button text-sm">
              Download CSV ({formatNumber(page.total)} {page.total === 1 ? "deal" : "deals"})
            </a>
          </div>

          <ViewSwitch pageView={pageView} byDate={byDate} hrefFor={(v) => href({ pageView: v })} />

          {page.total === 0 ? (
            <EmptyResults filtersLabel={active.map((f) => f.label)} clearHref={clearHref} />
          ) : page.data.length === 0 ? (
            <p>
              There are {formatNumber(pageCount)} {pageCount === 1 ? "page" : "pages"} of results.{" "}
              <Link href={href({ filters: { page: 1 } })} className={TEXT_LINK}>
                Go to the first page
              </Link>
            </p>
          ) : pageView.view === "table" ? (
            <DealTable
              deals={page.data}
              sort={filters.sort}
              hrefFor={(sort) => href({ filters: { sort, page: 1 } })}
              caption={`Deals ${first}–${last} of ${page.total}; sort by date or amount with the column headers`}
              asOf={filters.asOf}
            />
          ) : (
            <DealTimeline deals={page.data} group={pageView.group} byDate={byDate} asOf={filters.asOf} />
          )}

          <Pagination page={page.page} pageCount={pageCount} hrefFor={(p) => href({ filters: { page: p } })} label="Pages of deals" />
        </section>
      </div>
    </div>
  );
}

function ViewSwitch({
  pageView,
  byDate,
  hrefFor,
}: {
  pageView: DealPageView;
  byDate: boolean;
  hrefFor: (view: Partial<DealPageView>) => string;
}) {
  const option = (label: string, on: boolean, target: Partial<DealPageView>) => (
    <li>
      <Link href={hrefFor(target)} aria-current={on ? "page" : undefined} className={on ? SWITCH_ON : SWITCH_OFF}>
        {label}
      </Link>
    </li>
  );
  return (
    <div className="flex flex-wrap items-center gap-4 text-sm">
      <nav aria-label="View">
        <ul className="flex gap-2">
          {option("Timeline", pageView.view === "timeline", { view: "timeline" })}
          {option("Table", pageView.view === "table", { view: "table" })}
        </ul>
      </nav>
      {pageView.view === "timeline" && byDate ? (
        <nav aria-label="Group the timeline by">
          <ul className="flex gap-2">
            {option("By month", pageView.group === "month", { group: "month" })}
            {option("By quarter", pageView.group === "quarter", { group: "quarter" })}
          </ul>
        </nav>
      ) : null}
      {pageView.view === "timeline" && !byDate ? <p className="muted">Sorted by amount, so not grouped by period.</p> : null}
    </div>
  );
}

function EmptyResults({ filtersLabel, clearHref }: { filtersLabel: string[]; clearHref: string }) {
  if (filtersLabel.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-gray-300 p-6 dark:border-gray-700">
        <p className="font-medium">There are no deals yet.</p>
        <p className="mt-1 text-sm muted">
          Run <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">npm run db:seed</code> to load the researched deals.
        </p>
      </div>
    );
  }
  return (
    <div className="rounded-lg border border-dashed border-gray-300 p-6 dark:border-gray-700">
      <p className="font-medium">No deal matches all of these filters: {filtersLabel.join("; ")}.</p>
      <p className="mt-1 text-sm muted">Remove one of them above, or start again from every deal.</p>
      <Link
        href={clearHref}
        className="mt-3 inline-block rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        Clear all filters
      </Link>
    </div>
  );
}
