import { describe, expect, it } from "vitest";
import { capitalByInvestor, capitalCounted, countedAmount } from "@/lib/measures/capital";
import { concentrationSeries } from "@/lib/measures/concentration";
import { excludeOrganizations } from "@/lib/measures/exclusion";
import { withDivisions } from "@/lib/measures/organization-groups";
import { directoryOf, investor, measureDeal, org } from "../support/analysis-deal";

describe("excludeOrganizations", () => {
  it("leaves out what an excluded recipient received, so the rest of the market is measured alone", () => {
    const deals = [
      measureDeal({ announcedOn: "2025-01-01", amountUsdLow: 60n, recipient: org("openai", "OpenAI") }),
      measureDeal({ announcedOn: "2025-02-01", amountUsdLow: 30n, recipient: org("anthropic", "Anthropic") }),
      measureDeal({ announcedOn: "2025-03-01", amountUsdLow: 10n, recipient: org("xai", "xAI") }),
    ];
    // With OpenAI: 60/30/10 % -> 3,600 + 900 + 100 = 4,600. Without: 75/25 % -> 5,625 + 625 = 6,250.
    expect(concentrationSeries(deals, { grain: "year", side: "recipient" })[0].hhi).toBe(4600);
    const rest = excludeOrganizations(deals, new Set(["openai"]));
    expect(rest.map((d) => d.recipient.key)).toEqual(["anthropic", "xai"]);
    const point = concentrationSeries(rest, { grain: "year", side: "recipient" })[0];
    expect([point.total, point.hhi, point.top1]).toEqual([40n, 6250, 0.75]);
  });

  it("removes only an excluded investor's part of a shared round", () => {
    const deal = measureDeal({
      announcedOn: "2025-01-01",
      amountUsdLow: 90n,
      investors: [investor("a", "A"), investor("b", "B"), investor("c", "C")],
    });
    const [rest] = excludeOrganizations([deal], new Set(["b"]));
    expect(countedAmount(rest)).toEqual({ amount: 60n, basis: "low" });
    expect(capitalByInvestor([rest]).map((i) => [i.key, i.amount])).toEqual([
      ["a", 30n],
      ["c", 30n],
    ]);
  });

  it("drops a deal whose only investor is excluded, and keeps an 'up to' amount an upper bound", () => {
    const solo = measureDeal({ announcedOn: "2025-01-01", amountUsdLow: 15n, investors: [investor("amazon", "Amazon")] });
    const upTo = measureDeal({
      announcedOn: "2025-01-02",
      amountUsdHigh: 100n,
      amountQualifier: "up_to",
      investors: [investor("amazon", "Amazon"), investor("nvidia", "Nvidia")],
    });
    const rest = excludeOrganizations([solo, upTo], new Set(["amazon"]));
    expect(rest).toHaveLength(1);
    expect(countedAmount(rest[0])).toEqual({ amount: 50n, basis: "upper_bound" });
    expect(capitalCounted(rest)).toEqual({ total: 50n, dealCount: 1, undisclosedCount: 0, upperBoundTotal: 50n });
  });

  it("keeps a co-invested deal of undisclosed amount, without the excluded investor", () => {
    const deal = measureDeal({
      announcedOn: "2026-03-10",
      amountQualifier: "undisclosed",
      investors: [investor("nvidia", "Nvidia"), investor("amd", "AMD")],
    });
    const [rest] = excludeOrganizations([deal], new Set(["nvidia"]));
    expect(rest.investors.map((i) => i.key)).toEqual(["amd"]);
    expect(countedAmount(rest)).toEqual({ amount: 0n, basis: "undisclosed" });
  });

  it("excludes a company's divisions with it, through the parent relation", () => {
    const directory = directoryOf([
      ["amazon", "Amazon", null],
      ["aws", "AWS", "amazon"],
      ["openai", "OpenAI", null],
    ]);
    const excluded = withDivisions(["amazon"], directory);
    expect([...excluded].sort()).toEqual(["amazon", "aws"]);
    const deals = [
      measureDeal({
        announcedOn: "2026-02-27",
        amountUsdLow: 38n,
        kind: "compute_commitment",
        investors: [investor("openai", "OpenAI")],
        recipient: org("aws", "AWS"),
      }),
      measureDeal({ announcedOn: "2026-02-27", amountUsdLow: 15n, investors: [investor("amazon", "Amazon")] }),
      measureDeal({ announcedOn: "2026-02-27", amountUsdLow: 5n, investors: [investor("microsoft", "Microsoft")] }),
    ];
    expect(excludeOrganizations(deals, excluded).map((d) => d.amountUsdLow)).toEqual([5n]);
  });
});
