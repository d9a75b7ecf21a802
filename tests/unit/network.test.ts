import { describe, expect, it } from "vitest";
import { layoutNetwork, NETWORK_HEIGHT, NETWORK_WIDTH, placeLabels, simulateLayout } from "@/components/charts/network-layout";
import { capitalFlows } from "@/lib/measures/flows";
import { findCircularFlows } from "@/lib/measures/circular-flows";
import { networkGraph } from "@/lib/measures/network";
import { directoryOf, investor, measureDeal, org } from "../support/analysis-deal";

const directory = directoryOf([
  ["microsoft", "Microsoft", null],
  ["azure", "Microsoft Azure", "microsoft"],
  ["openai", "OpenAI", null],
  ["thrive", "Thrive Capital", null],
  ["mistral", "Mistral AI", null],
  ["tiny", "Tiny Fund", null],
  ["nvidia", "Nvidia", null],
  ["tml", "Thinking Machines Lab", null],
]);
const equity = (id: number, from: string, to: string, amount: bigint) =>
  measureDeal({
    id,
    announcedOn: "2025-01-01",
    amountUsdLow: amount,
    investors: [investor(from, directory.get(from)?.name)],
    recipient: org(to, directory.get(to)?.name),
  });
const compute = (id: number, payer: string, supplier: string, amount: bigint) =>
  measureDeal({
    id,
    announcedOn: "2025-06-01",
    kind: "compute_commitment",
    amountUsdLow: amount,
    investors: [investor(payer, directory.get(payer)?.name)],
    recipient: org(supplier, directory.get(supplier)?.name),
  });

const deals = [
  equity(1, "microsoft", "openai", 13_000n),
  equity(2, "thrive", "openai", 6_000n),
  equity(3, "thrive", "mistral", 2_000n),
  equity(4, "tiny", "mistral", 10n),
  equity(5, "nvidia", "tml", 5n),
  compute(6, "openai", "azure", 250_000n),
  compute(7, "tml", "nvidia", 7n),
];
const { flows } = capitalFlows(deals);
const loops = findCircularFlows(deals, directory, { includePipeline: false });

describe("networkGraph", () => {
  it("draws the largest organizations by capital invested plus received, and the flows between them", () => {
    const graph = networkGraph(flows, [], 3);
    expect(graph.nodes.map((n) => [n.name, n.invested, n.received])).toEqual([
      ["OpenAI", 0n, 19_000n],
      ["Microsoft", 13_000n, 0n],
      ["Thrive Capital", 8_000n, 0n],
    ]);
    expect(graph.edges.map((e) => [graph.nodes[e.source].name, graph.nodes[e.target].name, e.amount, e.kind, e.loop])).toEqual([
      ["Microsoft", "OpenAI", 13_000n, "capital", false],
      ["Thrive Capital", "OpenAI", 6_000n, "capital", false],
    ]);
    // Mistral, Tiny Fund, Nvidia and Thinking Machines Lab have capital but are not drawn.
    expect(graph.omittedNodes).toBe(4);
  });

  it("marks every circular flow: its capital edge and a spending-back edge to the investor, adding its ends when they are smaller", () => {
    expect(loops).toHaveLength(2);
    const graph = networkGraph(flows, loops, 3);
    expect(graph.loops).toBe(2);
    const marked = graph.edges
      .filter((e) => e.loop)
      .map((e) => [graph.nodes[e.source].name, graph.nodes[e.target].name, e.kind, e.amount, e.via]);
    expect(marked).toEqual([
      ["OpenAI", "Microsoft", "spending_back", 250_000n, ["Microsoft Azure"]],
      ["Microsoft", "OpenAI", "capital", 13_000n, []],
      ["Thinking Machines Lab", "Nvidia", "spending_back", 7n, ["Nvidia"]],
      ["Nvidia", "Thinking Machines Lab", "capital", 5n, []],
    ]);
    expect(graph.nodes.filter((n) => n.forLoop).map((n) => n.name)).toEqual(["Nvidia", "Thinking Machines Lab"]);
    expect(graph.nodes.filter((n) => n.inLoop).map((n) => n.name)).toEqual(["OpenAI", "Microsoft", "Nvidia", "Thinking Machines Lab"]);
  });

  it("leaves the unnamed investors out: they are not an organization", () => {
    const withUndisclosed = capitalFlows([
      ...deals,
      measureDeal({ id: 9, announcedOn: "2025-02-01", amountUsdLow: 1_000_000n, investors: [], recipient: org("mistral", "Mistral AI") }),
    ]).flows;
    expect(networkGraph(withUndisclosed, [], 10).nodes.map((n) => n.key)).not.toContain("(undisclosed)");
  });
});

describe("layoutNetwork", () => {
  const graph = networkGraph(flows, loops, 10);
  const input = graph.nodes.map((n) => ({ weight: Number(n.invested + n.received), label: n.name }));
  const edges = graph.edges.map((e) => ({ source: e.source, target: e.target, weight: Number(e.amount) }));

  it("places the same data the same way every time, inside the drawing", () => {
    // Two simulations from scratch (layoutNetwork keeps the last ones computed), and the kept one.
    const placed = simulateLayout(input, edges);
    expect(simulateLayout(input, edges)).toEqual(placed);
    expect(layoutNetwork(input, edges)).toEqual(placed);
    for (const p of placed) {
      expect(p.x - p.r).toBeGreaterThanOrEqual(0);
      expect(p.x + p.r).toBeLessThanOrEqual(NETWORK_WIDTH);
      expect(p.y - p.r).toBeGreaterThanOrEqual(0);
      expect(p.y + p.r).toBeLessThanOrEqual(NETWORK_HEIGHT);
    }
  });

  it("finds a free side for every label of a small network", () => {
    const placed = layoutNetwork(input, edges);
    const labels = placeLabels(input, placed);
    expect(labels.filter(Boolean).length).toBe(input.length);
  });
});
