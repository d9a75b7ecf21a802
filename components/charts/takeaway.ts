// Each chart's one-line takeaway, written from the rows the chart draws (never a second computation of the figures),
// with lib/format: what a reader should see first, in the chart's caption.
import { formatShare, formatUsd } from "@/lib/format";
import type { ChartRow } from "./chart-types";

function numberOf(row: ChartRow, key: string): number {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

/**
 * Bars per period, stacked: the latest period's total and the largest period's, e.g. "Q2 2026: $22.1B counted; the
 * largest quarter is Q1 2026, $110B." Each row's `total` is the period's total as the data layer summed it.
 */
export function periodTakeaway(rows: ChartRow[], what: string, per: string): string | null {
  if (rows.length === 0) return null;
  const totals = rows.map((row) => numberOf(row, "total"));
  const last = rows.length - 1;
  const largest = totals.reduce((best, v, i) => (v > totals[best] ? i : best), 0);
  const latest = `${rows[last].label}: ${formatUsd(totals[last])} ${what}`;
  if (rows.length === 1 || largest === last) return `${latest}, the largest ${per} shown.`;
  return `${latest}; the largest ${per} is ${rows[largest].label}, ${formatUsd(totals[largest])}.`;
}

/** Pairs of bars per row: the row with the largest value of `key`, e.g. "Largest: Amazon → OpenAI, $138B back for $50B in." */
export function largestRowTakeaway(rows: ChartRow[], key: string, text: (row: ChartRow) => string): string | null {
  if (rows.length === 0) return null;
  const largest = rows.reduce((best, row) => (numberOf(row, key) > numberOf(best, key) ? row : best), rows[0]);
  return text(largest);
}

/** A share of a total, as the takeaways write it: "47.3% of $86.7B". */
export function takeawayShare(share: number, total: number): string {
  return `${formatShare(share)} of ${formatUsd(total)}`;
}
