// The whole /analysis page body, shared by its per-request route and its cached one (app/v/[version]/analysis).
import { analysisHref, readAnalysisQuery } from "@/components/analysis/analysis-page-frame";
import { AnalysisControls } from "@/components/analysis/analysis-controls";
import { KindsLink } from "@/components/analysis/capital-by-kind-chart";
import { CircularFlowsLink } from "@/components/analysis/circular-flows-section";
import { HhiChart, TopSharesLink } from "@/components/analysis/concentration-charts";
import { CountingStatement } from "@/components/analysis/counting-statement";
import { FlowsLink } from "@/components/analysis/flows-chart";
import { NetworkLink } from "@/components/analysis/network-section";
import { DealList } from "@/components/deals/deal-list";
import { AsOfBanner } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { ParamIssues } from "@/components/ui/param-issues";
import { getAnalysis } from "@/lib/data/analysis";

/**
 * /analysis for a query: per request with parameters, cached per data version for the bare address (proxy.ts). It
 * draws the HHI and the largest deals; each other section is a line with its page's link (the top shares, flows,
 * circular flows, network and amounts by kind: /analysis/top-shares, /flows, /circular-flows, /network, /kinds), so
 * that the page stays under 100 kB at 100,000 deals, per quarter too.
 */
export async function AnalysisView({ query }: { query: Record<string, string | string[] | undefined> }) {
  const { view, networkSize, issues } = await readAnalysisQuery("/analysis", query);
  const analysis = await getAnalysis(view);

  return (
    <div className="space-y-8">
      <AsOfBanner asOf={view.filters.asOf} todayHref={analysisHref("/analysis", { ...view, filters: { ...view.filters, asOf: null } })} />
      <DataFreshness />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Concentration and flows</h1>
        <p className="mt-2 max-w-3xl muted">
          How concentrated AI capital is, who it flows from and to, and where money invested comes back to the investor as spending on its
          cloud or chips. Every chart takes the same filters as the deal list and can be shared by its address.
        </p>
      </div>
      <ParamIssues issues={issues} />
      <AnalysisControls view={view} choices={analysis.exclusionChoices} names={new Map(Object.entries(analysis.filterNames))} />
      <CountingStatement
        view={view}
        summary={analysis.summary}
        attributed={analysis.attributed}
        excluded={analysis.excluded}
        filterNames={analysis.filterNames}
      />
      <HhiChart view={view} periods={analysis.concentration} />
      <TopSharesLink view={view} periods={analysis.concentration} />
      <FlowsLink view={view} />
      <CircularFlowsLink view={view} loops={analysis.circularFlows} total={analysis.circularFlowCount} />
      <NetworkLink view={view} size={networkSize} />
      <KindsLink view={view} />
      <section aria-labelledby="largest-deals">
        <h2 id="largest-deals" className="text-lg font-semibold">
          Largest deals counted
        </h2>
        <p className="mt-1 text-sm muted">
          The filtered deals with the largest amounts counted (the low end of a range), as counted above.
        </p>
        <DealList deals={analysis.largestDeals} empty="No counted deals with a disclosed amount in this view." asOf={view.filters.asOf} />
      </section>
    </div>
  );
}
