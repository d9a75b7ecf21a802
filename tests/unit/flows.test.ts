import { describe, expect, it } from "vitest";
import { UNDISCLOSED_KEY } from "@/lib/measures/capital";
import { capitalFlows, sankeyGraph } from "@/lib/measures/flows";
import { investor, measureDeal, org } from "../support/analysis-deal";

const openai = org("openai", "OpenAI");
const deals = [
  measureDeal({ id: 1, announcedOn: "2023-01-23", amountUsdLow: 10n, recipient: openai, investors: [investor("microsoft", "Microsoft")] }),
  measureDeal({ id: 2, announcedOn: "2024-01-01", amountUsdLow: 5n, recipient: openai, investors: [investor("microsoft", "Microsoft")] }),
  measureDeal({
    id: 3,
    announcedOn: "2024-10-02",
    amountUsdLow: 100n,
    recipient: openai,
    investors: [investor("thrive", "Thrive Capital"), investor("microsoft", "Microsoft")],
  }),
  measureDeal({
    id: 4,
    announcedOn: "2024-11-22",
    amountUsdLow: 8n,
    recipient: org("anthropic", "Anthropic"),
    investors: [investor("amazon", "Amazon")],
  }),
  measureDeal({
    id: 5,
    announcedOn: "2025-01-01",
    amountQualifier: "undisclosed",
    recipient: openai,
    investors: [investor("microsoft", "Microsoft")],
  }),
  measureDeal({
    id: 6,
    announcedOn: "2025-03-10",
    amountUsdLow: 900n,
    kind: "compute_commitment",
    recipient: org("coreweave", "CoreWeave"),
    investors: [investor("openai", "OpenAI")],
  }),
];

describe("capitalFlows", () => {
  it("adds each investor's part of each counted deal per investor -> recipient pair, largest first", () => {
    const { flows, undisclosedDeals } = capitalFlows(deals);
    // Microsoft -> OpenAI: 10 + 5 + half of 100 = 65. Thrive: the other half. The compute deal is not capital.
    expect(flows.map((f) => [f.investor.name, f.recipient.name, f.amount, f.dealIds])).toEqual([
      ["Microsoft", "OpenAI", 65n, [1, 2, 3]],
      ["Thrive Capital", "OpenAI", 50n, [3]],
      ["Amazon", "Anthropic", 8n, [4]],
    ]);
    expect(undisclosedDeals).toBe(1);
  });

  it("adds commitments when the counting rule switches them in", () => {
    const { flows } = capitalFlows(deals, { kinds: ["equity", "compute_commitment"], includePipeline: false });
    expect(flows[0]).toMatchObject({ investor: { key: "openai" }, recipient: { key: "coreweave" }, amount: 900n });
  });
});

describe("sankeyGraph", () => {
  it("draws the largest flows and counts the rest", () => {
    const graph = sankeyGraph(capitalFlows(deals).flows, 2);
    expect(graph.nodes.map((n) => n.id)).toEqual(["investor:microsoft", "investor:thrive", "recipient:openai"]);
    expect(graph.links.map((l) => [l.source, l.target, l.amount])).toEqual([
      [0, 2, 65n],
      [1, 2, 50n],
    ]);
    expect(graph.omitted).toEqual({ flows: 1, amount: 8n });
  });

  it("puts an organization that invests and receives on both sides, so the graph has no cycle", () => {
    const both = capitalFlows([
      ...deals,
      measureDeal({
        id: 7,
        announcedOn: "2025-03-10",
        amountUsdLow: 35n,
        recipient: org("coreweave", "CoreWeave"),
        investors: [investor("openai", "OpenAI")],
      }),
    ]);
    const graph = sankeyGraph(both.flows, 10);
    expect(graph.nodes.filter((n) => n.key === "openai").map((n) => n.id)).toEqual(["investor:openai", "recipient:openai"]);
    for (const link of graph.links) expect(graph.nodes[link.source].side).toBe("investor");
  });
});

describe("capitalFlows with unnamed investors", () => {
  it("gathers unnamed parties of different deals into one 'Undisclosed investors' flow per recipient", () => {
    const { flows } = capitalFlows([
      measureDeal({
        announcedOn: "2024-05-01",
        amountUsdLow: 6n,
        recipient: org("xai", "xAI"),
        investors: [investor(UNDISCLOSED_KEY, "Undisclosed investor group")],
      }),
      measureDeal({
        announcedOn: "2025-06-30",
        amountUsdLow: 5n,
        recipient: org("xai", "xAI"),
        investors: [investor(UNDISCLOSED_KEY, "Undisclosed strategic investors")],
      }),
    ]);
    expect(flows.map((f) => [f.investor.name, f.amount])).toEqual([["Undisclosed investors", 11n]]);
  });
});
