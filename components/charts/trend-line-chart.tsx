import { formatUsd } from "@/lib/format";
import { CartesianPlot } from "./cartesian-plot";
import type { PlotMark } from "./chart-columns";
import { band, coord, largestIndex, latestIndex, niceTicks, pickDirectLabels, yScale, type DirectLabel } from "./chart-scale";
import type { ChartRow, ChartSeries, ValueFormat } from "./chart-types";
import { formatTick, formatValue } from "./format-value";

export type ChartBand = { from: number; to: number; label: string; color: string };

/** A row's value, or null when it has none (a gap in the line, not a zero). */
function valueOf(row: ChartRow, key: string): number | null {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Lines over periods, with optional shaded bands (the HHI readings). A period without a value is a gap in the line,
 * not a zero. Draws what it is given, sums nothing. Rendered on the server as SVG: a line and a path of dots per
 * series (a zero-length segment with round caps is a dot that stays round however the plot is stretched).
 */
export function TrendLineChart({
  rows,
  series,
  format,
  domain,
  bands = [],
  ariaLabel,
}: {
  rows: ChartRow[];
  series: ChartSeries[];
  format: ValueFormat;
  domain?: [number, number];
  bands?: ChartBand[];
  ariaLabel: string;
}) {
  const values = rows.flatMap((row) => series.map((s) => valueOf(row, s.key)).filter((v): v is number => v !== null));
  const ticks = domain
    ? niceTicks(domain[0], domain[1]).filter((t) => t >= domain[0] && t <= domain[1])
    : niceTicks(Math.min(0, ...values), Math.max(...values, 1));
  const scaleDomain: [number, number] = domain ?? [ticks[0], ticks[ticks.length - 1]];
  const y = yScale(scaleDomain);
  const lines = series.map((s) => {
    let line = "";
    let dots = "";
    let drawing = false;
    rows.forEach((row, i) => {
      const v = valueOf(row, s.key);
      if (v === null) {
        drawing = false;
        return;
      }
      const x = coord(band(i, rows.length).center);
      line += `${drawing ? "L" : "M"}${x} ${y(v)}`;
      dots += `M${x} ${y(v)}h0`;
      drawing = true;
    });
    return { series: s, line, dots };
  });
  // Direct labels: each line's latest value; a single line's largest too.
  const candidates: DirectLabel[] = series.flatMap((s) => {
    const values = rows.map((row) => valueOf(row, s.key));
    const indexes = [latestIndex(values), ...(series.length === 1 ? [largestIndex(values)] : [])].filter((i) => i >= 0);
    return indexes.map((i) => ({
      index: i,
      x: coord(band(i, rows.length).center),
      y: y(values[i] as number),
      text: format === "usd" ? formatUsd(values[i] as number) : formatValue(values[i] as number, format),
    }));
  });
  const tooltips = rows.map((row) =>
    [row.label, ...series.map((s) => `${s.label}: ${formatValue(valueOf(row, s.key) ?? undefined, format)}`)].join("\n"),
  );
  return (
    <CartesianPlot
      ariaLabel={ariaLabel}
      categories={rows.map((r) => r.label)}
      tooltips={tooltips}
      leftTicks={ticks.map((t) => ({ value: t, y: y(t), label: formatTick(t, format) }))}
      legend={series.map((s) => ({ label: s.label, color: s.color, shape: "line" }))}
      bandLabels={bands.map((b) => ({ text: b.label, y: y(Math.min(b.to, scaleDomain[1])) }))}
      directLabels={pickDirectLabels(candidates)}
      marks={[
        ...bands.flatMap((b): PlotMark[] => {
          const top = y(Math.min(b.to, scaleDomain[1]));
          const bottom = y(Math.max(b.from, scaleDomain[0]));
          return bottom > top ? [["band", top, coord(bottom - top), b.color]] : [];
        }),
        ...lines.map(({ series: s, line, dots }): PlotMark => ["line", s.color, line, dots]),
      ]}
    />
  );
}
