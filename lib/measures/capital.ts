// The one definition of every number the dashboard shows (docs/domain.md, "Measures"). Pages, the API and charts call
// these functions; nothing else adds up money. All money is BigInt whole dollars; only shares are fractions.
import type { DealRound } from "./funding-rounds";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";

export type MeasureDeal = {
  id: number;
  kind: DealKind;
  status: DealStatus;
  announcedOn: string;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier;
  recipient: { key: string; name: string };
  /** In the order of the investors column (lead first). Unnamed parties have key UNDISCLOSED_KEY. */
  investors: { key: string; name: string; committedUsd: bigint | null }[];
  /** The Round the deal is part of (lib/measures/funding-rounds.ts); absent or null: a round of its own. */
  round?: DealRound | null;
};

export const UNDISCLOSED_KEY = "(undisclosed)";

/** Kinds that are money invested into companies; all others are commitments or transactions shown as their own series. */
export const CAPITAL_KINDS: readonly DealKind[] = ["equity", "convertible"];
export const COUNTED_STATUSES: readonly DealStatus[] = ["announced", "closed"];
export const PIPELINE_STATUSES: readonly DealStatus[] = ["rumored", "in_talks"];

export type CountingRule = { kinds: readonly DealKind[]; includePipeline: boolean };
export const DEFAULT_RULE: CountingRule = { kinds: CAPITAL_KINDS, includePipeline: false };

export type CountedAmount = { amount: bigint; basis: "low" | "upper_bound" | "undisclosed" };

/** The low amount; the high one where only "up to" is known (marked upper_bound); zero where nothing is disclosed. */
export function countedAmount(deal: Pick<MeasureDeal, "amountUsdLow" | "amountUsdHigh">): CountedAmount {
  const amount = amountKey(deal.amountUsdLow, deal.amountUsdHigh);
  if (amount === null) return { amount: 0n, basis: "undisclosed" };
  return { amount, basis: deal.amountUsdLow !== null ? "low" : "upper_bound" };
}

/** The amount a deal is sorted and filtered by; stored on the deal (amountUsdKey) so lists can index it. */
export function amountKey(low: bigint | null, high: bigint | null): bigint | null {
  return low ?? high;
}

/** Terminated deals never count; rumored and in-talks ones only under the pipeline switch. */
export function isCounted(deal: Pick<MeasureDeal, "kind" | "status">, rule: CountingRule = DEFAULT_RULE): boolean {
  if (!rule.kinds.includes(deal.kind)) return false;
  if (COUNTED_STATUSES.includes(deal.status)) return true;
  return rule.includePipeline && PIPELINE_STATUSES.includes(deal.status);
}

export type CapitalSummary = {
  total: bigint;
  dealCount: number;
  undisclosedCount: number;
  /** The part of `total` that comes from "up to" figures with no lower amount. */
  upperBoundTotal: bigint;
};

export function capitalCounted(deals: readonly MeasureDeal[], rule: CountingRule = DEFAULT_RULE): CapitalSummary {
  const summary: CapitalSummary = { total: 0n, dealCount: 0, undisclosedCount: 0, upperBoundTotal: 0n };
  for (const deal of deals) {
    if (!isCounted(deal, rule)) continue;
    const { amount, basis } = countedAmount(deal);
    summary.dealCount++;
    summary.total += amount;
    if (basis === "undisclosed") summary.undisclosedCount++;
    if (basis === "upper_bound") summary.upperBoundTotal += amount;
  }
  return summary;
}

/** The summaries of sets of deals that share no deal, added: the summary of all of them. */
export function addCapital(parts: readonly CapitalSummary[]): CapitalSummary {
  const sum: CapitalSummary = { total: 0n, dealCount: 0, undisclosedCount: 0, upperBoundTotal: 0n };
  for (const part of parts) {
    sum.total += part.total;
    sum.dealCount += part.dealCount;
    sum.undisclosedCount += part.undisclosedCount;
    sum.upperBoundTotal += part.upperBoundTotal;
  }
  return sum;
}

export type Grain = "quarter" | "year";

export function periodOf(isoDate: string, grain: Grain): string {
  const year = isoDate.slice(0, 4);
  if (grain === "year") return year;
  const quarter = Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
  return `${year}-Q${quarter}`;
}

/** A period as a count of periods since year 0, and back: consecutive periods are consecutive numbers. */
const periodIndex = (p: string, grain: Grain) => (grain === "year" ? Number(p) : Number(p.slice(0, 4)) * 4 + Number(p.slice(6)) - 1);
const periodAt = (i: number, grain: Grain) => (grain === "year" ? String(i) : `${Math.floor(i / 4)}-Q${(i % 4) + 1}`);

/** Every period from first to last inclusive, so that a chart shows empty quarters as empty rather than skipping them. */
export function periodRange(first: string, last: string, grain: Grain): string[] {
  const periods: string[] = [];
  for (let i = periodIndex(first, grain); i <= periodIndex(last, grain); i++) periods.push(periodAt(i, grain));
  return periods;
}

/** The period `by` periods after `period` ("2025-Q4" and 1: "2026-Q1"; -1: "2025-Q3"). */
export function periodAfter(period: string, grain: Grain, by: number): string {
  return periodAt(periodIndex(period, grain) + by, grain);
}

export type PeriodTotal = { period: string; total: bigint; byKey: Record<string, bigint> };

/** Counted capital per period, split by kind or by status; each period's total equals the sum of its parts. */
export function capitalByPeriod(
  deals: readonly MeasureDeal[],
  options: { rule?: CountingRule; grain: Grain; stackBy: "kind" | "status" },
): PeriodTotal[] {
  const rule = options.rule ?? DEFAULT_RULE;
  const counted = deals.filter((d) => isCounted(d, rule));
  if (counted.length === 0) return [];
  const byPeriod = new Map<string, PeriodTotal>();
  const dates = counted.map((d) => d.announcedOn).sort();
  for (const period of periodRange(periodOf(dates[0], options.grain), periodOf(dates[dates.length - 1], options.grain), options.grain)) {
    byPeriod.set(period, { period, total: 0n, byKey: {} });
  }
  for (const deal of counted) {
    const bucket = byPeriod.get(periodOf(deal.announcedOn, options.grain)) as PeriodTotal;
    const { amount } = countedAmount(deal);
    const key = options.stackBy === "kind" ? deal.kind : deal.status;
    bucket.total += amount;
    bucket.byKey[key] = (bucket.byKey[key] ?? 0n) + amount;
  }
  return [...byPeriod.values()];
}

/**
 * Splits one deal's counted amount among its investors: committed amounts where known, the rest in equal parts
 * among the others (unnamed parties share as "undisclosed"); the odd dollars go to the first listed, so the parts
 * add up to the deal exactly.
 */
export function attributeToInvestors(
  deal: Pick<MeasureDeal, "investors">,
  amount: bigint,
): { key: string; name: string; amount: bigint }[] {
  if (deal.investors.length === 0) return [{ key: UNDISCLOSED_KEY, name: "Undisclosed", amount }];
  const committed = deal.investors.filter((i) => i.committedUsd !== null);
  const committedSum = committed.reduce((s, i) => s + (i.committedUsd as bigint), 0n);
  const open = deal.investors.filter((i) => i.committedUsd === null);
  const parts = new Map<string, { key: string; name: string; amount: bigint }>();
  const add = (key: string, name: string, value: bigint) => {
    const existing = parts.get(key);
    if (existing) existing.amount += value;
    else parts.set(key, { key, name, amount: value });
  };
  // (With no stated commitments at all, an undisclosed deal still lists its investors, each with a zero part.)
  if (committed.length > 0 && committedSum >= amount) {
    // Stated commitments cover the whole deal: take them in order, capped so the parts never exceed the deal.
    let left = amount;
    for (const i of committed) {
      const share = i.committedUsd! < left ? i.committedUsd! : left;
      add(i.key, i.name, share);
      left -= share;
    }
    return [...parts.values()];
  }
  if (open.length === 0) {
    committed.forEach((i) => add(i.key, i.name, i.committedUsd!));
    add(UNDISCLOSED_KEY, "Undisclosed", amount - committedSum);
    return [...parts.values()];
  }
  committed.forEach((i) => add(i.key, i.name, i.committedUsd!));
  const rest = amount - committedSum;
  const n = BigInt(open.length);
  const each = rest / n;
  let odd = rest % n;
  for (const investor of open) {
    const extra = odd > 0n ? 1n : 0n;
    odd -= extra;
    add(investor.key, investor.name, each + extra);
  }
  return [...parts.values()];
}

export type EntityTotal = { key: string; name: string; amount: bigint };

function sortTotals(map: Map<string, EntityTotal>): EntityTotal[] {
  return [...map.values()].sort((a, b) => (a.amount === b.amount ? a.name.localeCompare(b.name) : a.amount > b.amount ? -1 : 1));
}

/** Counted capital per recipient, largest first. */
export function capitalByRecipient(deals: readonly MeasureDeal[], rule: CountingRule = DEFAULT_RULE): EntityTotal[] {
  const totals = new Map<string, EntityTotal>();
  for (const deal of deals) {
    if (!isCounted(deal, rule)) continue;
    const { amount } = countedAmount(deal);
    const entry = totals.get(deal.recipient.key) ?? { ...deal.recipient, amount: 0n };
    entry.amount += amount;
    totals.set(deal.recipient.key, entry);
  }
  return sortTotals(totals);
}

/** Counted capital per investor (see attributeToInvestors), largest first; unnamed parties are one "undisclosed" entry. */
export function capitalByInvestor(deals: readonly MeasureDeal[], rule: CountingRule = DEFAULT_RULE): EntityTotal[] {
  const totals = new Map<string, EntityTotal>();
  for (const deal of deals) {
    if (!isCounted(deal, rule)) continue;
    for (const part of attributeToInvestors(deal, countedAmount(deal).amount)) {
      const entry = totals.get(part.key) ?? { key: part.key, name: part.name, amount: 0n };
      entry.amount += part.amount;
      totals.set(part.key, entry);
    }
  }
  return sortTotals(totals);
}

/**
 * Herfindahl-Hirschman index: the sum of squared percentage shares, 0-10,000, rounded to the nearest whole number.
 * `total` defaults to the sum of the amounts; a larger one (part of it held by no listed entity, such as unnamed
 * investors) adds nothing to the index, as if spread very thin.
 */
export function herfindahlIndex(amounts: readonly bigint[], total: bigint = sumOf(amounts)): number {
  return herfindahlOfSquares(
    amounts.reduce((s, a) => s + a * a, 0n),
    total,
  );
}

/** The same index from the amounts' sum of squares (exact), for a caller that sums them as they come. */
export function herfindahlOfSquares(sumOfSquares: bigint, total: bigint): number {
  if (total === 0n) return 0;
  const denominator = total * total;
  return Number((20_000n * sumOfSquares + denominator) / (2n * denominator));
}

function sumOf(amounts: readonly bigint[]): bigint {
  return amounts.reduce((s, a) => s + a, 0n);
}

/** An exact ratio of two BigInts as a float, precise to about 1e-9. */
export function ratio(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Number((part * 1_000_000_000n) / whole) / 1_000_000_000;
}
