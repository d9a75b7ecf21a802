import type { Metadata } from "next";
import { AnalysisSectionPage, readAnalysisQuery } from "@/components/analysis/analysis-page-frame";
import { CIRCULAR_FLOWS_PATH, CircularFlowsSection } from "@/components/analysis/circular-flows-section";
import { CIRCULAR_FLOWS_SHOWN, getCircularFlows } from "@/lib/data/analysis";
import { parseChartScale } from "@/lib/filters/chart-scale";

export const metadata: Metadata = { title: "Circular flows per loop" };

type Query = Record<string, string | string[] | undefined>;

/** /analysis's circular flows, capital in against spending back per loop, for the same view (`scale` in the address). */
export default async function AnalysisCircularFlowsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const { view, issues } = await readAnalysisQuery(CIRCULAR_FLOWS_PATH, query);
  const { loops, count } = await getCircularFlows(view, CIRCULAR_FLOWS_SHOWN);
  return (
    <AnalysisSectionPage
      path={CIRCULAR_FLOWS_PATH}
      view={view}
      issues={issues}
      title="Circular flows: capital in and spending back"
      intro="For each loop, the capital an investor put into a company and the spending that company committed back on the investor’s cloud or chips; the loops with the most money back first."
    >
      <CircularFlowsSection view={view} loops={loops} total={count} scale={parseChartScale(query)} />
    </AnalysisSectionPage>
  );
}
