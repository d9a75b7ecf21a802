import { describe, expect, it } from "vitest";
import { rankInvestors, rankRecipients } from "@/lib/measures/organization-rankings";
import { measureDeal } from "../support/measure-deal";
import { scenario } from "../support/organization-scenario";

describe("rankInvestors", () => {
  it("ranks named investors by attributed counted capital with their deal counts", () => {
    // Amazon: 100 + 50 + 10 + 0, in 7 deals (1-6 and 8), 4 counted. Cedar: 10 + 0 + 60 in 3 deals. Bravo: 51 + 10,
    // in deals 2, 3 and 8. The unnamed lender of deal 5 is not an organization.
    expect(rankInvestors(scenario)).toEqual([
      { key: "a", name: "Amazon", amount: 160n, deals: 7, countedDeals: 4 },
      { key: "c", name: "Cedar", amount: 70n, deals: 3, countedDeals: 3 },
      { key: "b", name: "Bravo", amount: 61n, deals: 3, countedDeals: 2 },
    ]);
  });
});

describe("rankRecipients", () => {
  it("ranks recipients by counted capital received with their deal counts", () => {
    // Xylo: 100 + 101 (deal 8 terminated). Yarrow: 30 + 0 + 60 (deal 4 in talks). Zinc: a commitment only.
    expect(rankRecipients(scenario)).toEqual([
      { key: "x", name: "Xylo", amount: 201n, deals: 3, countedDeals: 2 },
      { key: "y", name: "Yarrow", amount: 90n, deals: 4, countedDeals: 3 },
      { key: "z", name: "Zinc", amount: 0n, deals: 1, countedDeals: 0 },
    ]);
  });
  it("breaks ties by deal count, then by name", () => {
    const deals = [
      measureDeal({ announcedOn: "2025-01-01", status: "in_talks", recipient: { key: "m", name: "Maple" } }),
      measureDeal({ announcedOn: "2025-01-01", status: "in_talks", recipient: { key: "k", name: "Kite" } }),
      measureDeal({ announcedOn: "2025-01-02", status: "in_talks", recipient: { key: "m", name: "Maple" } }),
      measureDeal({ announcedOn: "2025-01-01", status: "in_talks", recipient: { key: "b", name: "Birch" } }),
    ];
    expect(rankRecipients(deals).map((r) => r.name)).toEqual(["Maple", "Birch", "Kite"]);
  });
});
