import { describe, expect, it } from "vitest";
import { investorShareOfRecipients, investorSharesOfRecipient } from "@/lib/measures/funding-shares";
import { UNDISCLOSED_KEY } from "@/lib/measures/capital";
import { investor, measureDeal } from "../support/measure-deal";
import { scenario } from "../support/organization-scenario";

describe("investorShareOfRecipients", () => {
  it("ranks the recipients by the investor's part and gives its share of all their counted funding", () => {
    const rows = investorShareOfRecipients(scenario, "a");
    // Xylo: deals 1 (100, all A's) and 2 (101, 50 A's) = 201 counted, 150 from A.
    // Yarrow: deals 3 (30, 10 A's), 6 (undisclosed, 0) and 7 (60, C alone) = 90 counted, 10 from A.
    expect(rows.map((r) => [r.key, r.name, r.countedDeals, r.investorAmount, r.recipientTotal])).toEqual([
      ["x", "Xylo", 2, 150n, 201n],
      ["y", "Yarrow", 2, 10n, 90n],
    ]);
    expect(rows[0].share).toBeCloseTo(0.746268657, 8);
    expect(rows[1].share).toBeCloseTo(0.111111111, 8);
  });
  it("has no share where the recipient's counted funding is zero", () => {
    const rows = investorShareOfRecipients([scenario[5]], "a");
    expect(rows).toEqual([{ key: "y", name: "Yarrow", countedDeals: 1, investorAmount: 0n, recipientTotal: 0n, share: null }]);
  });
});

describe("investorSharesOfRecipient", () => {
  it("gives each investor its part of the recipient's counted funding, shares adding up to one", () => {
    const rows = investorSharesOfRecipient(scenario, "y");
    // Yarrow's 90: Cedar 10 + 0 + 60 = 70; Amazon 10 + 0; Bravo 10. Equal amounts rank by name.
    expect(rows.map((r) => [r.name, r.countedDeals, r.amount])).toEqual([
      ["Cedar", 3, 70n],
      ["Amazon", 2, 10n],
      ["Bravo", 1, 10n],
    ]);
    expect(rows[0].share).toBeCloseTo(0.777777778, 8);
    expect(rows[1].share).toBeCloseTo(0.111111111, 8);
    expect(rows[2].share).toBeCloseTo(0.111111111, 8);
  });
  it("keeps unnamed investors as one entry, so the shares still add up to one", () => {
    const w = { key: "w", name: "Willow" };
    const deals = [
      measureDeal({ announcedOn: "2025-01-01", recipient: w, amountUsdLow: 30n, investors: [] }),
      measureDeal({
        announcedOn: "2025-02-01",
        recipient: w,
        amountUsdLow: 10n,
        investors: [investor("a", "Amazon"), investor(UNDISCLOSED_KEY, "Undisclosed buyers")],
      }),
    ];
    // The unnamed parties: 30 + 5 of 40; Amazon 5 of 40.
    expect(investorSharesOfRecipient(deals, "w")).toEqual([
      { key: UNDISCLOSED_KEY, name: "Undisclosed", countedDeals: 2, amount: 35n, share: 0.875 },
      { key: "a", name: "Amazon", countedDeals: 1, amount: 5n, share: 0.125 },
    ]);
  });
  it("names the unnamed parties' entry Undisclosed, whatever label the first one has", () => {
    const w = { key: "w", name: "Willow" };
    const deals = [
      measureDeal({
        announcedOn: "2025-01-01",
        recipient: w,
        amountUsdLow: 30n,
        investors: [investor(UNDISCLOSED_KEY, "Angel investors")],
      }),
      measureDeal({ announcedOn: "2025-02-01", recipient: w, amountUsdLow: 10n, investors: [] }),
    ];
    expect(investorSharesOfRecipient(deals, "w")).toEqual([
      { key: UNDISCLOSED_KEY, name: "Undisclosed", countedDeals: 2, amount: 40n, share: 1 },
    ]);
  });
  it("is empty for a recipient with no counted deal", () => {
    expect(investorSharesOfRecipient(scenario, "z")).toEqual([]);
  });
});
