import { describe, expect, it } from "vitest";
import { coInvestorsOf } from "@/lib/measures/co-investors";
import type { DealRound } from "@/lib/measures/funding-rounds";
import { scenario } from "../support/organization-scenario";

const rounds = (rows: ReturnType<typeof coInvestorsOf>) =>
  rows.map((r) => ({ key: r.key, name: r.name, dealIds: r.rounds.map((s) => s.dealIds) }));

describe("coInvestorsOf", () => {
  it("lists the rounds of any kind and status shared with each other named investor", () => {
    // Amazon is with Bravo in deals 2, 3 and 8 (terminated), with Cedar in 3 and 6; the unnamed lender of 5 is left out.
    const [d2, d3, d6, d8] = [scenario[1], scenario[2], scenario[5], scenario[7]].map((d) => d.id);
    expect(rounds(coInvestorsOf(scenario, "a"))).toEqual([
      { key: "b", name: "Bravo", dealIds: [[d8], [d2], [d3]] },
      { key: "c", name: "Cedar", dealIds: [[d3], [d6]] },
    ]);
  });
  it("makes investors in different deals of one round co-investors, once per round", () => {
    // Deal 7 (Cedar alone) and deal 1 (Amazon alone) become parts of one round: Amazon and Cedar share it.
    const round: DealRound = { id: 1, key: "joint", name: "Joint round", announcedOn: "2024-02-10" };
    const deals = scenario.map((d, i) => (i === 0 || i === 6 ? { ...d, round } : d));
    const cedar = coInvestorsOf(deals, "a").find((r) => r.key === "c");
    expect(cedar?.rounds.map((r) => [r.key, r.name, r.date, r.dealIds])).toEqual([
      ["joint", "Joint round", "2024-02-10", [scenario[0].id, scenario[6].id]],
      [null, null, "2024-08-01", [scenario[2].id]],
      [null, null, "2026-01-15", [scenario[5].id]],
    ]);
  });
  it("is empty for an investor who only invests alone or not at all", () => {
    expect(coInvestorsOf([scenario[0]], "a")).toEqual([]);
    expect(coInvestorsOf(scenario, "nobody")).toEqual([]);
  });
});
