import { describe, expect, it } from "vitest";
import { concentrationSeries, hhiBreakdown, hhiReading } from "@/lib/measures/concentration";
import { UNDISCLOSED_KEY } from "@/lib/measures/capital";
import { investor, measureDeal, org } from "../support/analysis-deal";

describe("concentrationSeries on the recipient side", () => {
  it("gives two equal recipients an HHI of 5,000 and one recipient 10,000", () => {
    const points = concentrationSeries(
      [
        measureDeal({ announcedOn: "2024-02-01", amountUsdLow: 50n, recipient: org("openai", "OpenAI") }),
        measureDeal({ announcedOn: "2024-09-01", amountUsdLow: 50n, recipient: org("anthropic", "Anthropic") }),
        measureDeal({ announcedOn: "2025-03-01", amountUsdLow: 7n, recipient: org("xai", "xAI") }),
      ],
      { grain: "year", side: "recipient" },
    );
    // 50/50: 50² + 50² = 5,000. A single recipient holds 100 %: 100² = 10,000.
    expect(points.map((p) => [p.period, p.total, p.hhi, p.top1, p.top3, p.top5, p.entities])).toEqual([
      ["2024", 100n, 5000, 0.5, 1, 1, 2],
      ["2025", 7n, 10000, 1, 1, 1, 1],
    ]);
  });

  it("counts tied recipients once each in the top N and lists them by name", () => {
    const points = concentrationSeries(
      [
        measureDeal({ announcedOn: "2025-01-01", amountUsdLow: 30n, recipient: org("c", "Cohere") }),
        measureDeal({ announcedOn: "2025-01-02", amountUsdLow: 10n, recipient: org("d", "Databricks") }),
        measureDeal({ announcedOn: "2025-01-03", amountUsdLow: 30n, recipient: org("a", "Anthropic") }),
        measureDeal({ announcedOn: "2025-01-04", amountUsdLow: 30n, recipient: org("b", "Baseten") }),
      ],
      { grain: "year", side: "recipient" },
    );
    // Shares 30, 30, 30, 10 %: top 1 = 30 %, top 3 = 90 %; HHI = 3 x 900 + 100 = 2,800.
    expect(points[0].top1).toBe(0.3);
    expect(points[0].top3).toBe(0.9);
    expect(points[0].top5).toBe(1);
    expect(points[0].hhi).toBe(2800);
    expect(points[0].leaders.map((l) => [l.name, l.amount, l.share])).toEqual([
      ["Anthropic", 30n, 0.3],
      ["Baseten", 30n, 0.3],
      ["Cohere", 30n, 0.3],
      ["Databricks", 10n, 0.1],
    ]);
  });

  it("keeps periods with no deals, with no shares rather than zero shares", () => {
    const points = concentrationSeries(
      [
        measureDeal({ announcedOn: "2025-01-15", amountUsdLow: 10n }),
        measureDeal({ announcedOn: "2025-08-15", amountUsdLow: 10n }),
        // Not counted by default: it must not fill the empty quarter.
        measureDeal({ announcedOn: "2025-05-15", amountUsdLow: 10n, kind: "compute_commitment" }),
      ],
      { grain: "quarter", side: "recipient" },
    );
    expect(points.map((p) => p.period)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3"]);
    expect(points[1]).toEqual({ period: "2025-Q2", total: 0n, hhi: null, top1: null, top3: null, top5: null, entities: 0, leaders: [] });
  });

  it("returns nothing when nothing is counted", () => {
    expect(
      concentrationSeries([measureDeal({ announcedOn: "2025-01-01", amountUsdLow: 5n, status: "terminated" })], {
        grain: "year",
        side: "recipient",
      }),
    ).toEqual([]);
  });

  it("follows the counting rule: commitments and the pipeline only when switched in", () => {
    const deals = [
      measureDeal({ announcedOn: "2025-01-01", amountUsdLow: 10n, recipient: org("openai", "OpenAI") }),
      measureDeal({ announcedOn: "2025-02-01", amountUsdLow: 30n, kind: "compute_commitment", recipient: org("oracle", "Oracle") }),
      measureDeal({ announcedOn: "2025-03-01", amountUsdLow: 10n, status: "in_talks", recipient: org("xai", "xAI") }),
    ];
    const totalOf = (rule: Parameters<typeof concentrationSeries>[1]["rule"]) =>
      concentrationSeries(deals, { grain: "year", side: "recipient", rule })[0].total;
    expect(totalOf(undefined)).toBe(10n);
    expect(totalOf({ kinds: ["equity", "compute_commitment"], includePipeline: false })).toBe(40n);
    expect(totalOf({ kinds: ["equity"], includePipeline: true })).toBe(20n);
  });
});

describe("concentrationSeries on the investor side", () => {
  it("splits shared rounds and leaves unnamed investors in the total but out of the ranking", () => {
    const points = concentrationSeries(
      [
        measureDeal({
          announcedOn: "2025-01-01",
          amountUsdLow: 100n,
          investors: [investor("thrive", "Thrive Capital"), investor("microsoft", "Microsoft")],
        }),
        measureDeal({ announcedOn: "2025-02-01", amountUsdLow: 100n, investors: [investor(UNDISCLOSED_KEY, "Undisclosed investors")] }),
      ],
      { grain: "year", side: "investor" },
    );
    // Thrive 50 and Microsoft 50 of 200: 25 % each; HHI 625 + 625 = 1,250; the unnamed 100 is nobody's share.
    expect(points[0].total).toBe(200n);
    expect(points[0].hhi).toBe(1250);
    expect(points[0].top1).toBe(0.25);
    expect(points[0].top3).toBe(0.5);
    expect(points[0].entities).toBe(2);
    expect(points[0].leaders.map((l) => l.key)).toEqual(["microsoft", "thrive"]);
  });
});

describe("hhiReading", () => {
  it("reads the usual bands: below 1,500, 1,500 to 2,500, above 2,500", () => {
    expect([0, 1499, 1500, 2500, 2501, 10000].map(hhiReading)).toEqual([
      "unconcentrated",
      "unconcentrated",
      "moderate",
      "moderate",
      "high",
      "high",
    ]);
  });
});

describe("hhiBreakdown", () => {
  it("writes the HHI out as squared percentage shares that add up to it", () => {
    const { total, terms, hhi } = hhiBreakdown([
      { key: "a", name: "A", amount: 50n },
      { key: "b", name: "B", amount: 30n },
      { key: "c", name: "C", amount: 20n },
      { key: "d", name: "D", amount: 0n },
    ]);
    // 50 %, 30 %, 20 %: 2,500 + 900 + 400 = 3,800; an entity with nothing is no term.
    expect(total).toBe(100n);
    expect(terms.map((t) => [t.key, t.share])).toEqual([
      ["a", 0.5],
      ["b", 0.3],
      ["c", 0.2],
    ]);
    expect(terms.map((t) => Math.round(t.points))).toEqual([2500, 900, 400]);
    expect(hhi).toBe(3800);
  });
});
