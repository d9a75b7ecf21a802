// Scales for the server-drawn charts: a plot is a 1000 x 1000 viewBox stretched to its box (preserveAspectRatio
// "none"), so positions are fractions of the plot written in tenths, and labels are HTML placed by percentage.

export const VIEW = 1000;

/** A coordinate in the viewBox, to one decimal: the drawing stays small in the HTML. */
export function coord(value: number): number {
  return Math.round(value * 10) / 10;
}

/** About `count` round tick values covering [min, max] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) max = min + 1;
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(min / step) * step;
  const last = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= last + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

/** A linear scale from a value domain to the viewBox's y (0 at the top). */
export function yScale([min, max]: [number, number]): (value: number) => number {
  const span = max - min || 1;
  return (value) => coord(VIEW - ((Math.min(Math.max(value, min), max) - min) / span) * VIEW);
}

/** The left edge and width of category `index` of `count` equal bands across the plot. */
export function band(index: number, count: number): { x: number; width: number; center: number } {
  const width = VIEW / count;
  return { x: index * width, width, center: (index + 0.5) * width };
}

/** Percent of the plot for an HTML label at a viewBox coordinate. */
export function percent(value: number): string {
  return `${coord(value / 10)}%`;
}
