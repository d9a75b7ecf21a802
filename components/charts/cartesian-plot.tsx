import { PlotFigure, type AxisLabelSpec, type PlotMark } from "./chart-columns";
import { VIEW, band, percent, type PlacedDirectLabel } from "./chart-scale";

// The frame every bar and line chart shares, rendered on the server: a plot drawn as SVG in a 1000 x 1000 viewBox
// stretched to the plot's box (so it fills any width, phone or desktop, and lines stay 1-2 px thick through
// vector-effect), with its axis labels, band labels and legend as HTML, so text keeps its size at any width. Each
// category has a column, an HTML element over the plot, that shows its exact figures under the pointer and on
// keyboard focus (a tab stop with the same text as its accessible name), with CSS alone: no chart code runs in the
// browser (the figure is a client component, chart-columns.tsx PlotFigure, only so that React's payload carries its
// paths and text once rather than its markup). Text the PNG/SVG export must carry is marked data-chart-text (chart-export.tsx
// writes it into the file).

export type AxisTick = { value: number; y: number; label: string };
export type LegendItem = { label: string; color: string; shape: "bar" | "line" };
export type PlotLabel = { text: string; y: number };

/** Chars at 12 px are about 7 px wide: how many category labels fit in a plot of `width` px. */
function labelStep(labels: string[], width: number, base = 1): number {
  const widest = Math.max(...labels.map((l) => l.length)) * 7 + 12;
  const needed = Math.max(1, Math.ceil((labels.length * widest) / width));
  return base * Math.ceil(needed / base);
}

/**
 * Which category labels show at which width: every `lg`-th from 1024 px, every `sm`-th from 640 px, every `base`-th on a
 * phone (each a multiple of the next, so a label shown on a phone also shows wider).
 */
function labelClasses(labels: string[]): (string | null)[] {
  const lg = labelStep(labels, 850);
  const sm = labelStep(labels, 480, lg);
  const base = labelStep(labels, 240, sm);
  return labels.map((_, i) => (i % base === 0 ? "block" : i % sm === 0 ? "hidden sm:block" : i % lg === 0 ? "hidden lg:block" : null));
}

/**
 * Past this many categories a column is a few pixels wide: too thin to point at or to tab through, and thousands of
 * tooltips (a company with 3,000 rounds in a large database) would add most of a megabyte to the page. The data table
 * has the figures.
 */
export const MAX_TOOLTIP_COLUMNS = 200;

export function CartesianPlot({
  ariaLabel,
  className = "",
  categories,
  tooltips,
  leftTicks,
  rightTicks,
  legend,
  bandLabels = [],
  positions,
  xTicks,
  directLabels = [],
  marks,
}: {
  ariaLabel: string;
  className?: string;
  /** The x-axis categories, left to right. */
  categories: string[];
  /** The tooltip of each category's column: its figures, exact. */
  tooltips: string[];
  leftTicks: AxisTick[];
  rightTicks?: AxisTick[];
  legend: LegendItem[];
  bandLabels?: PlotLabel[];
  /**
   * Where each category sits on a time scale (its x in the viewBox), for irregular dates; each column then reaches
   * halfway to its neighbours. Without it, categories are equal bands.
   */
  positions?: number[];
  /** The x-axis labels of a time scale (years or quarters), in place of the category labels. */
  xTicks?: { x: number; label: string }[];
  /**
   * Values written beside their marks (the largest and the latest: pickDirectLabels keeps them apart), above the point
   * in viewBox coordinates; the tooltips and the table hold every value.
   */
  directLabels?: PlacedDirectLabel[];
  /** The marks, in viewBox coordinates. */
  marks: PlotMark[];
}) {
  const shown = labelClasses(categories);
  const column = (i: number) => {
    if (!positions) return band(i, categories.length);
    const left = i === 0 ? 0 : (positions[i - 1] + positions[i]) / 2;
    const right = i === positions.length - 1 ? VIEW : (positions[i] + positions[i + 1]) / 2;
    return { x: left, width: right - left, center: positions[i] };
  };
  const grid = leftTicks.map((t) => `M0 ${t.y}H${VIEW}`).join("");
  return (
    <PlotFigure
      ariaLabel={ariaLabel}
      className={className}
      box={`relative mt-3 ml-16 h-60 ${rightTicks ? "mr-16" : "mr-6"}`}
      grid={grid}
      marks={marks}
      columns={(categories.length <= MAX_TOOLTIP_COLUMNS ? tooltips : []).map((tip, i) => {
        const b = column(i);
        return [percent(b.x), percent(b.width), b.center < VIEW / 3 ? 0 : b.center > (2 * VIEW) / 3 ? 1 : 2, tip];
      })}
      labels={[
        ...leftTicks.map((t): AxisLabelSpec => ["axis-y", percent(t.y), null, t.label, 0]),
        ...(rightTicks ?? []).map((t): AxisLabelSpec => ["axis-y2", percent(t.y), null, t.label, 0]),
        ...bandLabels.map((l): AxisLabelSpec => ["band-label", percent(l.y), null, l.text, 0]),
        ...directLabels.map((l): AxisLabelSpec => [
          `direct-label${l.phone ? "" : " hidden sm:block"}${l.x > VIEW * 0.9 ? " -translate-x-full" : l.x < VIEW * 0.1 ? "" : " -translate-x-1/2"}`,
          percent(l.y),
          percent(l.x),
          l.text,
          1,
        ]),
        ...(xTicks ?? []).map((t): AxisLabelSpec => ["axis-x", null, percent(t.x), t.label, 0]),
        ...categories.flatMap((label, i): AxisLabelSpec[] =>
          !xTicks && shown[i] ? [[`axis-x ${shown[i]}`, null, percent(band(i, categories.length).center), label, 0]] : [],
        ),
      ]}
      legend={legend.map((item) => [item.label, item.color, item.shape === "bar" ? 1 : 0])}
    />
  );
}
