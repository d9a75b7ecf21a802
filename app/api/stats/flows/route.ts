import { resolveFilterNames } from "@/lib/data/filter-names";
import { toCsv } from "@/lib/csv/write-csv";
import { getFlows } from "@/lib/data/analysis";
import { parseAnalysisView, parseFlowLimit, countingOf } from "@/lib/filters/analysis-view";
import { csvResponse, invalidParameters, wantsCsv } from "@/lib/api/responses";
import { withErrorHandling } from "@/lib/request-id";

/**
 * GET /api/stats/flows[?limit=20][&count&pipeline&exclude...][&format=csv] plus the /deals filters: the Sankey nodes
 * and links of the `limit` largest investor -> recipient flows, and what the smaller ones add up to.
 */
export const GET = withErrorHandling(async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const { params: resolved, issues: nameIssues } = await resolveFilterNames(params);
  const { view, issues: viewIssues } = parseAnalysisView(resolved);
  const issues = [...nameIssues, ...viewIssues];
  const { limit, issues: limitIssues } = parseFlowLimit(params);
  if (issues.length + limitIssues.length > 0) return invalidParameters([...issues, ...limitIssues]);
  const { graph, undisclosedDeals, excluded } = await getFlows(view, limit, { dealIds: true });
  if (wantsCsv(params)) {
    const header = ["investor", "investor_name", "recipient", "recipient_name", "amount_usd", "deal_ids"];
    const rows = graph.links.map((l) => {
      const [from, to] = [graph.nodes[l.source], graph.nodes[l.target]];
      return [from.key, from.name, to.key, to.name, l.amount, (l.dealIds ?? []).join(" ")];
    });
    return csvResponse("capital-flows.csv", toCsv(header, rows));
  }
  return Response.json({
    counting: countingOf(view, excluded),
    limit,
    nodes: graph.nodes.map((n) => ({ id: n.id, slug: n.key, name: n.name, side: n.side })),
    links: graph.links.map((l) => ({ source: l.source, target: l.target, valueUsd: Number(l.amount), dealIds: l.dealIds })),
    omitted: { flows: graph.omitted.flows, amountUsd: Number(graph.omitted.amount) },
    undisclosedDeals,
  });
});
