// What one investor put in: its attributed part (attributeToInvestors) of each counted deal, in total and per period.
import {
  attributeToInvestors,
  countedAmount,
  DEFAULT_RULE,
  isCounted,
  periodOf,
  periodRange,
  type CountingRule,
  type Grain,
  type MeasureDeal,
  type PeriodTotal,
} from "./capital";

/** The investor's part of the deal's counted amount; null when the deal is not counted or the investor is not in it. */
export function attributedAmount(deal: MeasureDeal, investorKey: string, rule: CountingRule = DEFAULT_RULE): bigint | null {
  if (!isCounted(deal, rule) || !deal.investors.some((i) => i.key === investorKey)) return null;
  const part = attributeToInvestors(deal, countedAmount(deal).amount).find((p) => p.key === investorKey);
  return part ? part.amount : 0n;
}

export type InvestorCapital = {
  total: bigint;
  /** Counted deals the investor is in, undisclosed amounts included. */
  countedDeals: number;
  undisclosedDeals: number;
  /** The part of `total` that comes from "up to" figures with no lower amount. */
  upperBoundPart: bigint;
};

export function investorCapital(deals: readonly MeasureDeal[], investorKey: string, rule: CountingRule = DEFAULT_RULE): InvestorCapital {
  const summary: InvestorCapital = { total: 0n, countedDeals: 0, undisclosedDeals: 0, upperBoundPart: 0n };
  for (const deal of deals) {
    const part = attributedAmount(deal, investorKey, rule);
    if (part === null) continue;
    summary.countedDeals++;
    summary.total += part;
    const { basis } = countedAmount(deal);
    if (basis === "undisclosed") summary.undisclosedDeals++;
    if (basis === "upper_bound") summary.upperBoundPart += part;
  }
  return summary;
}

/**
 * The investor's attributed capital per period, split by kind; each period's total is the sum of its parts, and
 * periods with nothing between the first and the last are kept (as zero) so a chart shows the gaps.
 */
export function investorCapitalByPeriod(
  deals: readonly MeasureDeal[],
  investorKey: string,
  options: { grain: Grain; rule?: CountingRule },
): PeriodTotal[] {
  const rule = options.rule ?? DEFAULT_RULE;
  const parts = deals.flatMap((deal) => {
    const amount = attributedAmount(deal, investorKey, rule);
    return amount === null ? [] : [{ period: periodOf(deal.announcedOn, options.grain), kind: deal.kind, amount }];
  });
  if (parts.length === 0) return [];
  const periods = parts.map((p) => p.period).sort();
  const byPeriod = new Map<string, PeriodTotal>();
  for (const period of periodRange(periods[0], periods[periods.length - 1], options.grain))
    byPeriod.set(period, { period, total: 0n, byKey: {} });
  for (const part of parts) {
    const bucket = byPeriod.get(part.period) as PeriodTotal;
    bucket.total += part.amount;
    bucket.byKey[part.kind] = (bucket.byKey[part.kind] ?? 0n) + part.amount;
  }
  return [...byPeriod.values()];
}
