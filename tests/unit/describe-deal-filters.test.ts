import { describe, expect, it } from "vitest";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { describeDealFilters } from "@/lib/filters/describe-deal-filters";

const names: Record<string, string> = { amazon: "Amazon", google: "Google", openai: "OpenAI" };
const describeQuery = (query: string) => describeDealFilters(parseDealFilters(new URLSearchParams(query)).filters, (slug) => names[slug]);

describe("describeDealFilters", () => {
  it("says nothing when nothing is filtered", () => {
    expect(describeQuery("sort=amount_desc&page=2")).toEqual([]);
  });

  it("names each active filter in words, with organization names", () => {
    expect(
      describeQuery(
        "investor=amazon&recipient=openai&kind=equity&status=closed&from=2024-01-01&to=2024-12-31&min=1000000000&max=25000000000&q=tranche",
      ).map((f) => f.label),
    ).toEqual([
      "Investor: Amazon",
      "Recipient: OpenAI",
      "Kind: Equity",
      "Status: Closed",
      "From 1 Jan 2024",
      "To 31 Dec 2024",
      "At least $1B",
      "At most $25B",
      "Text: “tranche”",
    ]);
  });

  it("falls back to the slug when no organization has it", () => {
    expect(describeQuery("investor=nobody").map((f) => f.label)).toEqual(["Investor: nobody"]);
  });

  it("removes one value of a repeated filter and keeps the others", () => {
    const [amazon, google] = describeQuery("investor=amazon&investor=google");
    expect(amazon.remove).toEqual({ investors: ["google"] });
    expect(google.remove).toEqual({ investors: ["amazon"] });
  });
});
