// The whole overview page body, shared by its per-request and its cached route.
import { periodTakeaway } from "@/components/charts/takeaway";
import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { DealList } from "@/components/deals/deal-list";
import { StatusChangeList } from "@/components/deals/status-change-list";
import { CapitalByPeriodBody, capitalByPeriodChart } from "@/components/overview/capital-by-period-chart";
import { AsOfBanner } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { StatCard } from "@/components/ui/stat-card";
import { getCapitalByPeriod } from "@/lib/data/capital";
import { getOverview } from "@/lib/data/overview";
import { parseCapitalView } from "@/lib/filters/capital-view";
import { formatNumber, formatUsd, formatUsdExact } from "@/lib/format";
import { hhiReadingLabel } from "@/lib/measures/concentration";

export type Query = Record<string, string | string[] | undefined>;

/**
 * The overview (/) for a query. Rendered per request for a query with parameters (app/(overview)/page.tsx), and as
 * a cached page per data version for the bare address (app/v/[version]/page.tsx, see proxy.ts).
 */
export async function OverviewView({ query }: { query: Query }) {
  const view = parseCapitalView({ ...query, grain: "quarter" });
  const [overview, capital] = await Promise.all([getOverview(view.asOf), getCapitalByPeriod(view)]);
  const asOfQuery = view.asOf ? `asOf=${view.asOf}` : "";
  const overviewHref = (include: boolean, asOf: string | null = view.asOf) => {
    const params = new URLSearchParams();
    if (include) params.set("include", "commitments");
    if (asOf) params.set("asOf", asOf);
    return params.size > 0 ? `/?${params}` : "/";
  };

  if (overview.totalDeals === 0) {
    return (
      <div className="py-16 text-center">
        <h1 className="text-2xl font-semibold">No deals yet</h1>
        <p className="mt-2 muted">
          The database is empty. Run <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">npm run db:seed</code> to load the
          researched deals.
        </p>
      </div>
    );
  }

  const { rows, series } = capitalByPeriodChart(capital);
  const withCommitments = view.include === "commitments";
  const { capital: counted } = overview;

  return (
    <div className="space-y-8">
      <AsOfBanner asOf={view.asOf} todayHref={overviewHref(view.include === "commitments", null)} />
      <DataFreshness />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Where AI capital goes</h1>
        <p className="mt-2 max-w-3xl muted">
          Investment deals in AI companies from public reporting, with their sources. Capital counted is equity and convertible money
          invested in companies, in deals announced or closed, at the low end of any range.
        </p>
      </div>

      <section aria-label="Headline figures">
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard
            label="Capital counted"
            value={<span title={formatUsdExact(counted.total)}>{formatUsd(counted.total)}</span>}
            detail={
              <>
                {formatNumber(counted.dealCount)} equity and convertible deals
                {counted.upperBoundTotal > 0n ? `; ${formatUsd(counted.upperBoundTotal)} of it from “up to” figures` : ""}
                {counted.undisclosedCount > 0 ? `; ${counted.undisclosedCount} undisclosed amounts not included` : ""}
              </>
            }
          />
          <StatCard
            label="Deals tracked"
            value={formatNumber(overview.totalDeals)}
            detail="All kinds and statuses, terminated ones included"
          />
          <StatCard
            label="Largest investor by capital"
            value={overview.largestInvestor?.name ?? "—"}
            detail={
              overview.largestInvestor
                ? `${formatUsd(overview.largestInvestor.amount)} counted (shared rounds split equally)`
                : "No counted capital yet"
            }
          />
          <StatCard
            label={overview.recipientHhi ? `Recipient HHI, ${overview.recipientHhi.year}` : "Recipient HHI"}
            value={overview.recipientHhi ? formatNumber(overview.recipientHhi.hhi) : "—"}
            detail={
              overview.recipientHhi
                ? `${hhiReadingLabel(overview.recipientHhi.hhi)} across ${overview.recipientHhi.recipients} recipients (0–10,000)`
                : "No counted capital yet"
            }
          />
        </dl>
      </section>

      <ChartFrame
        id="capital-by-quarter"
        title={withCommitments ? "Capital and commitments by quarter, by kind" : "Capital counted by quarter, by kind"}
        description={
          withCommitments
            ? "Announced and closed deals of every kind at their low amount. Compute, cloud and chip commitments are purchase contracts, not investment: each kind is its own colour."
            : "Equity and convertible investments, announced or closed, at their low amount (the “up to” figure where no lower one is known)."
        }
        takeaway={periodTakeaway(rows, withCommitments ? "announced or closed" : "counted", "quarter")}
        rows={rows}
        series={series}
        csvHref={`/api/stats/capital-by-period?grain=quarter&include=${view.include}${asOfQuery ? `&${asOfQuery}` : ""}&format=csv`}
        embedPath={`/embed/capital-by-period?include=${view.include}${asOfQuery ? `&${asOfQuery}` : ""}`}
        actions={
          <Link href={overviewHref(!withCommitments)} scroll={false} className="button">
            {withCommitments ? "Show capital only" : "Add commitments and other kinds"}
          </Link>
        }
      >
        <CapitalByPeriodBody capital={capital} />
      </ChartFrame>

      {/* min-w-0: a grid item is otherwise as wide as its longest unbreakable line, and a long round name (truncated
          on purpose in the list) pushed the page wider than a phone. */}
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="latest-deals" className="min-w-0">
          <h2 id="latest-deals" className="text-lg font-semibold">
            Latest deals
          </h2>
          <DealList deals={overview.latestDeals} empty="No deals yet." asOf={view.asOf} />
        </section>
        <section aria-labelledby="latest-changes" className="min-w-0">
          <h2 id="latest-changes" className="text-lg font-semibold">
            Latest status changes
          </h2>
          <StatusChangeList changes={overview.latestChanges} asOf={view.asOf} />
        </section>
      </div>
    </div>
  );
}
