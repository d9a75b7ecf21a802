// The one place that writes money, dates and shares for people. Pure: used by server pages and client charts alike.
import type { AmountQualifier } from "./domain";

const compactUsd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const fullUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const wholeNumber = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "$1.5B", "$16M", "$850K". */
export function formatUsd(amount: bigint | number): string {
  return compactUsd.format(amount);
}

/** "$1,500,000,000": for tables and tooltips where the exact figure matters. */
export function formatUsdExact(amount: bigint | number): string {
  return fullUsd.format(amount);
}

export function formatNumber(value: bigint | number): string {
  return wholeNumber.format(value);
}

/** "1,234.6": a number with a fixed count of decimals, for worked examples of a computation. */
export function formatDecimal(value: number, digits: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Amounts written as honestly as they were reported: "up to $50B", "$300M-$550M", "about $4B", "undisclosed". */
export function formatAmount(low: bigint | null, high: bigint | null, qualifier: AmountQualifier): string {
  switch (qualifier) {
    case "undisclosed":
      return "Undisclosed";
    case "up_to":
      return low !== null && high !== null && low !== high
        ? `${formatUsd(low)} now, up to ${formatUsd(high)}`
        : `Up to ${formatUsd((high ?? low) as bigint)}`;
    case "at_least":
      return `At least ${formatUsd((low ?? high) as bigint)}`;
    case "about":
      return `About ${formatUsd((low ?? high) as bigint)}`;
    case "range":
      return `${formatUsd(low as bigint)}–${formatUsd(high as bigint)}`;
    case "exact":
      return formatUsd((low ?? high) as bigint);
  }
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "27 Feb 2026" from "2026-02-27"; calendar dates carry no time zone, so none is applied. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** "42.1%" from 0.421. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function formatStake(bps: number): string {
  return `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)}%`;
}

/** "2025-Q3" -> "Q3 2025"; a month "2025-07" -> "Jul 2025". */
export function formatPeriod(period: string): string {
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  return month ? `${MONTHS[Number(month[2]) - 1]} ${month[1]}` : period;
}

const regionNames = new Intl.DisplayNames("en", { type: "region" });

/** "United States" from "US" (ISO 3166-1 alpha-2); "—" where the country is not recorded. */
export function formatCountry(code: string | null): string {
  if (!code) return "—";
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "2 Dec 2026, 07:40 UTC" from an ISO 8601 instant: when something was written, in UTC so that every reader agrees. */
export function formatInstant(iso: string): string {
  return `${formatDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}
