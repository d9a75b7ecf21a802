import { describe, expect, it } from "vitest";
import { attributedAmount, investorCapital, investorCapitalByPeriod } from "@/lib/measures/investor-capital";
import { scenario } from "../support/organization-scenario";

const [roundWithBravo, upTo, inTalks, , undisclosed, , terminated] = scenario.slice(1);

describe("attributedAmount", () => {
  it("gives the investor its equal part, odd dollars to the first listed", () => {
    expect(attributedAmount(roundWithBravo, "a")).toBe(50n);
    expect(attributedAmount(roundWithBravo, "b")).toBe(51n);
    expect(attributedAmount(upTo, "c")).toBe(10n);
  });
  it("is zero for a counted deal of undisclosed amount, and null for deals that do not count or without the investor", () => {
    expect(attributedAmount(undisclosed, "a")).toBe(0n);
    expect(attributedAmount(inTalks, "a")).toBeNull();
    expect(attributedAmount(terminated, "a")).toBeNull();
    expect(attributedAmount(scenario[4], "a")).toBeNull();
    expect(attributedAmount(roundWithBravo, "c")).toBeNull();
  });
});

describe("investorCapital", () => {
  it("adds the investor's parts of counted deals and says what it holds", () => {
    // 100 + 50 + 10 + 0 over deals 1, 2, 3 and 6; 10 of it from the "up to" deal 3.
    expect(investorCapital(scenario, "a")).toEqual({ total: 160n, countedDeals: 4, undisclosedDeals: 1, upperBoundPart: 10n });
    // Deals 2 (51) and 3 (10); deal 8 is terminated.
    expect(investorCapital(scenario, "b")).toEqual({ total: 61n, countedDeals: 2, undisclosedDeals: 0, upperBoundPart: 10n });
  });
  it("is zero for an investor in no counted deal", () => {
    expect(investorCapital(scenario, "nobody")).toEqual({ total: 0n, countedDeals: 0, undisclosedDeals: 0, upperBoundPart: 0n });
  });
});

describe("investorCapitalByPeriod", () => {
  it("splits the investor's part by year and kind, keeping the empty year between", () => {
    expect(investorCapitalByPeriod(scenario, "a", { grain: "year" })).toEqual([
      { period: "2024", total: 160n, byKey: { equity: 110n, convertible: 50n } },
      { period: "2025", total: 0n, byKey: {} },
      { period: "2026", total: 0n, byKey: { equity: 0n } },
    ]);
  });
  it("splits by quarter from the first counted quarter to the last", () => {
    const quarters = investorCapitalByPeriod(scenario, "a", { grain: "quarter" });
    expect(quarters.map((q) => q.period)).toEqual([
      "2024-Q1",
      "2024-Q2",
      "2024-Q3",
      "2024-Q4",
      "2025-Q1",
      "2025-Q2",
      "2025-Q3",
      "2025-Q4",
      "2026-Q1",
    ]);
    expect(quarters.slice(0, 3).map((q) => q.total)).toEqual([100n, 50n, 10n]);
  });
  it("is empty for an investor with no counted deal", () => {
    expect(investorCapitalByPeriod(scenario, "nobody", { grain: "year" })).toEqual([]);
  });
});
