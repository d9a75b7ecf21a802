// An organization's page as an investor: rendered per request with a query (app/investors/[slug]/page.tsx), and at its
// bare address once per data version (app/v/[version]/investors/[slug]/page.tsx).
import type { Metadata } from "next";
import { periodTakeaway } from "@/components/charts/takeaway";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartFrame } from "@/components/charts/chart-frame";
import { CoInvestorTable } from "@/components/organizations/co-investor-table";
import { FirstRows } from "@/components/organizations/more-rows-note";
import { InvestorCapitalBody, investorCapitalChart } from "@/components/organizations/investor-capital-chart";
import { OrganizationHeader } from "@/components/organizations/organization-header";
import { OrganizationLoops } from "@/components/organizations/organization-loops";
import { PortfolioTable } from "@/components/organizations/portfolio-table";
import { RecipientShareTable } from "@/components/organizations/recipient-share-table";
import { ParamIssues } from "@/components/ui/param-issues";
import { StatCard } from "@/components/ui/stat-card";
import { getInvestor } from "@/lib/data/investor";
import { redirectIfMerged } from "@/lib/data/merged-organization";
import { getOrganizationProfile } from "@/lib/data/organization-profile";
import { AsOfBanner } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { withAsOf } from "@/lib/story/view-href";
import { isWindowed, parseDateWindow, withWindow } from "@/lib/filters/date-window";
import { DateWindowForm } from "@/components/organizations/date-window-form";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { investorCard } from "@/lib/share/cards";
import { shareMetadata } from "@/lib/share/share-card";
import { parseGrain } from "@/lib/filters/period-grain";
import { parseTableSort, tableSortHref } from "@/lib/filters/ranking-sort";
import {
  CO_INVESTORS_SORT,
  PORTFOLIO_SORT,
  RECIPIENTS_SORT,
  sortCoInvestors,
  sortPortfolio,
  sortRecipients,
  type CoInvestorsColumn,
  type PortfolioColumn,
  type RecipientsColumn,
} from "@/lib/filters/organization-table-sorts";
import { formatNumber, formatUsd, formatUsdExact } from "@/lib/format";
import type { PageQuery } from "@/lib/filters/params";

/** The investor page's title and share card's text. */
export async function investorMetadata(slug: string): Promise<Metadata> {
  const profile = isOrganizationSlug(slug) ? await getOrganizationProfile(slug) : null;
  const card = profile ? await investorCard(slug) : null;
  return { title: profile ? `${profile.name} as an investor` : "Investor not found", ...(card ? shareMetadata(card) : {}) };
}

const TOGGLE = "rounded border px-3 py-1.5 focus-visible:outline-2 focus-visible:outline-blue-600";

/** An organization's page as an investor, for the URL parameters in `search` (none on the page cached per data version). */
export async function InvestorView({ slug, search }: { slug: string; search: PageQuery }) {
  if (!isOrganizationSlug(slug)) notFound();
  // from/to narrow every figure, list and chart to the deals announced then; a bad date is reported and left open.
  const { window, asOf, issues: windowIssues } = parseDateWindow(search);
  const investor = await getInvestor(slug, parseGrain(search.grain), asOf, window);
  if (!investor) {
    await redirectIfMerged("investors", slug, search);
    notFound();
  }
  const { profile, capital, roundsJoined, grain, portfolio, portfolioTotal, recipients, coInvestors } = investor;
  // A malformed order falls back to the table's default, and the page says which parameter it did not understand.
  const recipientsOrder = parseTableSort<RecipientsColumn>(RECIPIENTS_SORT, search);
  const coInvestorsOrder = parseTableSort<CoInvestorsColumn>(CO_INVESTORS_SORT, search);
  const portfolioOrder = parseTableSort<PortfolioColumn>(PORTFOLIO_SORT, search);
  const [recipientsSort, coInvestorsSort, portfolioSort] = [recipientsOrder.sort, coInvestorsOrder.sort, portfolioOrder.sort];
  const sortIssues = [...windowIssues, ...portfolioOrder.issues, ...recipientsOrder.issues, ...coInvestorsOrder.issues];
  const name = profile.name;
  const chart = investorCapitalChart(investor);

  return (
    <div className="space-y-8">
      <AsOfBanner
        asOf={asOf}
        todayHref={withWindow(grain === "year" ? `/investors/${slug}` : `/investors/${slug}?grain=quarter`, window)}
      />
      <DataFreshness />
      <ParamIssues issues={sortIssues} />
      <OrganizationHeader
        profile={profile}
        side="investor"
        asOf={asOf}
        subtitle={`The deals ${name} is named in as an investor, and the capital it put in: its attributed part of each counted deal (equity and convertible, announced or closed, at the low amount or the “up to” figure where no lower one is known). A deal with several investors is split by their committed amounts where known, the rest in equal parts.`}
      />
      <DateWindowForm path={`/investors/${slug}`} window={window} keep={{ asOf, grain: grain === "year" ? null : grain }} />

      {portfolioTotal === 0 ? (
        <p className="muted">
          {name} is not named as an investor in any deal {isWindowed(window) ? "announced in these dates" : "in the data"}.
        </p>
      ) : (
        <>
          <section aria-label="Headline figures">
            <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
              <StatCard
                label={`Attributed to ${name}`}
                value={<span title={formatUsdExact(capital.total)}>{formatUsd(capital.total)}</span>}
                detail={
                  <>
                    Attributed part of {formatNumber(capital.countedDeals)} counted {capital.countedDeals === 1 ? "deal" : "deals"}
                    {capital.upperBoundPart > 0n ? `; ${formatUsd(capital.upperBoundPart)} of it from “up to” figures` : ""}
                    {capital.undisclosedDeals > 0 ? `; ${capital.undisclosedDeals} undisclosed amounts not included` : ""}
                  </>
                }
              />
              <StatCard
                label="Total of the rounds joined"
                value={<span title={formatUsdExact(roundsJoined.total)}>{formatUsd(roundsJoined.total)}</span>}
                detail={`Whole amounts of the same ${formatNumber(roundsJoined.dealCount)} counted ${roundsJoined.dealCount === 1 ? "deal" : "deals"}, every investor’s part`}
              />
              <StatCard
                label="Deals as investor"
                value={formatNumber(portfolioTotal)}
                detail="All kinds and statuses, terminated ones included"
              />
              <StatCard label="Recipients funded" value={formatNumber(recipients.length)} detail="Companies with a counted deal from it" />
              <StatCard label="Co-investors" value={formatNumber(coInvestors.length)} detail="Named investors in the same deals" />
            </dl>
          </section>

          <ChartFrame
            id="investor-capital"
            title={chart.title}
            description={chart.description}
            takeaway={periodTakeaway(chart.rows, "put in", grain)}
            rows={chart.rows}
            series={chart.series}
            csvHref={withWindow(withAsOf(`/api/organizations/${slug}/capital-by-period?grain=${grain}&format=csv`, asOf), window)}
            embedPath={withAsOf(`/embed/investor-capital/${slug}?grain=${grain}`, asOf)}
            actions={
              <nav aria-label="Chart period" className="flex gap-2">
                {(["year", "quarter"] as const).map((g) => (
                  <Link
                    key={g}
                    href={withWindow(withAsOf(g === "year" ? `/investors/${slug}` : `/investors/${slug}?grain=quarter`, asOf), window)}
                    scroll={false}
                    aria-current={g === grain ? "true" : undefined}
                    className={`${TOGGLE} ${g === grain ? "border-blue-700 bg-blue-50 text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100" : "border-gray-300 hover:bg-gray-100 dark:border-gray-700 dark:hover:bg-gray-800"}`}
                  >
                    By {g}
                  </Link>
                ))}
              </nav>
            }
          >
            <InvestorCapitalBody investor={investor} />
          </ChartFrame>

          <section aria-labelledby="recipients" className="space-y-2">
            <h2 id="recipients" className="text-lg font-semibold">
              Recipients, by capital {name} put in
            </h2>
            <p className="max-w-3xl text-sm muted">
              For each company {name} funded in a counted deal: {name}&rsquo;s attributed amount, everything the company received in counted
              deals from all investors, and the share of that funding that came from {name}.
            </p>
            {recipients.length > 0 ? (
              <FirstRows
                rows={sortRecipients(recipients, recipientsSort)}
                table={(rows) => (
                  <RecipientShareTable
                    rows={rows}
                    investorName={name}
                    asOf={asOf}
                    sort={recipientsSort}
                    sortHref={(sort) => tableSortHref(`/investors/${slug}`, search, RECIPIENTS_SORT, sort)}
                  />
                )}
                what="recipients, by capital"
                href={withWindow(withAsOf(`/deals?investor=${slug}`, asOf), window)}
                linkText={`Every deal of ${name} as an investor`}
              />
            ) : (
              <p className="text-sm muted">No counted deal: {name}&rsquo;s deals are commitments, pipeline or terminated.</p>
            )}
          </section>

          <section aria-labelledby="co-investors" className="space-y-2">
            <h2 id="co-investors" className="text-lg font-semibold">
              Co-investors
            </h2>
            <p className="text-sm muted">Named organizations in the same deals as {name}, of any kind and status.</p>
            {coInvestors.length > 0 ? (
              <FirstRows
                rows={sortCoInvestors(coInvestors, coInvestorsSort)}
                table={(rows) => (
                  <CoInvestorTable
                    rows={rows}
                    investorName={name}
                    asOf={asOf}
                    sort={coInvestorsSort}
                    sortHref={(sort) => tableSortHref(`/investors/${slug}`, search, CO_INVESTORS_SORT, sort)}
                  />
                )}
                what="co-investors, by deals together"
                href={withWindow(withAsOf(`/deals?investor=${slug}`, asOf), window)}
                linkText={`Every deal of ${name} as an investor`}
              />
            ) : (
              <p className="text-sm muted">{name} is the only named investor in each of its deals.</p>
            )}
          </section>

          <section aria-labelledby="portfolio" className="space-y-2">
            <h2 id="portfolio" className="text-lg font-semibold">
              {portfolioTotal > portfolio.length
                ? `Portfolio: the ${formatNumber(portfolio.length)} newest of ${formatNumber(portfolioTotal)} deals`
                : "Portfolio: every deal"}
            </h2>
            <PortfolioTable
              deals={sortPortfolio(portfolio, portfolioSort)}
              investorName={name}
              asOf={asOf}
              sort={portfolioSort}
              sortHref={(sort) => tableSortHref(`/investors/${slug}`, search, PORTFOLIO_SORT, sort)}
            />
            {portfolioTotal > portfolio.length ? (
              <p className="text-sm">
                <Link href={withWindow(withAsOf(`/deals?investor=${slug}`, asOf), window)} className="text-link">
                  All {formatNumber(portfolioTotal)} deals of {name} as an investor, with filters and paging
                </Link>
              </p>
            ) : null}
          </section>
        </>
      )}
      <OrganizationLoops slug={slug} name={name} asOf={asOf} />
    </div>
  );
}
