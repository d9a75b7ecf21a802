// The /analysis network: the flows and the circular flows the analysis measures (lib/data/analysis.ts), read as one
// graph (lib/measures/network.ts). Both reads are cached per data version and view, so this adds no query of its own
// once the page has been computed for a view.
import "server-only";
import type { AnalysisView } from "../filters/analysis-view";
import { MAX_FLOW_LIMIT } from "../filters/analysis-view";
import { networkGraph, type NetworkGraph } from "../measures/network";
import { CIRCULAR_FLOWS_SHOWN, getCircularFlows, getFlows } from "./analysis";

export type NetworkData = {
  graph: NetworkGraph;
  undisclosedDeals: number;
  /** The flows smaller than the MAX_FLOW_LIMIT read: how many, and their capital. */
  omitted: { flows: number; amount: bigint };
  /** The organizations the view excludes (unknown slugs ignored), for saying what is counted. */
  excluded: { key: string; name: string }[];
};

/**
 * The `size` organizations with the most counted capital, with the loops /analysis shows. The flows read are the
 * MAX_FLOW_LIMIT largest (the Sankey's 20 would leave most pairs of 20 organizations out); an organization's capital
 * is counted over them, and `omitted` says what the smaller flows add up to. The capital edges carry their deals' ids
 * only with `dealIds` (the API's).
 */
export async function getNetwork(view: AnalysisView, size: number, options: { dealIds?: boolean } = {}): Promise<NetworkData> {
  const [flows, circular] = await Promise.all([getFlows(view, MAX_FLOW_LIMIT, options), getCircularFlows(view, CIRCULAR_FLOWS_SHOWN)]);
  const { graph } = flows;
  const pairs = graph.links.map((l) => ({
    investor: { key: graph.nodes[l.source].key, name: graph.nodes[l.source].name },
    recipient: { key: graph.nodes[l.target].key, name: graph.nodes[l.target].name },
    amount: l.amount,
    deals: l.deals,
    dealIds: l.dealIds,
  }));
  return {
    graph: networkGraph(pairs, circular.loops, size),
    undisclosedDeals: flows.undisclosedDeals,
    omitted: graph.omitted,
    excluded: flows.excluded,
  };
}
