// A company's funding rounds over time: counted round amounts per announcement date, with the post-money valuation.
import { countedAmount, DEFAULT_RULE, isCounted, type CountingRule, type MeasureDeal } from "./capital";

export type RoundInput = Pick<MeasureDeal, "kind" | "status" | "announcedOn" | "amountUsdLow" | "amountUsdHigh"> & {
  postMoneyValuationUsd: bigint | null;
};

export type FundingRoundPoint = {
  date: string;
  /** Counted amount of the deals announced that day (undisclosed amounts count as zero). */
  amount: bigint;
  deals: number;
  undisclosedDeals: number;
  /** The post-money valuation reported with that day's deals; null where none was reported. */
  postMoneyValuation: bigint | null;
};

/**
 * One point per date with counted deals, oldest first. Tranches of one round are often announced the same day
 * (OpenAI, 27 Feb 2026), so they are added into one point; if they reported different valuations, the highest is kept.
 */
export function fundingRoundsByDate(deals: readonly RoundInput[], rule: CountingRule = DEFAULT_RULE): FundingRoundPoint[] {
  const byDate = new Map<string, FundingRoundPoint>();
  for (const deal of deals) {
    if (!isCounted(deal, rule)) continue;
    const point = byDate.get(deal.announcedOn) ?? {
      date: deal.announcedOn,
      amount: 0n,
      deals: 0,
      undisclosedDeals: 0,
      postMoneyValuation: null,
    };
    const { amount, basis } = countedAmount(deal);
    point.amount += amount;
    point.deals++;
    if (basis === "undisclosed") point.undisclosedDeals++;
    const valuation = deal.postMoneyValuationUsd;
    if (valuation !== null && (point.postMoneyValuation === null || valuation > point.postMoneyValuation))
      point.postMoneyValuation = valuation;
    byDate.set(deal.announcedOn, point);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
