import type { Metadata } from "next";
import { AnalysisSectionPage, readAnalysisQuery } from "@/components/analysis/analysis-page-frame";
import { CircularFlowLegsSection } from "@/components/analysis/circular-flows-section";
import { CIRCULAR_FLOWS_SHOWN, getCircularFlows } from "@/lib/data/analysis";

export const metadata: Metadata = { title: "Circular flows, leg by leg" };

type Query = Record<string, string | string[] | undefined>;

/** /analysis's circular flows leg by leg, for the same view: the largest loops with their diagrams and deals. */
export default async function AnalysisLoopsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const { view, issues } = await readAnalysisQuery("/analysis/loops", await searchParams);
  const { loops, count } = await getCircularFlows(view, CIRCULAR_FLOWS_SHOWN);
  return (
    <AnalysisSectionPage
      path="/analysis/loops"
      view={view}
      issues={issues}
      title="Circular flows: money invested that comes back"
      intro="Where an investor put capital into a company that committed to spend back on the investor’s cloud or chips, each loop with the deals on each side; the loops with the most money back first."
    >
      <CircularFlowLegsSection view={view} loops={loops} total={count} />
    </AnalysisSectionPage>
  );
}
