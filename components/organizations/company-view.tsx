// An organization's page as a company: rendered per request with a query or for a signed-in editor
// (app/companies/[slug]/page.tsx), and at its bare address once per data version (app/v/[version]/companies/[slug]/page.tsx).
import Link from "next/link";
import { ScaleSwitch } from "@/components/charts/scale-switch";
import { parseChartScale, withChartScale } from "@/lib/filters/chart-scale";
import { periodTakeaway } from "@/components/charts/takeaway";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChartFrame } from "@/components/charts/chart-frame";
import { DealList } from "@/components/deals/deal-list";
import {
  FUNDING_AMOUNT,
  FUNDING_COLUMNS,
  FUNDING_VALUATION,
  fundingRows,
  FundingRoundsBody,
  fundingRoundsTitle,
} from "@/components/organizations/funding-rounds-body";
import { InvestorShareTable } from "@/components/organizations/investor-share-table";
import { FirstRows } from "@/components/organizations/more-rows-note";
import { OrganizationHeader } from "@/components/organizations/organization-header";
import { OrganizationLoops } from "@/components/organizations/organization-loops";
import { ParamIssues } from "@/components/ui/param-issues";
import { RoundList } from "@/components/organizations/round-list";
import { ValuationMarkList } from "@/components/organizations/valuation-mark-list";
import { getCompanyRounds } from "@/lib/data/rounds";
import { StatCard } from "@/components/ui/stat-card";
import { getCompany } from "@/lib/data/company";
import { redirectIfMerged } from "@/lib/data/merged-organization";
import { getOrganizationProfile } from "@/lib/data/organization-profile";
import { AsOfBanner } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { withAsOf } from "@/lib/story/view-href";
import { isWindowed, parseDateWindow, withWindow } from "@/lib/filters/date-window";
import { DateWindowForm } from "@/components/organizations/date-window-form";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { companyCard } from "@/lib/share/cards";
import { shareMetadata } from "@/lib/share/share-card";
import { formatDate, formatNumber, formatUsd, formatUsdExact } from "@/lib/format";
import { parseTableSort, tableSortHref } from "@/lib/filters/ranking-sort";
import { INVESTORS_SORT, sortInvestors, type InvestorsColumn } from "@/lib/filters/organization-table-sorts";
import type { PageQuery } from "@/lib/filters/params";

/**
 * How many rounds the page lists (the newest); GET /api/organizations/{slug}/rounds has them all. Five, not the lists'
 * ten: a round's block names every participant with its amount and every deal, over a kilobyte of HTML and payload each
 * (ten took a cloud provider's page past 100 kB at 100,000 deals), and the chart's table gives each date's amount.
 */
const ROUNDS_LISTED = 5;

/** The company page's title and share card's text. */
export async function companyMetadata(slug: string): Promise<Metadata> {
  const profile = isOrganizationSlug(slug) ? await getOrganizationProfile(slug) : null;
  const card = profile ? await companyCard(slug) : null;
  return { title: profile ? `${profile.name}: funding` : "Company not found", ...(card ? shareMetadata(card) : {}) };
}

/**
 * An organization's page as a company, for the URL parameters in `search` (none on the page cached per data version).
 * `editable` is the one per-viewer part: a signed-in editor gets a link to each round's editor.
 */
export async function CompanyView({ slug, search, editable }: { slug: string; search: PageQuery; editable: boolean }) {
  if (!isOrganizationSlug(slug)) notFound();
  // from/to narrow every figure, list and chart to the deals announced then; a bad date is reported and left open.
  const { window, asOf, issues: windowIssues } = parseDateWindow(search);
  const scale = parseChartScale(search);
  // A malformed order falls back to the table's default, and the page says which parameter it did not understand.
  const { sort: investorsSort, issues: sortIssues } = parseTableSort<InvestorsColumn>(INVESTORS_SORT, search);
  const [company, companyRounds] = await Promise.all([getCompany(slug, asOf, window), getCompanyRounds(slug, asOf, window, ROUNDS_LISTED)]);
  if (!company) {
    await redirectIfMerged("companies", slug, search);
    notFound();
  }
  if (!companyRounds) notFound();
  // The newest rounds, oldest first: a synthetic company has thousands.
  const roundList = companyRounds.rounds;
  const {
    profile,
    funding,
    roundCount,
    fundingTimeline,
    roundDealTotal,
    latestValuation,
    investors,
    commitmentsMade,
    commitmentTotal,
    timeline,
    timelineTotal,
  } = company;
  const name = profile.name;

  // The table's latest dates; the takeaway's newest and largest, each a date of the whole history.
  const rows = fundingRows(fundingTimeline.latest, "day");
  const takeawayRows = fundingRows(
    [...new Set([fundingTimeline.largest, fundingTimeline.newest])].flatMap((e) => (e ? [e] : [])),
    "day",
  );

  return (
    <div className="space-y-8">
      <AsOfBanner asOf={asOf} todayHref={withWindow(`/companies/${slug}`, window)} />
      <DataFreshness />
      <ParamIssues issues={[...windowIssues, ...sortIssues]} />
      <OrganizationHeader
        profile={profile}
        side="company"
        asOf={asOf}
        subtitle={`The deals ${name} received and who funded it. Counted funding is equity and convertible deals announced or closed, at the low amount (the “up to” figure where no lower one is known).`}
      />
      <DateWindowForm path={`/companies/${slug}`} window={window} keep={{ asOf, scale: scale === "log" ? scale : null }} />

      {timelineTotal === 0 && commitmentTotal === 0 ? (
        <p className="muted">
          {name} has received no deal {isWindowed(window) ? "announced in these dates" : "in the data"}.
        </p>
      ) : (
        <>
          <section aria-label="Headline figures">
            <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
              <StatCard
                label="Counted funding received"
                value={<span title={formatUsdExact(funding.total)}>{formatUsd(funding.total)}</span>}
                detail={
                  <>
                    {formatNumber(funding.dealCount)} counted equity and convertible {funding.dealCount === 1 ? "deal" : "deals"}
                    {funding.upperBoundTotal > 0n ? `; ${formatUsd(funding.upperBoundTotal)} of it from “up to” figures` : ""}
                    {funding.undisclosedCount > 0 ? `; ${funding.undisclosedCount} undisclosed amounts not included` : ""}
                  </>
                }
              />
              <StatCard
                label="Funding rounds"
                value={formatNumber(roundCount)}
                detail={`Counted rounds, from ${formatNumber(funding.dealCount)} counted deals: a round’s parts and tranches count once`}
              />
              <StatCard
                label="Latest post-money valuation"
                value={latestValuation ? formatUsd(latestValuation.amount) : "—"}
                detail={
                  latestValuation
                    ? `Reported on ${formatDate(latestValuation.date)}, with a round, secondary sale or other deal`
                    : "No valuation reported"
                }
              />
              <StatCard
                label="Deals received"
                value={formatNumber(timelineTotal)}
                detail="All kinds and statuses, terminated ones included"
              />
            </dl>
          </section>

          <ChartFrame
            id="funding-rounds"
            title={fundingRoundsTitle(company)}
            description={`Bars: each round’s counted equity and convertible deals, its parts and tranches added together, at the round’s date. Line: every valuation reported (rounds, secondary sales, tender offers, recapitalizations), held until the next one, on a time axis. Undisclosed amounts show no bar; each valuation is in the table below, its deal and sources under “Valuation marks”.`}
            takeaway={periodTakeaway(takeawayRows, "counted", "round date")}
            rows={rows}
            series={[]}
            columns={FUNDING_COLUMNS}
            rowHeader="Date"
            legend={[FUNDING_AMOUNT, FUNDING_VALUATION]}
            tableRowCount={fundingTimeline.dates}
            actions={<ScaleSwitch scale={scale} href={withWindow(withAsOf(`/companies/${slug}#funding-rounds`, asOf), window)} />}
            csvHref={withWindow(withAsOf(`/api/organizations/${slug}/funding-rounds?format=csv`, asOf), window)}
            embedPath={withChartScale(withAsOf(`/embed/funding-rounds/${slug}`, asOf), scale)}
          >
            <FundingRoundsBody company={company} scale={scale} />
          </ChartFrame>

          <section aria-labelledby="valuation-marks" className="space-y-2">
            <h2 id="valuation-marks" className="text-lg font-semibold">
              {company.valuationCount > company.latestValuations.length
                ? `Valuation marks: the ${formatNumber(company.latestValuations.length)} latest of ${formatNumber(company.valuationCount)}, oldest first`
                : "Valuation marks, oldest first"}
            </h2>
            <p className="max-w-3xl text-sm muted">
              Every valuation reported with a deal {name} or one of its divisions received, announced or closed: rounds, secondary sales,
              tender offers and recapitalizations, each with its deal and sources.
            </p>
            {company.valuationCount > 0 ? (
              <>
                <ValuationMarkList marks={company.latestValuations} asOf={asOf} />
                {company.valuationCount > company.latestValuations.length ? (
                  <p className="text-sm">
                    <a
                      href={withWindow(withAsOf(`/api/organizations/${slug}/funding-rounds?format=csv`, asOf), window)}
                      download
                      className="text-link"
                    >
                      All {formatNumber(company.valuationCount)} valuation marks, with the rounds, as CSV
                    </a>
                  </p>
                ) : null}
              </>
            ) : (
              <p className="text-sm muted">No valuation of {name} reported in the data.</p>
            )}
          </section>

          <section aria-labelledby="round-list" className="space-y-2">
            <h2 id="round-list" className="text-lg font-semibold">
              {companyRounds.total > roundList.length
                ? `Rounds: the ${formatNumber(roundList.length)} latest of ${formatNumber(companyRounds.total)}, oldest first`
                : "Rounds, oldest first"}
            </h2>
            <p className="max-w-3xl text-sm muted">
              A round is one financing: the deals that are its parts or tranches together, every other equity or convertible deal a round of
              its own. A participant&rsquo;s amount is its committed amount, or the deal&rsquo;s amount where it is the deal&rsquo;s only
              investor.
            </p>
            {roundList.length > 0 ? (
              <>
                <RoundList rounds={roundList} asOf={asOf} editable={editable} />
                {/* Each deal of a round is linked in its block; every one, with its status and amount, is on /deals. */}
                <p className="text-sm">
                  <Link
                    href={withWindow(withAsOf(`/deals?recipient=${slug}&kind=equity,convertible&sort=date_asc`, asOf), window)}
                    className="text-link"
                  >
                    {`All ${formatNumber(roundDealTotal)} equity and convertible ${roundDealTotal === 1 ? "deal" : "deals"} ${name} received, with their status and amounts`}
                  </Link>
                </p>
              </>
            ) : (
              <p className="text-sm muted">No equity or convertible deal for {name} in the data.</p>
            )}
          </section>

          <section aria-labelledby="investors" className="space-y-2">
            <h2 id="investors" className="text-lg font-semibold">
              Investors and their shares of {name}&rsquo;s counted funding
            </h2>
            <p className="max-w-3xl text-sm muted">
              Each counted deal is split among its investors by their committed amounts where known, the rest in equal parts; the shares add
              up to 100%.
            </p>
            {investors.length > 0 ? (
              <FirstRows
                rows={sortInvestors(investors, investorsSort)}
                table={(rows) => (
                  <InvestorShareTable
                    rows={rows}
                    companyName={name}
                    asOf={asOf}
                    sort={investorsSort}
                    sortHref={(sort) => tableSortHref(`/companies/${slug}`, search, INVESTORS_SORT, sort)}
                  />
                )}
                what="investors, by their share"
                href={withWindow(withAsOf(`/deals?recipient=${slug}`, asOf), window)}
                linkText={`Every deal ${name} received`}
              />
            ) : (
              <p className="text-sm muted">No counted funding, so no shares.</p>
            )}
          </section>

          <section aria-labelledby="commitments" className="space-y-2">
            <h2 id="commitments" className="text-lg font-semibold">
              Commitments {name} made: compute, cloud and chips
            </h2>
            <p className="max-w-3xl text-sm muted">
              Purchase contracts in which {name} is the buyer. In the data the buyer is listed as the investor and the seller as the
              recipient, so these deals go the other way from funding: they are not capital {name} received, nor capital it invested.
            </p>
            <DealList deals={commitmentsMade} empty={`No compute, cloud or chip commitment made by ${name} in the data.`} asOf={asOf} />
            <MoreDeals
              shown={commitmentsMade.length}
              total={commitmentTotal}
              href={withWindow(withAsOf(`/deals?investor=${slug}&kind=compute_commitment,cloud_credits,chip_supply`, asOf), window)}
              label={`All ${formatNumber(commitmentTotal)} commitments ${name} made`}
            />
          </section>

          <section aria-labelledby="timeline" className="space-y-2">
            <h2 id="timeline" className="text-lg font-semibold">
              {timelineTotal > timeline.length
                ? `The ${formatNumber(timeline.length)} newest of ${formatNumber(timelineTotal)} deals ${name} received`
                : `Every deal ${name} received, newest first`}
            </h2>
            <DealList deals={timeline} empty={`${name} has received no deal in the data.`} asOf={asOf} />
            <MoreDeals
              shown={timeline.length}
              total={timelineTotal}
              href={withWindow(withAsOf(`/deals?recipient=${slug}`, asOf), window)}
              label={`All ${formatNumber(timelineTotal)} deals ${name} received, with filters and paging`}
            />
          </section>
        </>
      )}
      <OrganizationLoops slug={slug} name={name} asOf={asOf} />
    </div>
  );
}

/** The link to the whole list on /deals, when the page shows only the newest deals. */
function MoreDeals({ shown, total, href, label }: { shown: number; total: number; href: string; label: string }) {
  if (total <= shown) return null;
  return (
    <p className="text-sm">
      <Link href={href} className="text-link">
        {label}
      </Link>
    </p>
  );
}
