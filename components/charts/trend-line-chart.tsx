"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import { useChartSize } from "./use-chart-size";
import type { ChartRow, ChartSeries, ValueFormat } from "./chart-types";
import { formatTick, formatValue } from "./format-value";

export type ChartBand = { from: number; to: number; label: string; color: string };

/**
 * Lines over periods, with optional shaded bands (the HHI readings). A period without a value is a gap in the line,
 * not a zero. Draws what it is given, sums nothing.
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
  const { ref, size } = useChartSize<HTMLElement>();
  return (
    <figure ref={ref} className="relative h-80 w-full" aria-label={ariaLabel}>
      {size ? (
        // Out of the flow: the figure's size never depends on the drawing, so measuring it cannot feed back.
        <div className="absolute inset-0">
          <LineChart width={size.width} height={size.height} data={rows} margin={{ top: 12, right: 8, bottom: 8, left: 8 }} accessibilityLayer>
            {bands.map((band) => (
              <ReferenceArea
                key={band.label}
                y1={band.from}
                y2={band.to}
                fill={band.color}
                fillOpacity={0.18}
                ifOverflow="hidden"
                label={{ value: band.label, position: "insideTopRight", fill: "var(--chart-axis)", fontSize: 11 }}
              />
            ))}
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="label" tick={{ fill: "var(--chart-axis)", fontSize: 12 }} tickLine={false} minTickGap={12} padding={{ left: 12, right: 12 }} />
            <YAxis
              domain={domain ?? ["auto", "auto"]}
              tickFormatter={(v: number) => formatTick(v, format)}
              tick={{ fill: "var(--chart-axis)", fontSize: 12 }}
              width={56}
              tickLine={false}
              allowDataOverflow={domain !== undefined}
            />
            <Tooltip
              formatter={(value, name) => [formatValue(Number(value), format), name]}
              contentStyle={{ background: "var(--chart-tooltip-bg)", borderColor: "var(--chart-grid)" }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={{ r: 3, fill: s.color }} connectNulls={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </div>
      ) : null}
    </figure>
  );
}
