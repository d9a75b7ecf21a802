// "The market without X": removes an organization's money from the deals before any other measure runs, so every
// figure (totals, shares, HHI, flows) is computed on the rest of the market in the same way.
import { attributeToInvestors, countedAmount, type MeasureDeal } from "./capital";

/**
 * Leaves out the deals an excluded organization received, and its part of the deals it invested in (its share as
 * attributeToInvestors splits the deal; co-investors keep theirs). A deal whose investors are all excluded is left out.
 * Pass the keys with their divisions already added (withDivisions) when a company's units should go too.
 */
export function excludeOrganizations(deals: readonly MeasureDeal[], excluded: ReadonlySet<string>): MeasureDeal[] {
  if (excluded.size === 0) return [...deals];
  const kept: MeasureDeal[] = [];
  for (const deal of deals) {
    if (excluded.has(deal.recipient.key)) continue;
    if (!deal.investors.some((i) => excluded.has(i.key))) {
      kept.push(deal);
      continue;
    }
    const { amount, basis } = countedAmount(deal);
    const parts = attributeToInvestors(deal, amount).filter((p) => !excluded.has(p.key));
    if (parts.length === 0) continue;
    const rest = parts.reduce((s, p) => s + p.amount, 0n);
    kept.push({
      ...deal,
      // The remaining amount keeps its basis: an "up to" figure stays an upper bound, an undisclosed one stays unknown.
      amountUsdLow: basis === "low" ? rest : null,
      amountUsdHigh: basis === "undisclosed" ? null : rest,
      // Each remaining investor keeps exactly the part it had, so later attributions reproduce it.
      investors: parts.map((p) => ({ key: p.key, name: p.name, committedUsd: basis === "undisclosed" ? null : p.amount })),
    });
  }
  return kept;
}
