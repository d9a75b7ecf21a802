import { formatUsd, formatUsdExact } from "@/lib/format";
import { CartesianPlot } from "./cartesian-plot";
import { band, coord, niceTicks, yScale } from "./chart-scale";
import type { ChartRow, ChartSeries } from "./chart-types";

function valueOf(row: ChartRow, key: string): number | null {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Round amounts as bars (left axis) with the post-money valuation as a step line (right axis): a valuation holds
 * until the next round resets it, so the line steps rather than slopes, and it only has points where one was reported.
 * Draws what it is given, sums nothing. Rendered on the server as SVG.
 */
export function FundingRoundsChart({
  rows,
  amount,
  valuation,
  ariaLabel,
}: {
  rows: ChartRow[];
  amount: ChartSeries;
  valuation: ChartSeries;
  ariaLabel: string;
}) {
  const amountTicks = niceTicks(0, Math.max(0, ...rows.map((r) => valueOf(r, amount.key) ?? 0)));
  const valuationTicks = niceTicks(0, Math.max(0, ...rows.map((r) => valueOf(r, valuation.key) ?? 0)));
  const yAmount = yScale([0, amountTicks[amountTicks.length - 1]]);
  const yValuation = yScale([0, valuationTicks[valuationTicks.length - 1]]);
  let bars = "";
  let step = "";
  let dots = "";
  let last: number | null = null;
  rows.forEach((row, i) => {
    const b = band(i, rows.length);
    const a = valueOf(row, amount.key);
    if (a !== null && a > 0)
      bars += `M${coord(b.x + b.width * 0.1)} ${yAmount(a)}h${coord(b.width * 0.8)}V${yAmount(0)}h${coord(-b.width * 0.8)}z`;
    const v = valueOf(row, valuation.key);
    if (v === null) return;
    const x = coord(b.center);
    // Step after: straight across at the last valuation to this round, then straight up (or down) to the new one.
    step += last === null ? `M${x},${yValuation(v)}` : `L${x},${last}L${x},${yValuation(v)}`;
    last = yValuation(v);
    dots += `M${x} ${yValuation(v)}h0`;
  });
  const tooltips = rows.map((row) =>
    [
      row.label,
      `${amount.label}: ${formatUsdExact(valueOf(row, amount.key) ?? 0)}`,
      ...(valueOf(row, valuation.key) === null ? [] : [`${valuation.label}: ${formatUsdExact(valueOf(row, valuation.key) as number)}`]),
    ].join("\n"),
  );
  return (
    <CartesianPlot
      ariaLabel={ariaLabel}
      // The valuation colour lives here rather than in globals.css: it belongs to this chart only, in light and dark.
      className="[--chart-valuation:#b45309] dark:[--chart-valuation:#fbbf24]"
      categories={rows.map((r) => r.label)}
      tooltips={tooltips}
      leftTicks={amountTicks.map((t) => ({ value: t, y: yAmount(t), label: formatUsd(t) }))}
      rightTicks={valuationTicks.map((t) => ({ value: t, y: yValuation(t), label: formatUsd(t) }))}
      legend={[
        { label: amount.label, color: amount.color, shape: "bar" },
        { label: valuation.label, color: valuation.color, shape: "line" },
      ]}
    >
      {bars ? <path className="chart-bars" d={bars} fill={amount.color} /> : null}
      <g stroke={valuation.color} fill="none">
        <path className="chart-line" d={step} strokeWidth={2} vectorEffect="non-scaling-stroke" />
        <path className="chart-dots" d={dots} strokeWidth={7} strokeLinecap="round" vectorEffect="non-scaling-stroke" />
      </g>
    </CartesianPlot>
  );
}
