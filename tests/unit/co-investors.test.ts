import { describe, expect, it } from "vitest";
import { coInvestorsOf } from "@/lib/measures/co-investors";
import { scenario } from "../support/organization-scenario";

describe("coInvestorsOf", () => {
  it("counts the deals of any kind and status shared with each other named investor", () => {
    // Amazon is with Bravo in deals 2, 3 and 8 (terminated), with Cedar in 3 and 6; the unnamed lender of 5 is left out.
    expect(coInvestorsOf(scenario, "a")).toEqual([
      { key: "b", name: "Bravo", deals: 3 },
      { key: "c", name: "Cedar", deals: 2 },
    ]);
  });
  it("is empty for an investor who only invests alone or not at all", () => {
    expect(coInvestorsOf([scenario[0]], "a")).toEqual([]);
    expect(coInvestorsOf(scenario, "nobody")).toEqual([]);
  });
});
