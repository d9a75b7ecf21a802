import { formatUsd, formatUsdExact } from "@/lib/format";
import { CartesianPlot } from "./cartesian-plot";
import type { PlotMark } from "./chart-columns";
import { band, coord, largestIndex, latestIndex, pickDirectLabels, valueAxis, type DirectLabel } from "./chart-scale";
import type { ChartRow, ChartSeries } from "./chart-types";

/** A row's value for a series: a missing key is a zero bar. */
function valueOf(row: ChartRow, key: string): number {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

/**
 * A bar chart of US-dollar amounts, stacked (default) or side by side: draws what it is given, sums nothing (a stack's
 * height is its bars, one on the other). Rendered on the server as SVG: one path per series. Bars side by side can take
 * a log scale (`log`, for values that span orders of magnitude); a stack cannot, since its parts' heights would no
 * longer add up to its total.
 */
export function StackedBarChart({
  rows,
  series,
  ariaLabel,
  stacked = true,
  log = false,
}: {
  rows: ChartRow[];
  series: ChartSeries[];
  ariaLabel: string;
  stacked?: boolean;
  /** A log value scale; only for bars side by side. */
  log?: boolean;
}) {
  if (log && stacked) throw new Error("StackedBarChart: a stack cannot be drawn on a log scale");
  const heights = rows.map((row) =>
    stacked ? series.reduce((s, k) => s + valueOf(row, k.key), 0) : Math.max(0, ...series.map((k) => valueOf(row, k.key))),
  );
  const { ticks, y } = valueAxis(heights, log);
  const foot = y(ticks[0]);
  const paths = series.map(() => [] as string[]);
  rows.forEach((row, i) => {
    const b = band(i, rows.length);
    const gap = b.width * 0.1;
    const width = stacked ? b.width - 2 * gap : (b.width - 2 * gap) / series.length;
    let base = 0;
    series.forEach((s, j) => {
      const v = valueOf(row, s.key);
      if (v <= 0) return;
      const top = stacked ? base + v : v;
      const bottom = stacked ? y(base) : foot;
      base = top;
      const x = coord(b.x + gap + (stacked ? 0 : j * width));
      paths[j].push(`M${x} ${y(top)}h${coord(width)}V${bottom}h${coord(-width)}z`);
    });
  });
  // Direct labels: a stack's total on the latest and the largest stack; side by side, each series' largest bar.
  const candidates: DirectLabel[] = stacked
    ? [latestIndex(heights.map((h) => (h > 0 ? h : null))), largestIndex(heights)]
        .filter((i) => i >= 0)
        .map((i) => ({ index: i, x: band(i, rows.length).center, y: y(heights[i]), text: formatUsd(heights[i]) }))
    : series.flatMap((s, j) => {
        const i = largestIndex(rows.map((row) => valueOf(row, s.key)));
        if (i < 0) return [];
        const b = band(i, rows.length);
        const width = (b.width * 0.8) / series.length;
        const v = valueOf(rows[i], s.key);
        return [{ index: i, x: coord(b.x + b.width * 0.1 + (j + 0.5) * width), y: y(v), text: formatUsd(v) }];
      });
  const tooltips = rows.map((row, i) => {
    const lines = series.filter((s) => valueOf(row, s.key) > 0).map((s) => `${s.label}: ${formatUsdExact(valueOf(row, s.key))}`);
    if (stacked && lines.length > 1) lines.push(`Total: ${formatUsdExact(heights[i])}`);
    return [row.label, ...(lines.length > 0 ? lines : ["Nothing counted"])].join("\n");
  });
  return (
    <CartesianPlot
      ariaLabel={`${ariaLabel}${log ? ", on a log scale" : ""}`}
      categories={rows.map((r) => r.label)}
      tooltips={tooltips}
      leftTicks={ticks.map((t) => ({ value: t, y: y(t), label: formatUsd(t) }))}
      legend={series.map((s) => ({ label: s.label, color: s.color, shape: "bar" }))}
      directLabels={pickDirectLabels(candidates)}
      marks={series.flatMap((s, j): PlotMark[] => (paths[j].length > 0 ? [["bars", paths[j].join(""), s.color]] : []))}
    />
  );
}
