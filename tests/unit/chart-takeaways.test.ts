// Each chart's one-line takeaway is written from the rows the chart draws (components/charts/takeaway.ts).
import { describe, expect, it } from "vitest";
import { hhiTakeaway, topSharesTakeaway } from "@/components/analysis/concentration-charts";
import type { ChartRow } from "@/components/charts/chart-types";
import { largestRowTakeaway, periodTakeaway } from "@/components/charts/takeaway";
import { parseAnalysisView } from "@/lib/filters/analysis-view";

describe("chart takeaways", () => {
  it("names the latest period's stack and the largest period", () => {
    const rows: ChartRow[] = [
      { label: "Q1 2026", total: 110_000_000_000, equity: 100_000_000_000, convertible: 10_000_000_000 },
      { label: "Q2 2026", total: 22_100_000_000, equity: 20_000_000_000, convertible: 2_100_000_000 },
    ];
    expect(periodTakeaway(rows, "counted", "quarter")).toBe("Q2 2026: $22.1B counted; the largest quarter is Q1 2026, $110B.");
    expect(periodTakeaway(rows.slice(0, 1), "counted", "quarter")).toBe("Q1 2026: $110B counted, the largest quarter shown.");
    expect(periodTakeaway([], "counted", "quarter")).toBeNull();
  });

  it("writes the latest concentration as the issue's example reads", () => {
    const view = parseAnalysisView({}).view;
    const rows: ChartRow[] = [
      { label: "2024", hhi: 2439, reading: "Moderately concentrated", total: 50e9, top1: 0.324, top3: 0.6, top5: 0.7, largest: "xAI" },
      {
        label: "2025",
        hhi: 3697,
        reading: "Highly concentrated",
        total: 86_700_000_000,
        top1: 0.473,
        top3: 0.7,
        top5: 0.8,
        largest: "OpenAI",
      },
      { label: "2026" },
    ];
    expect(hhiTakeaway(view, rows)).toBe("2025: OpenAI took 47.3% of $86.7B; HHI 3,697, highly concentrated.");
    expect(topSharesTakeaway(view, rows)).toBe("2025: the top 1 recipient took 47.3%, the top 3 70.0%, the top 5 80.0% of $86.7B.");
    expect(hhiTakeaway(view, [{ label: "2026" }])).toBeNull();
  });

  it("picks the row with the largest value", () => {
    const rows: ChartRow[] = [
      { label: "A → B", amount: 5 },
      { label: "C → D", amount: 9 },
    ];
    expect(largestRowTakeaway(rows, "amount", (r) => r.label)).toBe("C → D");
  });
});
