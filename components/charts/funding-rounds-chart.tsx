import { formatUsd, formatUsdExact } from "@/lib/format";
import { CartesianPlot } from "./cartesian-plot";
import type { PlotMark } from "./chart-columns";
import { coord, largestIndex, latestIndex, pickDirectLabels, timeScale, valueAxis, VIEW, type DirectLabel } from "./chart-scale";
import type { ChartRow, ChartSeries } from "./chart-types";

function valueOf(row: ChartRow, key: string): number | null {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Round amounts as bars (left axis) with the valuation marks as a step line (right axis): a valuation holds until the
 * next mark (a round, a secondary sale) resets it, so the line steps rather than slopes, and it only has points where
 * one was reported; a row may carry a bar, a mark or both.
 * Round dates are irregular (months apart, then two on one week), so they sit on a time scale: the row's `time`
 * (milliseconds). `log` draws both axes on a log scale, where a $100M round and a $40B one both show.
 * Draws what it is given, sums nothing. Rendered on the server as SVG.
 */
export function FundingRoundsChart({
  rows,
  amount,
  valuation,
  ariaLabel,
  log = false,
}: {
  rows: ChartRow[];
  amount: ChartSeries;
  valuation: ChartSeries;
  ariaLabel: string;
  log?: boolean;
}) {
  const amounts = valueAxis(
    rows.map((r) => valueOf(r, amount.key) ?? 0),
    log,
  );
  const valuations = valueAxis(
    rows.map((r) => valueOf(r, valuation.key) ?? 0),
    log,
  );
  const time = timeScale(rows.map((r) => valueOf(r, "time") ?? 0));
  const positions = rows.map((r) => time.x(valueOf(r, "time") ?? 0));
  // Bars as wide as the closest two dates allow (four fifths of the gap), at most a band of twenty.
  const gaps = positions
    .slice(1)
    .map((x, i) => x - positions[i])
    .filter((g) => g > 0);
  const width = Math.max(2, Math.min(VIEW / 20, ...gaps.map((g) => g * 0.8)));
  const foot = amounts.y(amounts.ticks[0]);
  let bars = "";
  let step = "";
  let dots = "";
  let last: number | null = null;
  rows.forEach((row, i) => {
    const x = positions[i];
    const a = valueOf(row, amount.key);
    if (a !== null && a > 0) bars += `M${coord(x - width / 2)} ${amounts.y(a)}h${coord(width)}V${foot}h${coord(-width)}z`;
    const v = valueOf(row, valuation.key);
    if (v === null) return;
    // Step after: straight across at the last valuation to this round, then straight up (or down) to the new one.
    step += last === null ? `M${x},${valuations.y(v)}` : `L${x},${last}L${x},${valuations.y(v)}`;
    last = valuations.y(v);
    dots += `M${x} ${valuations.y(v)}h0`;
  });
  // Direct labels: the latest and the largest round, then the latest valuation.
  const roundAmounts = rows.map((r) => {
    const a = valueOf(r, amount.key);
    return a !== null && a > 0 ? a : null;
  });
  const valuationValues = rows.map((r) => valueOf(r, valuation.key));
  const candidates: DirectLabel[] = [
    ...[latestIndex(roundAmounts), largestIndex(roundAmounts)]
      .filter((i) => i >= 0)
      .map((i) => ({ index: i, x: positions[i], y: amounts.y(roundAmounts[i] as number), text: formatUsd(roundAmounts[i] as number) })),
    ...[latestIndex(valuationValues)]
      .filter((i) => i >= 0)
      .map((i) => ({
        index: i,
        x: positions[i],
        y: valuations.y(valuationValues[i] as number),
        text: `${formatUsd(valuationValues[i] as number)} valuation`,
      })),
  ];
  const tooltips = rows.map((row) =>
    [
      row.label,
      ...(valueOf(row, amount.key) === null ? [] : [`${amount.label}: ${formatUsdExact(valueOf(row, amount.key) as number)}`]),
      ...(valueOf(row, valuation.key) === null ? [] : [`${valuation.label}: ${formatUsdExact(valueOf(row, valuation.key) as number)}`]),
    ].join("\n"),
  );
  return (
    <CartesianPlot
      ariaLabel={`${ariaLabel}${log ? ", on log scales" : ""}`}
      // The valuation colour lives here rather than in globals.css: it belongs to this chart only, in light and dark.
      className="[--chart-valuation:#b45309] dark:[--chart-valuation:#fbbf24]"
      categories={rows.map((r) => r.label)}
      tooltips={tooltips}
      positions={positions}
      xTicks={time.ticks}
      leftTicks={amounts.ticks.map((t) => ({ value: t, y: amounts.y(t), label: formatUsd(t) }))}
      rightTicks={valuations.ticks.map((t) => ({ value: t, y: valuations.y(t), label: formatUsd(t) }))}
      legend={[
        { label: amount.label, color: amount.color, shape: "bar" },
        { label: valuation.label, color: valuation.color, shape: "line" },
      ]}
      directLabels={pickDirectLabels(candidates)}
      marks={[...(bars ? [["bars", bars, amount.color] as PlotMark] : []), ["line", valuation.color, step, dots]]}
    />
  );
}
