import type { Metadata } from "next";
import { FlowsBody, flowsTitle } from "@/components/analysis/flows-chart";
import { analysisEmbedView, type EmbedSearchParams } from "@/components/story/analysis-embed";
import { EmbedFrame } from "@/components/story/embed-frame";
import { getFlows } from "@/lib/data/analysis";

export const metadata: Metadata = { title: "Capital flows (embed)", robots: { index: false } };

/** The /analysis Sankey diagram of the largest investor -> recipient flows alone, for framing on other sites. */
export default async function EmbedFlows({ searchParams }: { searchParams: EmbedSearchParams }) {
  const { view, fullHref } = await analysisEmbedView(searchParams, "flows");
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
