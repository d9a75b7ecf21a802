"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { useChartSize } from "./use-chart-size";
import { formatUsd, formatUsdExact } from "@/lib/format";
import type { ChartRow, ChartSeries } from "./chart-types";

/**
 * Round amounts as bars (left axis) with the post-money valuation as a step line (right axis): a valuation holds
 * until the next round resets it, so the line steps rather than slopes, and it only has points where one was reported.
 * Draws what it is given, sums nothing.
 */
export function FundingRoundsChart({ rows, amount, valuation, ariaLabel }: { rows: ChartRow[]; amount: ChartSeries; valuation: ChartSeries; ariaLabel: string }) {
  const { ref, size } = useChartSize<HTMLElement>();
  return (
    // The valuation colour lives here rather than in globals.css: it belongs to this chart only, in light and dark.
    <figure ref={ref} className="relative h-80 w-full [--chart-valuation:#b45309] dark:[--chart-valuation:#fbbf24]" aria-label={ariaLabel}>
      {size ? (
        // Out of the flow: the figure's size never depends on the drawing, so measuring it cannot feed back.
        <div className="absolute inset-0">
          <ComposedChart width={size.width} height={size.height} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer>
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="label" tick={{ fill: "var(--chart-axis)", fontSize: 12 }} tickLine={false} minTickGap={12} />
            <YAxis yAxisId="amount" tickFormatter={(v: number) => formatUsd(v)} tick={{ fill: "var(--chart-axis)", fontSize: 12 }} width={64} tickLine={false} />
            <YAxis
              yAxisId="valuation"
              orientation="right"
              tickFormatter={(v: number) => formatUsd(v)}
              tick={{ fill: "var(--chart-axis)", fontSize: 12 }}
              width={64}
              tickLine={false}
            />
            <Tooltip
              formatter={(value, name) => [formatUsdExact(Number(value)), name]}
              contentStyle={{ background: "var(--chart-tooltip-bg)", borderColor: "var(--chart-grid)" }}
              cursor={{ fill: "var(--chart-grid)", opacity: 0.4 }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar yAxisId="amount" dataKey={amount.key} name={amount.label} fill={amount.color} isAnimationActive={false} />
            <Line
              yAxisId="valuation"
              type="stepAfter"
              dataKey={valuation.key}
              name={valuation.label}
              stroke={valuation.color}
              strokeWidth={2}
              dot={{ r: 3, fill: valuation.color }}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </div>
      ) : null}
    </figure>
  );
}
