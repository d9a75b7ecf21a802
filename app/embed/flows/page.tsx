import type { Metadata } from "next";
import { FLOWS_PATH, FlowsBody, flowsTitle } from "@/components/analysis/flows-chart";
import { analysisEmbedView, type EmbedSearchParams } from "@/components/story/analysis-embed";
import { EmbedFrame } from "@/components/story/embed-frame";
import { getFlows } from "@/lib/data/analysis";

export const metadata: Metadata = { title: "Capital flows (embed)", robots: { index: false } };

/** The /analysis/flows Sankey diagram of the largest investor -> recipient flows alone, for framing on other sites. */
export default async function EmbedFlows({ searchParams }: { searchParams: EmbedSearchParams }) {
  const { view, fullHref } = await analysisEmbedView(searchParams, "flows", FLOWS_PATH);
  const flows = await getFlows(view);
  return (
    <EmbedFrame
      title={flowsTitle(flows)}
      description="Counted AI capital from each investor to each recipient; a round with several investors is split among them."
      asOf={view.filters.asOf}
      fullHref={fullHref}
    >
      <FlowsBody flows={flows} />
    </EmbedFrame>
  );
}
