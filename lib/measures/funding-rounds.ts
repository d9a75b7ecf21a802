// A company's funding rounds: its deals grouped into rounds (a Round's parts and tranches together, every other deal
// a round of its own), and the counted amount and post-money valuation of each (docs/domain.md, "Rounds").
import { countedAmount, DEFAULT_RULE, isCounted, type CountingRule, type MeasureDeal } from "./capital";

/** The Round a deal is part of; absent or null when the deal is a round of its own. */
export type DealRound = { id: number; key: string; name: string; announcedOn: string };

export type Roundable = { id: number; announcedOn: string; round?: DealRound | null };

/** What groups deals into rounds: `round:<id>` for a Round's deals, `deal:<id>` for a deal that is a round of its own. */
export function roundGroupKey(deal: Roundable): string {
  return deal.round ? `round:${deal.round.id}` : `deal:${deal.id}`;
}

export type RoundGroup<T extends Roundable> = {
  key: string;
  /** The Round; null for a deal that is a round of its own. */
  round: DealRound | null;
  /** The Round's date, or the deal's own. */
  date: string;
  /** In the order given. */
  deals: T[];
};

/** Rounds oldest first: by the round's date, then its key (roundGroupKey), so rounds of one date keep one order. */
export function byRoundDate(a: { date: string; key: string }, b: { date: string; key: string }): number {
  return a.date.localeCompare(b.date) || a.key.localeCompare(b.key);
}

/** The deals grouped into rounds, oldest first (byRoundDate). */
export function groupIntoRounds<T extends Roundable>(deals: readonly T[]): RoundGroup<T>[] {
  const groups = new Map<string, RoundGroup<T>>();
  for (const deal of deals) {
    const key = roundGroupKey(deal);
    const group = groups.get(key);
    if (group) group.deals.push(deal);
    else groups.set(key, { key, round: deal.round ?? null, date: deal.round?.announcedOn ?? deal.announcedOn, deals: [deal] });
  }
  return [...groups.values()].sort(byRoundDate);
}

export type RoundInput = Pick<MeasureDeal, "id" | "kind" | "status" | "announcedOn" | "amountUsdLow" | "amountUsdHigh"> & {
  postMoneyValuationUsd: bigint | null;
  round?: DealRound | null;
};

export type FundingRoundPoint = {
  date: string;
  /** The Round's name; null for a deal that is a round of its own. */
  name: string | null;
  /** Counted amount of the round's counted deals (undisclosed amounts count as zero). */
  amount: bigint;
  deals: number;
  undisclosedDeals: number;
  /** The post-money valuation reported with the round's deals (the highest if they differ); null where none was. */
  postMoneyValuation: bigint | null;
};

/** One point per round with counted deals, oldest first: what "funding rounds" counts and the company chart draws. */
export function fundingRounds(deals: readonly RoundInput[], rule: CountingRule = DEFAULT_RULE): FundingRoundPoint[] {
  return groupIntoRounds(deals.filter((deal) => isCounted(deal, rule))).map((group) => {
    const point: FundingRoundPoint = {
      date: group.date,
      name: group.round?.name ?? null,
      amount: 0n,
      deals: 0,
      undisclosedDeals: 0,
      postMoneyValuation: null,
    };
    for (const deal of group.deals) {
      const { amount, basis } = countedAmount(deal);
      point.amount += amount;
      point.deals++;
      if (basis === "undisclosed") point.undisclosedDeals++;
      const valuation = deal.postMoneyValuationUsd;
      if (valuation !== null && (point.postMoneyValuation === null || valuation > point.postMoneyValuation))
        point.postMoneyValuation = valuation;
    }
    return point;
  });
}
