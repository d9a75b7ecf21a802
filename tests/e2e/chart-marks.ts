import type { Locator } from "@playwright/test";

/**
 * How many bars a server-drawn chart shows: its bars are one path per series (components/charts/stacked-bar-chart.tsx),
 * each bar a closed rectangle ("M… h… V… h… z") of it.
 */
export async function barCount(chart: Locator): Promise<number> {
  const paths = await chart.locator("path.chart-bars").evaluateAll((elements) => elements.map((e) => e.getAttribute("d") ?? ""));
  return paths.reduce((sum, d) => sum + (d.match(/z/g) ?? []).length, 0);
}
