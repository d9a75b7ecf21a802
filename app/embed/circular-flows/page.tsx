import type { Metadata } from "next";
import { CIRCULAR_FLOWS_PATH, CIRCULAR_FLOWS_TITLE, CircularFlowsBody } from "@/components/analysis/circular-flows-section";
import { analysisEmbedView, type EmbedSearchParams } from "@/components/story/analysis-embed";
import { EmbedFrame } from "@/components/story/embed-frame";
import { CIRCULAR_FLOWS_SHOWN, getCircularFlows } from "@/lib/data/analysis";
import { parseChartScale } from "@/lib/filters/chart-scale";

export const metadata: Metadata = { title: "Circular flows (embed)", robots: { index: false } };

/** The /analysis/circular-flows chart alone (capital in against spending back per loop), for framing on other sites. */
export default async function EmbedCircularFlows({ searchParams }: { searchParams: EmbedSearchParams }) {
  const { view, fullHref } = await analysisEmbedView(searchParams, "circular-flows", CIRCULAR_FLOWS_PATH);
  const scale = parseChartScale(await searchParams);
  const { loops } = await getCircularFlows(view, CIRCULAR_FLOWS_SHOWN);
  return (
    <EmbedFrame
      title={CIRCULAR_FLOWS_TITLE}
      description="Investors that put capital into an AI company that committed to buy compute, cloud capacity or chips back from them, in US dollars: each side the sum of the pair’s parts of its deals. Back per dollar in (in the data table) is spending back divided by capital in."
      asOf={view.filters.asOf}
      fullHref={fullHref}
    >
      <CircularFlowsBody loops={loops} scale={scale} />
    </EmbedFrame>
  );
}
