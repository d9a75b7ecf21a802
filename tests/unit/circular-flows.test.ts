import { describe, expect, it } from "vitest";
import { findCircularFlows, loopsInvolving } from "@/lib/measures/circular-flows";
import { directoryOf, investor, measureDeal, org } from "../support/analysis-deal";

const directory = directoryOf([
  ["microsoft", "Microsoft", null],
  ["azure", "Microsoft Azure", "microsoft"],
  ["amazon", "Amazon", null],
  ["aws", "AWS", "amazon"],
  ["openai", "OpenAI", null],
  ["anthropic", "Anthropic", null],
  ["coreweave", "CoreWeave", null],
  ["oracle", "Oracle", null],
  ["thrive", "Thrive Capital", null],
  ["softbank", "SoftBank", null],
]);
const compute = (announcedOn: string, payer: string, supplier: string, amount: bigint | null, extra = {}) =>
  measureDeal({
    announcedOn,
    kind: "compute_commitment",
    status: "announced",
    amountUsdLow: amount,
    investors: [investor(payer, directory.get(payer)?.name)],
    recipient: org(supplier, directory.get(supplier)?.name),
    ...extra,
  });

describe("findCircularFlows", () => {
  it("finds Microsoft -> OpenAI -> Azure through Azure's parent, with both legs and the ratio back to in", () => {
    const deals = [
      measureDeal({ id: 1, announcedOn: "2023-01-23", amountUsdLow: 10n, investors: [investor("microsoft", "Microsoft")] }),
      compute("2025-10-28", "openai", "azure", 250n, { id: 2 }),
    ];
    const [loop, ...others] = findCircularFlows(deals, directory, { includePipeline: false });
    expect(others).toEqual([]);
    expect(loop.investor).toEqual({ key: "microsoft", name: "Microsoft" });
    expect(loop.company).toEqual({ key: "openai", name: "OpenAI" });
    expect(loop.moneyIn.map((l) => [l.dealId, l.from.name, l.to.name, l.amount])).toEqual([[1, "Microsoft", "OpenAI", 10n]]);
    expect(loop.moneyBack.map((l) => [l.dealId, l.from.name, l.to.name, l.amount, l.status])).toEqual([
      [2, "OpenAI", "Microsoft Azure", 250n, "announced"],
    ]);
    expect([loop.inTotal, loop.backTotal, loop.backToIn]).toEqual([10n, 250n, 25]);
  });

  it("links divisions only through the parent relation, never by similar names", () => {
    const deals = [
      measureDeal({ announcedOn: "2026-02-27", amountUsdLow: 15n, investors: [investor("amazon", "Amazon")] }),
      compute("2026-02-27", "openai", "aws", 100n),
    ];
    expect(findCircularFlows(deals, directory, { includePipeline: false })).toHaveLength(1);
    const unlinked = new Map(directory);
    unlinked.set("aws", { name: "AWS", parentKey: null });
    expect(findCircularFlows(deals, unlinked, { includePipeline: false })).toEqual([]);
  });

  it("counts only the pair's part of a shared round and of a shared commitment", () => {
    const deals = [
      measureDeal({
        announcedOn: "2024-10-02",
        amountUsdLow: 100n,
        investors: [investor("thrive", "Thrive Capital"), investor("oracle", "Oracle")],
      }),
      measureDeal({
        announcedOn: "2025-01-21",
        kind: "compute_commitment",
        status: "announced",
        amountUsdLow: 60n,
        investors: [investor("openai", "OpenAI"), investor("softbank", "SoftBank"), investor("anthropic", "Anthropic")],
        recipient: org("oracle", "Oracle"),
      }),
    ];
    const [loop] = findCircularFlows(deals, directory, { includePipeline: false });
    // Oracle put in half of 100; OpenAI's third of the 60 commitment comes back.
    expect([loop.investor.key, loop.company.key, loop.inTotal, loop.backTotal, loop.backToIn]).toEqual(["oracle", "openai", 50n, 20n, 0.4]);
  });

  it("is no loop when both deals go the same way (OpenAI invests in CoreWeave and buys from it)", () => {
    const deals = [
      measureDeal({
        announcedOn: "2025-03-10",
        amountUsdLow: 35n,
        investors: [investor("openai", "OpenAI")],
        recipient: org("coreweave", "CoreWeave"),
      }),
      compute("2025-03-10", "openai", "coreweave", 119n),
    ];
    expect(findCircularFlows(deals, directory, { includePipeline: false })).toEqual([]);
  });

  it("never uses terminated legs, and rumored or in-talks legs only under the pipeline switch", () => {
    const deals = [
      measureDeal({
        announcedOn: "2026-04-20",
        amountUsdLow: 5n,
        recipient: org("anthropic", "Anthropic"),
        investors: [investor("amazon", "Amazon")],
      }),
      compute("2026-05-05", "anthropic", "aws", 200n, { status: "rumored" }),
      compute("2026-05-06", "anthropic", "aws", 999n, { status: "terminated" }),
    ];
    expect(findCircularFlows(deals, directory, { includePipeline: false })).toEqual([]);
    const [loop] = findCircularFlows(deals, directory, { includePipeline: true });
    expect(loop.moneyBack.map((l) => l.amount)).toEqual([200n]);
  });

  it("keeps a loop whose spending is undisclosed, with no ratio", () => {
    const deals = [
      measureDeal({ announcedOn: "2025-01-01", amountUsdLow: 5n, investors: [investor("amazon", "Amazon")] }),
      compute("2025-02-01", "openai", "aws", null, { amountQualifier: "undisclosed" }),
    ];
    const [loop] = findCircularFlows(deals, directory, { includePipeline: false });
    expect([loop.inTotal, loop.backTotal, loop.backToIn, loop.moneyBack[0].basis]).toEqual([5n, 0n, null, "undisclosed"]);
  });

  it("lists each side's legs by deal date and id, a deal's legs by payer, whatever order the deals come in", () => {
    const deals = [
      compute("2025-10-28", "openai", "azure", 250n, { id: 9 }),
      // Azure listed before Microsoft in one round: both are Microsoft's legs, by slug.
      measureDeal({
        id: 7,
        announcedOn: "2024-03-01",
        amountUsdLow: 20n,
        investors: [investor("microsoft", "Microsoft"), investor("azure", "Microsoft Azure")].reverse(),
      }),
      measureDeal({ id: 3, announcedOn: "2024-03-01", amountUsdLow: 6n, investors: [investor("microsoft", "Microsoft")] }),
      measureDeal({ id: 5, announcedOn: "2023-01-23", amountUsdLow: 10n, investors: [investor("microsoft", "Microsoft")] }),
    ];
    const [loop] = findCircularFlows(deals, directory, { includePipeline: false });
    expect(loop.moneyIn.map((l) => [l.dealId, l.from.key, l.amount])).toEqual([
      [5, "microsoft", 10n],
      [3, "microsoft", 6n],
      [7, "azure", 10n],
      [7, "microsoft", 10n],
    ]);
  });

  it("orders loops by money back, and picks them by investor (a division names its company) or company", () => {
    const deals = [
      measureDeal({ announcedOn: "2023-01-23", amountUsdLow: 10n, investors: [investor("microsoft", "Microsoft")] }),
      compute("2025-10-28", "openai", "azure", 250n),
      measureDeal({ announcedOn: "2026-02-27", amountUsdLow: 50n, investors: [investor("amazon", "Amazon")] }),
      compute("2026-02-27", "openai", "aws", 138n),
      measureDeal({
        announcedOn: "2024-11-22",
        amountUsdLow: 8n,
        recipient: org("anthropic", "Anthropic"),
        investors: [investor("amazon", "Amazon")],
      }),
      compute("2026-04-20", "anthropic", "aws", 100n),
    ];
    const loops = findCircularFlows(deals, directory, { includePipeline: false });
    const pairs = (list: typeof loops) => list.map((l) => `${l.investor.key}>${l.company.key}`);
    expect(pairs(loops)).toEqual(["microsoft>openai", "amazon>openai", "amazon>anthropic"]);
    expect(pairs(loopsInvolving(loops, { investors: ["aws"], recipient: null }, directory))).toEqual(["amazon>openai", "amazon>anthropic"]);
    expect(pairs(loopsInvolving(loops, { investors: [], recipient: "openai" }, directory))).toEqual(["microsoft>openai", "amazon>openai"]);
  });
});
