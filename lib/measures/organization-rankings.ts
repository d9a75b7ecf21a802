// The rankings of /investors and /companies: counted capital per organization together with its deal counts.
import {
  attributeToInvestors,
  countedAmount,
  DEFAULT_RULE,
  isCounted,
  UNDISCLOSED_KEY,
  type CountingRule,
  type MeasureDeal,
} from "./capital";

export type OrganizationRank = {
  key: string;
  name: string;
  /** Counted capital: attributed to the investor, or received by the recipient. */
  amount: bigint;
  /** Deals of any kind and status. */
  deals: number;
  countedDeals: number;
};

/** The ranking's order: counted capital, largest first, then more deals, then by name. */
export function byRankingOrder(
  a: Pick<OrganizationRank, "amount" | "deals" | "name">,
  b: Pick<OrganizationRank, "amount" | "deals" | "name">,
) {
  return a.amount === b.amount ? b.deals - a.deals || a.name.localeCompare(b.name) : a.amount > b.amount ? -1 : 1;
}

function rank(rows: Map<string, OrganizationRank>): OrganizationRank[] {
  return [...rows.values()].sort(byRankingOrder);
}

/** Every named investor, by the counted capital attributed to it (attributeToInvestors), then by deal count and name. */
export function rankInvestors(deals: readonly MeasureDeal[], rule: CountingRule = DEFAULT_RULE): OrganizationRank[] {
  const rows = new Map<string, OrganizationRank>();
  for (const deal of deals) {
    const counted = isCounted(deal, rule);
    const parts = counted ? attributeToInvestors(deal, countedAmount(deal).amount) : [];
    for (const key of new Set(deal.investors.map((i) => i.key))) {
      if (key === UNDISCLOSED_KEY) continue;
      const investor = deal.investors.find((i) => i.key === key) as MeasureDeal["investors"][number];
      const row = rows.get(key) ?? { key, name: investor.name, amount: 0n, deals: 0, countedDeals: 0 };
      row.deals++;
      if (counted) {
        row.countedDeals++;
        row.amount += parts.find((p) => p.key === key)?.amount ?? 0n;
      }
      rows.set(key, row);
    }
  }
  return rank(rows);
}

/** Every recipient, by the counted capital it received, then by deal count and name. */
export function rankRecipients(deals: readonly MeasureDeal[], rule: CountingRule = DEFAULT_RULE): OrganizationRank[] {
  const rows = new Map<string, OrganizationRank>();
  for (const deal of deals) {
    const row = rows.get(deal.recipient.key) ?? { ...deal.recipient, amount: 0n, deals: 0, countedDeals: 0 };
    row.deals++;
    if (isCounted(deal, rule)) {
      row.countedDeals++;
      row.amount += countedAmount(deal).amount;
    }
    rows.set(deal.recipient.key, row);
  }
  return rank(rows);
}
