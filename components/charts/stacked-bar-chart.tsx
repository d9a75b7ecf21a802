"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useChartSize } from "./use-chart-size";
import { formatUsd, formatUsdExact } from "@/lib/format";
import type { ChartRow, ChartSeries } from "./chart-types";

/** A bar chart of US-dollar amounts, stacked (default) or side by side: draws what it is given, sums nothing. */
export function StackedBarChart({ rows, series, ariaLabel, stacked = true }: { rows: ChartRow[]; series: ChartSeries[]; ariaLabel: string; stacked?: boolean }) {
  const { ref, size } = useChartSize<HTMLElement>();
  return (
    <figure ref={ref} className="relative h-80 w-full" aria-label={ariaLabel}>
      {size ? (
        // Out of the flow: the figure's size never depends on the drawing, so measuring it cannot feed back.
        <div className="absolute inset-0">
          <BarChart width={size.width} height={size.height} data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer>
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="label" tick={{ fill: "var(--chart-axis)", fontSize: 12 }} tickLine={false} minTickGap={12} />
            <YAxis tickFormatter={(v: number) => formatUsd(v)} tick={{ fill: "var(--chart-axis)", fontSize: 12 }} width={64} tickLine={false} />
            <Tooltip
              formatter={(value, name) => [formatUsdExact(Number(value)), name]}
              contentStyle={{ background: "var(--chart-tooltip-bg)", borderColor: "var(--chart-grid)" }}
              cursor={{ fill: "var(--chart-grid)", opacity: 0.4 }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId={stacked ? "total" : undefined} fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </div>
      ) : null}
    </figure>
  );
}
