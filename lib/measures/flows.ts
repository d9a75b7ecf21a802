// Capital flows (docs/domain.md, "Measures"): how much each investor put into each recipient, for a Sankey diagram and its table.
import {
  attributeToInvestors,
  countedAmount,
  DEFAULT_RULE,
  isCounted,
  UNDISCLOSED_KEY,
  type CountingRule,
  type MeasureDeal,
} from "./capital";

type Party = { key: string; name: string };
/** A flow: its capital, how many deals make it, and (where the reader asked for them) which, in date order. */
export type Flow = { investor: Party; recipient: Party; amount: bigint; deals: number; dealIds?: number[] };

/**
 * Counted capital per investor -> recipient pair, largest first (ties by investor, then recipient name). A shared
 * deal is split among its investors as everywhere else (attributeToInvestors). Deals with undisclosed amounts carry
 * no capital and make no flow; they are counted in `undisclosedDeals`.
 */
export function capitalFlows(
  deals: readonly MeasureDeal[],
  rule: CountingRule = DEFAULT_RULE,
): { flows: Flow[]; undisclosedDeals: number } {
  const byPair = new Map<string, Flow>();
  let undisclosedDeals = 0;
  for (const deal of deals) {
    if (!isCounted(deal, rule)) continue;
    const { amount, basis } = countedAmount(deal);
    if (basis === "undisclosed") {
      undisclosedDeals++;
      continue;
    }
    for (const part of attributeToInvestors(deal, amount)) {
      if (part.amount === 0n) continue;
      const pairKey = `${part.key}\u0000${deal.recipient.key}`;
      // Unnamed parties of different deals are one node: they go by one name, not by the first deal's wording.
      const name = part.key === UNDISCLOSED_KEY ? "Undisclosed investors" : part.name;
      const flow = byPair.get(pairKey) ?? {
        investor: { key: part.key, name },
        recipient: deal.recipient,
        amount: 0n,
        deals: 0,
        dealIds: [],
      };
      flow.amount += part.amount;
      flow.deals++;
      flow.dealIds?.push(deal.id);
      byPair.set(pairKey, flow);
    }
  }
  return { flows: [...byPair.values()].sort(byFlowOrder), undisclosedDeals };
}

/** Largest first, ties by investor, then recipient name. */
export const byFlowOrder = (a: Omit<Flow, "dealIds">, b: Omit<Flow, "dealIds">): number =>
  (a.amount === b.amount ? 0 : a.amount > b.amount ? -1 : 1) ||
  a.investor.name.localeCompare(b.investor.name) ||
  a.recipient.name.localeCompare(b.recipient.name);

export type SankeyNode = { id: string; key: string; name: string; side: "investor" | "recipient" };
export type SankeyLink = { source: number; target: number; amount: bigint; deals: number; dealIds?: number[] };
export type SankeyGraph = { nodes: SankeyNode[]; links: SankeyLink[]; omitted: { flows: number; amount: bigint } };

/**
 * The `limit` largest flows as a Sankey graph. An organization that both invests and receives appears once on each
 * side, so the graph never loops back on itself. The smaller flows left out are counted in `omitted`.
 */
export function sankeyGraph(flows: readonly Flow[], limit: number): SankeyGraph {
  const rest = flows.slice(limit);
  return sankeyOf(flows.slice(0, limit), { flows: rest.length, amount: rest.reduce((s, f) => s + f.amount, 0n) });
}

/** The Sankey graph of the flows `shown` (the largest, in order), with what the others add up to. */
export function sankeyOf(shown: readonly Flow[], omitted: SankeyGraph["omitted"]): SankeyGraph {
  const nodes: SankeyNode[] = [];
  const index = new Map<string, number>();
  const nodeOf = (party: Party, side: SankeyNode["side"]) => {
    const id = `${side}:${party.key}`;
    if (!index.has(id)) {
      index.set(id, nodes.length);
      nodes.push({ id, key: party.key, name: party.name, side });
    }
    return index.get(id) as number;
  };
  // Investors first, then recipients, so node order reads left to right.
  shown.forEach((f) => nodeOf(f.investor, "investor"));
  shown.forEach((f) => nodeOf(f.recipient, "recipient"));
  const links = shown.map((f) => ({
    source: nodeOf(f.investor, "investor"),
    target: nodeOf(f.recipient, "recipient"),
    amount: f.amount,
    deals: f.deals,
    ...(f.dealIds ? { dealIds: f.dealIds } : {}),
  }));
  return { nodes, links, omitted };
}
