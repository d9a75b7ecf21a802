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

/** Powers of ten covering [min, max] of positive values: the ticks of a log scale. */
export function logTicks(min: number, max: number): number[] {
  const low = Math.floor(Math.log10(Math.max(min, 1)));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(max, 1))));
  return Array.from({ length: high - low + 1 }, (_, i) => 10 ** (low + i));
}

/** A log scale from a positive domain to the viewBox's y (0 at the top); values at or below the domain sit at its foot. */
export function yLogScale([min, max]: [number, number]): (value: number) => number {
  const [low, high] = [Math.log10(min), Math.log10(max)];
  const span = high - low || 1;
  return (value) => coord(VIEW - ((Math.min(Math.max(Math.log10(Math.max(value, min)), low), high) - low) / span) * VIEW);
}

/**
 * A value axis of money, linear from zero or logarithmic over powers of ten (values from $1M to $1T side by side),
 * for ?scale=log (lib/filters/chart-scale.ts).
 */
export function valueAxis(values: number[], log: boolean): { ticks: number[]; y: (value: number) => number } {
  if (log) {
    const positive = values.filter((v) => v > 0);
    const ticks = logTicks(Math.min(...positive, 1e6), Math.max(...positive, 1e7));
    return { ticks, y: yLogScale([ticks[0], ticks[ticks.length - 1]]) };
  }
  const ticks = niceTicks(0, Math.max(0, ...values));
  return { ticks, y: yScale([0, ticks[ticks.length - 1]]) };
}

const DAY = 86_400_000;

/**
 * A time scale for irregular dates (milliseconds): the x of each date in the viewBox, with a margin so that the
 * first and last marks are not cut in half, and ticks on the first day of each year (of each quarter when the dates
 * span less than two years).
 */
export function timeScale(times: number[]): { x: (time: number) => number; ticks: { x: number; label: string }[] } {
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(max - min, DAY);
  const margin = VIEW * 0.04;
  const x = (time: number) => (times.length === 1 ? VIEW / 2 : coord(margin + ((time - min) / span) * (VIEW - 2 * margin)));
  const ticks: { x: number; label: string }[] = [];
  const start = new Date(min);
  const quarterly = span < 2 * 365 * DAY;
  const months = quarterly ? 3 : 12;
  let year = start.getUTCFullYear();
  let month = quarterly ? Math.floor(start.getUTCMonth() / 3) * 3 : 0;
  for (;;) {
    month += months;
    if (month >= 12) {
      year += Math.floor(month / 12);
      month %= 12;
    }
    const time = Date.UTC(year, month, 1);
    if (time > max) break;
    ticks.push({ x: x(time), label: quarterly ? `Q${month / 3 + 1} ${year}` : String(year) });
  }
  return { x, ticks };
}

/** A value written on the plot beside its mark (a direct label): where the mark is, in the viewBox, and its text. */
export type DirectLabel = { index: number; x: number; y: number; text: string };

/** Plot sizes the labels must fit: a phone's plot (about 300 x 240 px) and a desktop's (about 850 x 240 px). */
const PLOT_PX = { phone: 300, desktop: 850, height: 240 };
/** A 11 px label: about 6.5 px per character, 13 px tall with its gap. */
const LABEL_PX = { char: 6.5, pad: 6, height: 13 };

export type PlacedDirectLabel = DirectLabel & { phone: boolean };

function labelsOverlap(a: DirectLabel, b: DirectLabel, widthPx: number): boolean {
  const dx = (Math.abs(a.x - b.x) / VIEW) * widthPx;
  const dy = (Math.abs(a.y - b.y) / VIEW) * PLOT_PX.height;
  const halfWidths = ((a.text.length + b.text.length) * LABEL_PX.char) / 2 + LABEL_PX.pad;
  return dx < halfWidths && dy < LABEL_PX.height;
}

/**
 * Which direct labels to write, in the order given (the first wins): a label that would overlap one already kept on a
 * desktop plot is dropped, one that would overlap on a phone's narrower plot shows from 640 px up only. The same mark
 * is labelled once.
 */
export function pickDirectLabels(candidates: DirectLabel[]): PlacedDirectLabel[] {
  const kept: PlacedDirectLabel[] = [];
  for (const c of candidates) {
    if (kept.some((k) => k.x === c.x && k.y === c.y)) continue;
    if (kept.some((k) => labelsOverlap(k, c, PLOT_PX.desktop))) continue;
    kept.push({ ...c, phone: !kept.some((k) => k.phone && labelsOverlap(k, c, PLOT_PX.phone)) });
  }
  return kept;
}

/** The index of the largest value (the first of equals), or -1 when there is none above zero. */
export function largestIndex(values: (number | null)[]): number {
  let best = -1;
  values.forEach((v, i) => {
    if (v !== null && v > 0 && (best < 0 || v > (values[best] as number))) best = i;
  });
  return best;
}

/** The index of the last value present, or -1. */
export function latestIndex(values: (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return i;
  return -1;
}
