import { describe, expect, it } from "vitest";
import { fundingRounds, groupIntoRounds, type DealRound, type RoundInput } from "@/lib/measures/funding-rounds";

let nextId = 1;
const deal = (announcedOn: string, partial: Partial<RoundInput>): RoundInput => ({
  id: nextId++,
  announcedOn,
  kind: "equity",
  status: "closed",
  amountUsdLow: null,
  amountUsdHigh: null,
  postMoneyValuationUsd: null,
  ...partial,
});
const mega: DealRound = { id: 7, key: "2025-mega", name: "Mega round", announcedOn: "2025-05-05" };

describe("fundingRounds", () => {
  it("adds a round's parts and tranches, keeps the valuation reported with them, and leaves out what does not count", () => {
    const deals = [
      deal("2025-05-05", { amountUsdLow: 10n, postMoneyValuationUsd: 3000n, round: mega }),
      deal("2024-01-10", { amountUsdLow: 100n, postMoneyValuationUsd: 1000n }),
      deal("2024-01-10", { kind: "convertible", status: "announced", amountUsdLow: 50n }),
      deal("2024-06-01", { postMoneyValuationUsd: 2000n }),
      deal("2024-09-01", { status: "in_talks", amountUsdLow: 999n, postMoneyValuationUsd: 5000n }),
      deal("2025-01-01", { kind: "compute_commitment", amountUsdLow: 300n }),
      deal("2025-02-02", { status: "terminated", amountUsdLow: 70n }),
      deal("2025-03-03", { status: "announced", amountUsdHigh: 40n }),
      // A later tranche of the same round: one round, dated by the round.
      deal("2025-09-09", { amountUsdLow: 20n, postMoneyValuationUsd: 3500n, round: mega }),
    ];
    expect(fundingRounds(deals)).toEqual([
      // Two deals of the same day without a Round are two rounds.
      { date: "2024-01-10", name: null, amount: 100n, deals: 1, undisclosedDeals: 0, postMoneyValuation: 1000n },
      { date: "2024-01-10", name: null, amount: 50n, deals: 1, undisclosedDeals: 0, postMoneyValuation: null },
      { date: "2024-06-01", name: null, amount: 0n, deals: 1, undisclosedDeals: 1, postMoneyValuation: 2000n },
      { date: "2025-03-03", name: null, amount: 40n, deals: 1, undisclosedDeals: 0, postMoneyValuation: null },
      { date: "2025-05-05", name: "Mega round", amount: 30n, deals: 2, undisclosedDeals: 0, postMoneyValuation: 3500n },
    ]);
  });
  it("is empty when nothing counts", () => {
    expect(fundingRounds([deal("2025-01-01", { status: "rumored", amountUsdLow: 5n })])).toEqual([]);
  });
});

describe("groupIntoRounds", () => {
  it("keeps a deal without a round as a round of its own and orders rounds by date", () => {
    const a = deal("2025-06-01", { round: mega });
    const b = deal("2025-01-01", {});
    const c = deal("2025-05-05", { round: mega });
    expect(groupIntoRounds([a, b, c]).map((g) => [g.key, g.date, g.deals.map((d) => d.id)])).toEqual([
      [`deal:${b.id}`, "2025-01-01", [b.id]],
      ["round:7", "2025-05-05", [a.id, c.id]],
    ]);
  });
});
