// Amounts as people write them ("10B", "$1.5bn", "250m", "1,000,000", "2.5 billion") read into exact whole dollars.
// The arithmetic is on BigInt from the digits as typed, never through a float, so "1.1B" is 1100000000 exactly; an
// amount that does not come to whole dollars ("1.5", "1.0000000005k") is refused rather than rounded.
import { formatNumber, formatUsd } from "../format";

const MULTIPLIERS: Record<string, bigint> = {
  "": 1n,
  k: 10n ** 3n,
  thousand: 10n ** 3n,
  m: 10n ** 6n,
  mm: 10n ** 6n,
  mn: 10n ** 6n,
  mil: 10n ** 6n,
  million: 10n ** 6n,
  b: 10n ** 9n,
  bn: 10n ** 9n,
  billion: 10n ** 9n,
  t: 10n ** 12n,
  tn: 10n ** 12n,
  trillion: 10n ** 12n,
};

// Digits grouped by commas only in threes ("1,000,000"), so a stray comma ("1,00") is not silently dropped.
const AMOUNT =
  /^(?:us)?\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k|thousand|mm|mn|mil|million|m|bn|billion|b|tn|trillion|t|)\.?\s*(?:usd|dollars)?$/;

export const AMOUNT_EXAMPLES = "10B, $1.5bn, 250m, 750k or 1,000,000";

/** Whole US dollars from an amount as typed, or null when it is not one (or does not come to whole dollars). */
export function parseAmount(input: string): bigint | null {
  const match = AMOUNT.exec(input.trim().toLowerCase());
  if (!match) return null;
  const [, whole, fraction = "", suffix] = match;
  const multiplier = MULTIPLIERS[suffix];
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole.replaceAll(",", "") + fraction) * multiplier;
  if (scaled % scale !== 0n) return null;
  return scaled / scale;
}

/** An amount as a filter field shows it back: "$10B" when that reads back exactly, else "1,234,567". */
export function formatAmountInput(dollars: bigint): string {
  const compact = formatUsd(dollars);
  return parseAmount(compact) === dollars ? compact : formatNumber(dollars);
}
