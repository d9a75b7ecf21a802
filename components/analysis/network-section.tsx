import { AnalysisSectionLink } from "@/components/analysis/analysis-page-frame";
import { ChartFrame } from "@/components/charts/chart-frame";
import type { ChartRow } from "@/components/charts/chart-types";
import { NETWORK_LEGEND, NetworkChart } from "@/components/charts/network-chart";
import type { NetworkData } from "@/lib/data/network";
import {
  analysisSectionPath,
  analysisViewToParams,
  DEFAULT_NETWORK_SIZE,
  NETWORK_SIZES,
  type AnalysisView,
} from "@/lib/filters/analysis-view";
import { formatNumber, formatUsd } from "@/lib/format";
import type { NetworkGraph } from "@/lib/measures/network";

export const NETWORK_TITLE = "Who funds whom: the network of counted capital";

/** The embed's height at the snippet's width (640 px): the drawing (its aspect ratio), legend, title and source lines. */
const NETWORK_EMBED_HEIGHT = 640;

/** The view's parameters with the network's size (the default left out). */
export function networkParams(view: AnalysisView, size: number): URLSearchParams {
  const params = analysisViewToParams(view);
  if (size !== DEFAULT_NETWORK_SIZE) params.set("nodes", String(size));
  return params;
}

/** The network's own page for a view and size (/analysis/network), where it is drawn. */
export function networkHref(view: AnalysisView, size: number): string {
  const params = networkParams(view, size);
  return `${analysisSectionPath("network")}${params.size > 0 ? `?${params}` : ""}`;
}

function edgeText(graph: NetworkGraph, e: NetworkGraph["edges"][number]): string {
  if (e.kind === "spending_back") return `Spending back, circular flow (to ${e.via.join(", ")})`;
  return e.loop ? "Capital, circular flow" : "Capital";
}

function networkRows(graph: NetworkGraph): ChartRow[] {
  return graph.edges.map((e) => ({
    label: graph.nodes[e.source].name,
    to: graph.nodes[e.target].name,
    amount: Number(e.amount),
    deals: e.deals,
    what: edgeText(graph, e),
  }));
}

export function networkTakeaway(graph: NetworkGraph): string | null {
  const largest = graph.edges.find((e) => e.kind === "capital");
  if (!largest) return null;
  const loops = graph.loops > 0 ? ` ${formatNumber(graph.loops)} circular ${graph.loops === 1 ? "flow" : "flows"} marked.` : "";
  return `Largest link: ${graph.nodes[largest.source].name} → ${graph.nodes[largest.target].name}, ${formatUsd(largest.amount)}.${loops}`;
}

/** The drawing (or the empty state), the same on /analysis and in its embed. */
export function NetworkBody({ graph }: { graph: NetworkGraph }) {
  if (graph.edges.length === 0) return <p className="text-sm muted">No counted capital in this view: there is no network to draw.</p>;
  return (
    <NetworkChart
      nodes={graph.nodes.map((n) => ({
        name: n.name,
        weight: Number(n.invested + n.received),
        side: n.invested >= n.received ? "investor" : "recipient",
        inLoop: n.inLoop,
      }))}
      edges={graph.edges.map((e) => ({
        source: e.source,
        target: e.target,
        weight: Number(e.amount),
        kind: e.kind,
        loop: e.loop,
        loopKey: e.kind === "spending_back" ? `${graph.nodes[e.target].name} → ${graph.nodes[e.source].name}` : undefined,
      }))}
      ariaLabel={`Network of ${graph.nodes.length} organizations and ${graph.edges.length} links of counted capital; the table below lists every link`}
    />
  );
}

export function networkDescription(graph: NetworkGraph, omitted: NetworkData["omitted"]): string {
  const forLoops = graph.nodes.filter((n) => n.forLoop).length;
  return [
    `Each organization is a node sized by the counted capital it invested and received; each arrow is the capital one put into another (a round with several investors is split among them), as wide as its amount.`,
    `Circular flows are marked: the capital edge of each loop, and a dashed arrow for the compute, cloud or chip spending committed back to the investor or its divisions.`,
    forLoops > 0
      ? `${formatNumber(forLoops)} ${forLoops === 1 ? "organization is" : "organizations are"} drawn for a circular flow beyond the largest.`
      : "",
    graph.omittedNodes > 0 ? `${formatNumber(graph.omittedNodes)} smaller organizations are not drawn.` : "",
    omitted.flows > 0
      ? `Read from the 200 largest flows; ${formatNumber(omitted.flows)} smaller ones (${formatUsd(omitted.amount)}) are left out.`
      : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** The network control: how many organizations, a link each (no script needed), kept in the address. */
function SizeControl({ view, size }: { view: AnalysisView; size: number }) {
  return (
    <nav aria-label="Organizations drawn" className="flex items-center gap-1">
      <span className="muted">Organizations:</span>
      {NETWORK_SIZES.map((n) => (
        <a
          key={n}
          href={`${networkHref(view, n)}#network`}
          aria-current={n === size ? "true" : undefined}
          className={`rounded border px-2 py-1.5 focus-visible:outline-2 focus-visible:outline-blue-600 ${
            n === size
              ? "border-blue-700 bg-blue-50 font-semibold dark:border-blue-400 dark:bg-blue-950"
              : "border-gray-300 hover:bg-gray-100 dark:border-gray-700 dark:hover:bg-gray-800"
          }`}
        >
          {n}
        </a>
      ))}
    </nav>
  );
}

/** The network of who funds whom on /analysis, with the same frame as every chart and its edges as the table. */
export function NetworkSection({ view, size, network }: { view: AnalysisView; size: number; network: NetworkData }) {
  const { graph } = network;
  const params = networkParams(view, size);
  return (
    <ChartFrame
      id="network"
      title={NETWORK_TITLE}
      takeaway={networkTakeaway(graph)}
      description={networkDescription(graph, network.omitted)}
      rows={networkRows(graph)}
      series={[]}
      legend={NETWORK_LEGEND}
      columns={[
        { key: "to", label: "To", format: "text" },
        { key: "amount", label: "Amount", format: "usd" },
        { key: "deals", label: "Deals", format: "number" },
        { key: "what", label: "Link", format: "text" },
      ]}
      rowHeader="From"
      tableOpen
      csvHref={`/api/stats/network?${new URLSearchParams([...params, ["format", "csv"]])}`}
      embedPath={`/embed/network?${params}`}
      embedHeight={NETWORK_EMBED_HEIGHT}
      actions={<SizeControl view={view} size={size} />}
    >
      <NetworkBody graph={graph} />
    </ChartFrame>
  );
}

/**
 * On /analysis, the network is one link away: its drawing and its table of every link were a quarter of the page
 * (52 kB of SVG and labels and as much again in React's payload at 100,000 deals), so it has a page of its own,
 * /analysis/network, with the same view.
 */
export function NetworkLink({ view, size }: { view: AnalysisView; size: number }) {
  return (
    <AnalysisSectionLink id="network" title={NETWORK_TITLE} href={networkHref(view, size)} linkText="Draw the network">
      The largest organizations of this view as a network: each arrow the counted capital one put into another, circular flows marked, with
      a table of every link.
    </AnalysisSectionLink>
  );
}
