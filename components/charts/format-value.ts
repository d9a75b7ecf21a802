// Writes a chart value by its format key with lib/format, for the data tables and the client charts alike.
import { formatNumber, formatShare, formatUsd, formatUsdExact } from "@/lib/format";
import type { ValueFormat } from "./chart-types";

/** Exact figures, for tables and tooltips. */
export function formatValue(value: number | string | undefined, format: ValueFormat): string {
  if (value === undefined || value === "") return "—";
  if (format === "text" || typeof value === "string") return String(value);
  if (format === "usd") return formatUsdExact(value);
  if (format === "share") return formatShare(value);
  return formatNumber(value);
}

/** Short figures, for axis ticks. */
export function formatTick(value: number, format: ValueFormat): string {
  if (format === "usd") return formatUsd(value);
  if (format === "share") return `${Math.round(value * 100)}%`;
  return formatNumber(value);
}
