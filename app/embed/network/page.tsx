import type { Metadata } from "next";
import { NETWORK_TITLE, NetworkBody, networkTakeaway, networkHref } from "@/components/analysis/network-section";
import type { EmbedSearchParams } from "@/components/story/analysis-embed";
import { EmbedFrame } from "@/components/story/embed-frame";
import { getNetwork } from "@/lib/data/network";
import { parseAnalysisView, parseNetworkSize } from "@/lib/filters/analysis-view";

export const metadata: Metadata = { title: "Who funds whom (embed)", robots: { index: false } };

/** The /analysis network alone, for framing on other sites; it takes the page's parameters, `nodes` included. */
export default async function EmbedNetwork({ searchParams }: { searchParams: EmbedSearchParams }) {
  const query = await searchParams;
  const { view } = parseAnalysisView(query);
  const { size } = parseNetworkSize(query);
  const { graph } = await getNetwork(view, size);
  return (
    <EmbedFrame
      title={NETWORK_TITLE}
      takeaway={networkTakeaway(graph)}
      description="Counted AI capital between the largest organizations, each arrow as wide as its amount; circular flows marked, their spending back dashed."
      asOf={view.filters.asOf}
      fullHref={`${networkHref(view, size)}#network`}
    >
      <NetworkBody graph={graph} />
    </EmbedFrame>
  );
}
