// The largest deals of a set, by the amount the measures count (not by the high end of a range).
import { countedAmount, DEFAULT_RULE, isCounted, type CountingRule, type MeasureDeal } from "./capital";

export type RankedDeal = { id: number; amount: bigint; basis: "low" | "upper_bound" };

/** The `limit` counted deals with the largest disclosed amounts; ties go to the later deal. */
export function largestDeals(deals: readonly MeasureDeal[], rule: CountingRule = DEFAULT_RULE, limit = 10): RankedDeal[] {
  const ranked: (RankedDeal & { announcedOn: string })[] = [];
  for (const deal of deals) {
    if (!isCounted(deal, rule)) continue;
    const { amount, basis } = countedAmount(deal);
    if (basis === "undisclosed") continue;
    ranked.push({ id: deal.id, amount, basis, announcedOn: deal.announcedOn });
  }
  ranked.sort((a, b) => (a.amount === b.amount ? b.announcedOn.localeCompare(a.announcedOn) || b.id - a.id : a.amount > b.amount ? -1 : 1));
  return ranked.slice(0, limit).map(({ id, amount, basis }) => ({ id, amount, basis }));
}
