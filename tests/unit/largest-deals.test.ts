import { describe, expect, it } from "vitest";
import { largestDeals } from "@/lib/measures/largest-deals";
import { measureDeal } from "../support/analysis-deal";

describe("largestDeals", () => {
  it("ranks counted deals by the amount counted, leaving out undisclosed and uncounted ones", () => {
    const deals = [
      measureDeal({ id: 1, announcedOn: "2025-01-01", amountUsdLow: 300n, amountUsdHigh: 550n, amountQualifier: "range" }),
      measureDeal({ id: 2, announcedOn: "2025-02-01", amountUsdHigh: 400n, amountQualifier: "up_to" }),
      measureDeal({ id: 3, announcedOn: "2025-03-01", amountQualifier: "undisclosed" }),
      measureDeal({ id: 4, announcedOn: "2025-04-01", amountUsdLow: 9000n, kind: "compute_commitment" }),
      measureDeal({ id: 5, announcedOn: "2025-05-01", amountUsdLow: 300n }),
    ];
    // 400 ("up to") first, then the two 300s with the later one first; 550 is the high end of a range, not counted.
    expect(largestDeals(deals, undefined, 10)).toEqual([
      { id: 2, amount: 400n, basis: "upper_bound" },
      { id: 5, amount: 300n, basis: "low" },
      { id: 1, amount: 300n, basis: "low" },
    ]);
    expect(largestDeals(deals, { kinds: ["equity", "compute_commitment"], includePipeline: false }, 1)).toEqual([
      { id: 4, amount: 9000n, basis: "low" },
    ]);
  });
});
