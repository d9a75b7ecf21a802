import { resolveFilterNames } from "@/lib/data/filter-names";
import { toCsv } from "@/lib/csv/write-csv";
import { getNetwork } from "@/lib/data/network";
import { parseAnalysisView, parseNetworkSize, countingOf } from "@/lib/filters/analysis-view";
import { csvResponse, invalidParameters, wantsCsv } from "@/lib/api/responses";
import { withErrorHandling } from "@/lib/request-id";

/**
 * GET /api/stats/network[?nodes=20][&count&pipeline&exclude...][&format=csv] plus the /deals filters: the /analysis
 * network, its organizations and its edges (capital, and the circular flows' spending back). The CSV has one row
 * per edge, the rows of the chart's table.
 */
export const GET = withErrorHandling(async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const { params: resolved, issues: nameIssues } = await resolveFilterNames(params);
  const { view, issues: viewIssues } = parseAnalysisView(resolved);
  const { size, issues: sizeIssues } = parseNetworkSize(params);
  const issues = [...nameIssues, ...viewIssues, ...sizeIssues];
  if (issues.length > 0) return invalidParameters(issues);
  const { graph, omitted, excluded } = await getNetwork(view, size, { dealIds: true });
  if (wantsCsv(params)) {
    const header = ["from", "from_name", "to", "to_name", "kind", "circular_flow", "amount_usd", "via", "deal_ids"];
    const rows = graph.edges.map((e) => {
      const [from, to] = [graph.nodes[e.source], graph.nodes[e.target]];
      return [from.key, from.name, to.key, to.name, e.kind, e.loop ? "yes" : "no", e.amount, e.via.join("; "), (e.dealIds ?? []).join(" ")];
    });
    return csvResponse("network.csv", toCsv(header, rows));
  }
  return Response.json({
    counting: countingOf(view, excluded),
    nodes: size,
    organizations: graph.nodes.map((n) => ({
      slug: n.key,
      name: n.name,
      investedUsd: Number(n.invested),
      receivedUsd: Number(n.received),
      inCircularFlow: n.inLoop,
      drawnForCircularFlow: n.forLoop,
    })),
    edges: graph.edges.map((e) => ({
      source: e.source,
      target: e.target,
      kind: e.kind,
      circularFlow: e.loop,
      amountUsd: Number(e.amount),
      via: e.via,
      dealIds: e.dealIds,
    })),
    circularFlows: graph.loops,
    omitted: { organizations: graph.omittedNodes, flows: omitted.flows, amountUsd: Number(omitted.amount) },
  });
});
