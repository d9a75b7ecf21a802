// A company's round blocks: every participant with its amount, or, when the round reports no participant's amount,
// the names alone and that said once.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RoundList } from "@/components/organizations/round-list";
import type { RoundView } from "@/lib/data/rounds";

function round(key: string, amounts: (bigint | null)[]): RoundView {
  return {
    id: null,
    key,
    name: `Round ${key}`,
    date: "2026-02-27",
    total: null,
    countedUsd: 0n,
    counted: false,
    postMoneyValuationUsd: null,
    leads: [],
    participants: amounts.map((amountUsd, i) => ({
      slug: `fund-${i}`,
      name: `Fund ${i}`,
      role: i === 0 ? "lead" : "participant",
      amountUsd,
    })),
    deals: [],
  };
}

const items = (markup: string, label: string) =>
  [...(markup.match(new RegExp(`<ul aria-label="${label}"[^>]*>(.*?)</ul>`))?.[1] ?? "").matchAll(/<li>(.*?)<\/li>/g)].map((m) =>
    m[1].replace(/<[^>]+>/g, ""),
  );

describe("a company's round blocks", () => {
  it("give each participant its amount, Not reported where one is missing", () => {
    const markup = renderToStaticMarkup(createElement(RoundList, { rounds: [round("a", [5_000_000n, null])], asOf: null }));
    expect(items(markup, "Participants and their amounts")).toEqual(["Fund 0 (lead): $5M", "Fund 1: Not reported"]);
    expect(markup).not.toContain("No participant’s amount reported.");
  });

  it("name the participants alone and say once that no amount is reported when none is", () => {
    const markup = renderToStaticMarkup(createElement(RoundList, { rounds: [round("b", [null, null, null])], asOf: null }));
    expect(items(markup, "Participants")).toEqual(["Fund 0 (lead)", "Fund 1", "Fund 2"]);
    expect(markup).not.toContain("Not reported</li>");
    expect(markup.split("No participant’s amount reported.").length - 1).toBe(1);
  });
});
