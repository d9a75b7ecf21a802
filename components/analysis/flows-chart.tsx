import { analysisHref, AnalysisSectionLink } from "@/components/analysis/analysis-page-frame";
import { ChartFrame } from "@/components/charts/chart-frame";
import { largestRowTakeaway } from "@/components/charts/takeaway";
import type { ChartRow } from "@/components/charts/chart-types";
import { SankeyIsland } from "@/components/charts/sankey-island";
import { sankeyHeight } from "@/components/charts/sankey-size";
import type { FlowsData } from "@/lib/data/analysis";
import { analysisSectionPath, analysisViewToParams, type AnalysisView } from "@/lib/filters/analysis-view";
import { formatNumber, formatUsd } from "@/lib/format";

/** The flows' own page, where the Sankey diagram is drawn for a view. */
export const FLOWS_PATH = analysisSectionPath("flows");

export function flowsTitle(flows: FlowsData): string {
  const shown = flows.graph.links.length;
  return shown > 0 ? `Capital flows from investors to recipients: the ${shown} largest` : "Capital flows from investors to recipients";
}

/** The Sankey diagram (or the empty state), drawn the same on /analysis/flows and in its embed. */
export function FlowsBody({ flows }: { flows: FlowsData }) {
  const { graph } = flows;
  const shown = graph.links.length;
  return shown > 0 ? (
    <SankeyIsland
      nodes={graph.nodes.map((n) => ({ name: n.name, side: n.side }))}
      links={graph.links.map((l) => ({ source: l.source, target: l.target, value: Number(l.amount) }))}
      ariaLabel={`Sankey diagram: the ${shown} largest flows of counted capital from investors (left) to recipients (right)`}
    />
  ) : (
    <p className="text-sm muted">No counted capital in this view: there are no flows to draw.</p>
  );
}

/** The largest investor -> recipient flows as a Sankey diagram, with the same flows listed in a table (/analysis/flows). */
export function FlowsChart({ view, flows }: { view: AnalysisView; flows: FlowsData }) {
  const { graph } = flows;
  const rows: ChartRow[] = graph.links.map((l) => ({
    label: graph.nodes[l.source].name,
    recipient: graph.nodes[l.target].name,
    amount: Number(l.amount),
    deals: l.deals,
  }));
  return (
    <ChartFrame
      id="flows"
      title={flowsTitle(flows)}
      description={
        <>
          Counted capital from each investor to each recipient; a round with several investors is split among them.
          {graph.omitted.flows > 0
            ? ` ${formatNumber(graph.omitted.flows)} smaller flows (${formatUsd(graph.omitted.amount)} in all) are not drawn.`
            : ""}
          {flows.undisclosedDeals > 0 ? ` ${formatNumber(flows.undisclosedDeals)} deals with undisclosed amounts carry no flow.` : ""}
        </>
      }
      takeaway={largestRowTakeaway(rows, "amount", (r) => `Largest flow: ${r.label} → ${r.recipient}, ${formatUsd(Number(r.amount))}.`)}
      rows={rows}
      series={[
        { key: "investor", label: "Investors", color: "var(--chart-investor)" },
        { key: "recipient", label: "Recipients", color: "var(--chart-recipient)" },
      ]}
      columns={[
        { key: "recipient", label: "Recipient", format: "text" },
        { key: "amount", label: "Capital", format: "usd" },
        { key: "deals", label: "Deals", format: "number" },
      ]}
      rowHeader="Investor"
      tableOpen
      csvHref={`/api/stats/flows?${new URLSearchParams([...analysisViewToParams(view), ["format", "csv"]])}`}
      embedPath={`/embed/flows?${analysisViewToParams(view)}`}
      // The diagram's own height plus the embed's title, description and source lines at the snippet's width.
      embedHeight={sankeyHeight(graph.nodes) + 180}
    >
      <FlowsBody flows={flows} />
    </ChartFrame>
  );
}

/**
 * On /analysis, the flows are one link away: the diagram and its table of every flow drawn were about 12 kB of the page
 * at 100,000 deals, so they have a page of their own with the same view.
 */
export function FlowsLink({ view }: { view: AnalysisView }) {
  return (
    <AnalysisSectionLink
      id="flows"
      title="Capital flows from investors to recipients"
      href={analysisHref(FLOWS_PATH, view)}
      linkText="Draw the flows"
    >
      The largest flows of counted capital from each investor to each recipient of this view as a Sankey diagram, with a table of every flow
      drawn.
    </AnalysisSectionLink>
  );
}
