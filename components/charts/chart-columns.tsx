"use client";

// The columns over a bar or line chart's plot and its axis, band and direct labels (cartesian-plot.tsx), drawn from
// short props: a client component's props
// travel once in React's payload beside its HTML, where a server component's markup travels twice. They work by CSS
// alone (hover and focus show the tooltip); nothing here runs a script.

/** Where a column's tooltip opens: toward the middle of the plot, so that the figure's edge never cuts it. */
const SIDES = ["left-0", "right-0", "left-1/2 -translate-x-1/2"] as const;

/** A column: its left edge and width (percent of the plot), its tooltip's side (an index of SIDES) and its figures. */
export type ChartColumnSpec = [left: string, width: string, side: 0 | 1 | 2, tip: string];

export function ChartColumns({ columns }: { columns: ChartColumnSpec[] }) {
  return (
    <ul aria-label="Values" className="absolute inset-0">
      {columns.map(([left, width, side, tip], i) => (
        // The column's and the tooltip's looks are short classes of app/globals.css, as every column repeats them.
        // The tooltip is the tab stop's text: drawn under the pointer and on focus, and otherwise visually hidden but
        // still read by screen readers, so the figures are written once.
        <li key={i} tabIndex={0} data-chart-mark="" className="chart-column" style={{ left, width }}>
          <span data-chart-tip="" className={`chart-tooltip ${SIDES[side]}`}>
            {tip}
          </span>
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
