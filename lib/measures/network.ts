// The network of who funds whom (docs/domain.md, "The network"): organizations as nodes, counted capital as weighted
// edges from investor to recipient, and the circular flows marked: their capital edges, and an edge for the spending
// that comes back from the company to the investor. Built from the flows and the loops the analysis measures
// (flows.ts, circular-flows.ts); nothing here adds money up from deals.
import { UNDISCLOSED_KEY } from "./capital";
import type { CircularFlow } from "./circular-flows";
import type { Flow } from "./flows";

type Party = { key: string; name: string };

export type NetworkNode = Party & {
  /** Counted capital this organization put into the other organizations of the flows read, and received from them. */
  invested: bigint;
  received: bigint;
  /** Whether it is one end of a circular flow drawn. */
  inLoop: boolean;
  /** Whether it is drawn only because a circular flow needs it (it is not among the `size` largest). */
  forLoop: boolean;
};

export type NetworkEdge = {
  source: number;
  target: number;
  amount: bigint;
  /** How many deals make the edge, and (where its flows carry them) which. */
  deals: number;
  dealIds?: number[];
  /** Capital from investor to recipient, or a circular flow's spending back from the company to the investor. */
  kind: "capital" | "spending_back";
  /** Part of a circular flow: a capital edge whose investor and recipient form a loop, or a spending-back edge. */
  loop: boolean;
  /** Who received the spending back (the investor or its divisions: "Microsoft Azure"); empty for capital. */
  via: string[];
};

export type NetworkGraph = {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** The circular flows marked (each has a spending-back edge). */
  loops: number;
  /** Organizations with counted capital in the flows read that are not drawn. */
  omittedNodes: number;
};

/** The flows a network reads: each investor -> recipient pair's counted capital. */
export type NetworkFlow = Pick<Flow, "investor" | "recipient" | "amount" | "deals" | "dealIds">;

const pairKey = (from: string, to: string) => `${from}\u0000${to}`;

/**
 * The `size` organizations with the most counted capital in `flows` (invested plus received; the unnamed investors of
 * undisclosed parties are not an organization and are left out), plus both ends of every loop in `loops` so that every
 * circular flow shown is drawn; the flows between them as capital edges, largest first; each loop's spending back as
 * one edge from the company to the investor (its divisions' commitments included, named in `via`). A loop's capital
 * edge is the flow between its investor and its company; where the flows read lack it (not among the largest, or not
 * counted in this view), the loop's own capital legs make it.
 */
export function networkGraph(flows: readonly NetworkFlow[], loops: readonly CircularFlow[], size: number): NetworkGraph {
  const totals = new Map<string, { party: Party; invested: bigint; received: bigint }>();
  const totalOf = (party: Party) => {
    let t = totals.get(party.key);
    if (!t) totals.set(party.key, (t = { party, invested: 0n, received: 0n }));
    return t;
  };
  for (const f of flows) {
    if (f.investor.key !== UNDISCLOSED_KEY) totalOf(f.investor).invested += f.amount;
    if (f.recipient.key !== UNDISCLOSED_KEY) totalOf(f.recipient).received += f.amount;
  }
  const ranked = [...totals.values()]
    .filter((t) => t.invested + t.received > 0n)
    .sort((a, b) => {
      const [x, y] = [a.invested + a.received, b.invested + b.received];
      return (x === y ? 0 : x > y ? -1 : 1) || a.party.name.localeCompare(b.party.name) || a.party.key.localeCompare(b.party.key);
    });

  const nodes: NetworkNode[] = [];
  const index = new Map<string, number>();
  const add = (party: Party, forLoop: boolean) => {
    if (index.has(party.key)) return index.get(party.key) as number;
    const t = totals.get(party.key);
    index.set(party.key, nodes.length);
    nodes.push({ ...party, invested: t?.invested ?? 0n, received: t?.received ?? 0n, inLoop: false, forLoop });
    return nodes.length - 1;
  };
  for (const t of ranked.slice(0, size)) add(t.party, false);

  // Each loop's capital pairs (a division's leg is its own pair) and its ends.
  const loopPairs = new Map<string, { from: Party; to: Party; amount: bigint; dealIds: Set<number> }>();
  for (const loop of loops) {
    for (const leg of loop.moneyIn) {
      const key = pairKey(leg.from.key, leg.to.key);
      const pair = loopPairs.get(key) ?? { from: leg.from, to: leg.to, amount: 0n, dealIds: new Set<number>() };
      pair.amount += leg.amount;
      pair.dealIds.add(leg.dealId);
      loopPairs.set(key, pair);
      nodes[add(leg.from, true)].inLoop = true;
      nodes[add(leg.to, true)].inLoop = true;
    }
    nodes[add(loop.investor, true)].inLoop = true;
    nodes[add(loop.company, true)].inLoop = true;
  }

  const edges: NetworkEdge[] = [];
  const drawn = new Set<string>();
  for (const f of flows) {
    const [source, target] = [index.get(f.investor.key), index.get(f.recipient.key)];
    if (source === undefined || target === undefined) continue;
    const key = pairKey(f.investor.key, f.recipient.key);
    drawn.add(key);
    const dealIds = f.dealIds ? { dealIds: [...f.dealIds] } : {};
    edges.push({ source, target, amount: f.amount, deals: f.deals, ...dealIds, kind: "capital", loop: loopPairs.has(key), via: [] });
  }
  for (const [key, pair] of loopPairs) {
    if (drawn.has(key)) continue;
    const [source, target] = [index.get(pair.from.key) as number, index.get(pair.to.key) as number];
    edges.push({
      source,
      target,
      amount: pair.amount,
      deals: pair.dealIds.size,
      dealIds: [...pair.dealIds],
      kind: "capital",
      loop: true,
      via: [],
    });
  }
  for (const loop of loops) {
    const via = [...new Set(loop.moneyBack.map((l) => l.to.name))];
    edges.push({
      source: index.get(loop.company.key) as number,
      target: index.get(loop.investor.key) as number,
      amount: loop.backTotal,
      deals: new Set(loop.moneyBack.map((l) => l.dealId)).size,
      dealIds: [...new Set(loop.moneyBack.map((l) => l.dealId))],
      kind: "spending_back",
      loop: true,
      via,
    });
  }
  edges.sort(
    (a, b) =>
      (a.amount === b.amount ? 0 : a.amount > b.amount ? -1 : 1) ||
      nodes[a.source].name.localeCompare(nodes[b.source].name) ||
      nodes[a.target].name.localeCompare(nodes[b.target].name) ||
      a.kind.localeCompare(b.kind),
  );
  const omittedNodes = ranked.filter((t) => !index.has(t.party.key)).length;
  return { nodes, edges, loops: loops.length, omittedNodes };
}
