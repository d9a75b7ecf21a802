import type { Metadata } from "next";
import { AnalysisSectionPage, readAnalysisQuery } from "@/components/analysis/analysis-page-frame";
import { NetworkSection } from "@/components/analysis/network-section";
import { getNetwork } from "@/lib/data/network";

export const metadata: Metadata = { title: "Who funds whom" };

type Query = Record<string, string | string[] | undefined>;

/** /analysis's network of who funds whom, for the same view, with its size (`nodes`) in the address. */
export default async function AnalysisNetworkPage({ searchParams }: { searchParams: Promise<Query> }) {
  const { view, networkSize, issues } = await readAnalysisQuery("/analysis/network", await searchParams);
  const network = await getNetwork(view, networkSize);
  return (
    <AnalysisSectionPage
      path="/analysis/network"
      view={view}
      issues={issues}
      title="Who funds whom"
      intro="The largest organizations of the view and the counted capital between them, with the circular flows marked."
    >
      <NetworkSection view={view} size={networkSize} network={network} />
    </AnalysisSectionPage>
  );
}
