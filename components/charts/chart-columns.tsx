"use client";

// A bar or line chart's whole figure (cartesian-plot.tsx computes it): the SVG plot and its marks, the columns over it,
// its axis, band and direct labels and its legend, drawn from short props: a client component's props travel once in
// React's payload beside its HTML, where a server component's markup travels twice. It works by CSS alone (hover and
// focus show the tooltip); nothing here runs a script.
import { VIEW } from "./chart-scale";

/** Where a column's tooltip opens (app/globals.css): toward the middle of the plot, so that the figure's edge never cuts it. */
const SIDES = ["tip-left", "tip-right", "tip-mid"] as const;

/** A column: its left edge and width (percent of the plot), its tooltip's side (an index of SIDES) and its figures. */
export type ChartColumnSpec = [left: string, width: string, side: 0 | 1 | 2, tip: string];

export function ChartColumns({ columns }: { columns: ChartColumnSpec[] }) {
  return (
    <ul aria-label="Values" className="absolute inset-0">
      {columns.map(([left, width, side, tip], i) => (
        // The column's and the tooltip's looks are short classes of app/globals.css, and they are the tests' hooks too
        // (.chart-column and its span), as every column repeats them. The tooltip is the tab stop's text: drawn under
        // the pointer and on focus, and otherwise visually hidden but still read by screen readers, so the figures are
        // written once.
        <li key={i} tabIndex={0} className="chart-column" style={{ left, width }}>
          <span className={SIDES[side]}>{tip}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A label beside or over the plot: its classes, its top and left (percent of the plot, null where the classes place it),
 * its text, and whether it is a value written beside its mark (1) rather than an axis or band label (0).
 */
export type AxisLabelSpec = [className: string, top: string | null, left: string | null, text: string, direct: 0 | 1];

/** The labels, hidden from screen readers (the columns and the data table carry the figures); the PNG and SVG exports read their text (data-chart-text). */
export function AxisLabels({ labels }: { labels: AxisLabelSpec[] }) {
  return (
    <div aria-hidden="true">
      {labels.map(([className, top, left, text, direct], i) => (
        <span
          key={i}
          data-chart-text=""
          data-direct-label={direct ? "" : undefined}
          className={className}
          style={{ ...(left === null ? {} : { left }), ...(top === null ? {} : { top }) }}
        >
          {text}
        </span>
      ))}
    </div>
  );
}

/**
 * A mark of the plot, in viewBox coordinates: a shaded band (its top, height and colour), a path of bars (its path and
 * colour), or a line (its colour, the line's path and the path of its dots).
 */
export type PlotMark =
  | ["band", top: number, height: number, color: string]
  | ["bars", d: string, color: string]
  | ["line", color: string, d: string, dots: string];

/** A legend entry: its label, colour and whether it is a bar (1) or a line (0). */
export type LegendSpec = [label: string, color: string, bar: 0 | 1];

/** The figure: its accessible name and classes, the plot's box classes, its grid path, marks, columns, labels and legend. */
export function PlotFigure({
  ariaLabel,
  className,
  box,
  grid,
  marks,
  columns,
  labels,
  legend,
}: {
  ariaLabel: string;
  className: string;
  box: string;
  grid: string;
  marks: PlotMark[];
  columns: ChartColumnSpec[];
  labels: AxisLabelSpec[];
  legend: LegendSpec[];
}) {
  return (
    <figure aria-label={ariaLabel} className={`w-full overflow-hidden ${className}`}>
      <div className={box}>
        <svg
          data-chart-plot=""
          aria-hidden="true"
          viewBox={`0 0 ${VIEW} ${VIEW}`}
          preserveAspectRatio="none"
          className="absolute inset-0 h-full w-full overflow-visible"
        >
          <path d={grid} stroke="var(--chart-grid)" fill="none" vectorEffect="non-scaling-stroke" />
          <g pointerEvents="none">
            {marks.map((mark, i) =>
              mark[0] === "band" ? (
                <rect key={i} x={0} y={mark[1]} width={VIEW} height={mark[2]} fill={mark[3]} fillOpacity={0.18} />
              ) : mark[0] === "bars" ? (
                <path key={i} className="chart-bars" d={mark[1]} fill={mark[2]} />
              ) : (
                <g key={i} stroke={mark[1]} fill="none">
                  <path className="chart-line" d={mark[2]} strokeWidth={2} vectorEffect="non-scaling-stroke" />
                  <path className="chart-dots" d={mark[3]} strokeWidth={7} strokeLinecap="round" vectorEffect="non-scaling-stroke" />
                </g>
              ),
            )}
          </g>
        </svg>
        <ChartColumns columns={columns} />
        <AxisLabels labels={labels} />
      </div>
      <ul className="mt-7 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs">
        {legend.map(([label, color, bar]) => (
          <li key={label} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={bar ? "inline-block h-2.5 w-2.5" : "inline-block h-0.5 w-3.5"}
              style={{ background: color }}
            />
            {label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
