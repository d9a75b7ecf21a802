import { describe, expect, it } from "vitest";
import { fundingRoundsByDate, type RoundInput } from "@/lib/measures/funding-rounds";

const round = (announcedOn: string, partial: Partial<RoundInput>): RoundInput => ({
  announcedOn,
  kind: "equity",
  status: "closed",
  amountUsdLow: null,
  amountUsdHigh: null,
  postMoneyValuationUsd: null,
  ...partial,
});

describe("fundingRoundsByDate", () => {
  it("adds same-day tranches, keeps the valuation reported with them, and leaves out what does not count", () => {
    const deals = [
      round("2025-05-05", { amountUsdLow: 10n, postMoneyValuationUsd: 3000n }),
      round("2024-01-10", { amountUsdLow: 100n, postMoneyValuationUsd: 1000n }),
      round("2024-01-10", { kind: "convertible", status: "announced", amountUsdLow: 50n }),
      round("2024-06-01", { postMoneyValuationUsd: 2000n }),
      round("2024-09-01", { status: "in_talks", amountUsdLow: 999n, postMoneyValuationUsd: 5000n }),
      round("2025-01-01", { kind: "compute_commitment", amountUsdLow: 300n }),
      round("2025-02-02", { status: "terminated", amountUsdLow: 70n }),
      round("2025-03-03", { status: "announced", amountUsdHigh: 40n }),
      round("2025-05-05", { amountUsdLow: 20n, postMoneyValuationUsd: 3500n }),
    ];
    expect(fundingRoundsByDate(deals)).toEqual([
      { date: "2024-01-10", amount: 150n, deals: 2, undisclosedDeals: 0, postMoneyValuation: 1000n },
      { date: "2024-06-01", amount: 0n, deals: 1, undisclosedDeals: 1, postMoneyValuation: 2000n },
      { date: "2025-03-03", amount: 40n, deals: 1, undisclosedDeals: 0, postMoneyValuation: null },
      { date: "2025-05-05", amount: 30n, deals: 2, undisclosedDeals: 0, postMoneyValuation: 3500n },
    ]);
  });
  it("is empty when nothing counts", () => {
    expect(fundingRoundsByDate([round("2025-01-01", { status: "rumored", amountUsdLow: 5n })])).toEqual([]);
  });
});
