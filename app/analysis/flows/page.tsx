import type { Metadata } from "next";
import { AnalysisSectionPage, readAnalysisQuery } from "@/components/analysis/analysis-page-frame";
import { FLOWS_PATH, FlowsChart } from "@/components/analysis/flows-chart";
import { getFlows } from "@/lib/data/analysis";

export const metadata: Metadata = { title: "Capital flows" };

type Query = Record<string, string | string[] | undefined>;

/** /analysis's capital flows from investors to recipients, for the same view: the Sankey diagram and its table. */
export default async function AnalysisFlowsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const { view, issues } = await readAnalysisQuery(FLOWS_PATH, await searchParams);
  const flows = await getFlows(view);
  return (
    <AnalysisSectionPage
      path={FLOWS_PATH}
      view={view}
      issues={issues}
      title="Capital flows: who put capital into whom"
      intro="The largest flows of the view’s counted capital from each investor to each recipient, as a Sankey diagram and a table."
    >
      <FlowsChart view={view} flows={flows} />
    </AnalysisSectionPage>
  );
}
