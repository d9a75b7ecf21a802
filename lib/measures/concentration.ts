// Concentration over time (docs/domain.md, "Measures"): per period, the share of counted capital held by the largest
// 1, 3 and 5 recipients or investors, their names, and the Herfindahl-Hirschman index.
import {
  capitalByInvestor,
  capitalByRecipient,
  DEFAULT_RULE,
  herfindahlIndex,
  herfindahlOfSquares,
  isCounted,
  periodOf,
  periodRange,
  ratio,
  UNDISCLOSED_KEY,
  type CountingRule,
  type EntityTotal,
  type Grain,
  type MeasureDeal,
} from "./capital";

export type Side = "recipient" | "investor";

/**
 * The usual readings of the HHI, from the 2010 US Horizontal Merger Guidelines: below 1,500 unconcentrated,
 * 1,500 to 2,500 moderately concentrated, above 2,500 highly concentrated.
 */
export const HHI_BANDS = [
  { reading: "unconcentrated", label: "Unconcentrated", from: 0, to: 1500 },
  { reading: "moderate", label: "Moderately concentrated", from: 1500, to: 2500 },
  { reading: "high", label: "Highly concentrated", from: 2500, to: 10_000 },
] as const;
export type HhiReading = (typeof HHI_BANDS)[number]["reading"];

export function hhiReading(hhi: number): HhiReading {
  if (hhi > 2500) return "high";
  if (hhi >= 1500) return "moderate";
  return "unconcentrated";
}

export function hhiReadingLabel(hhi: number): string {
  const reading = hhiReading(hhi);
  return HHI_BANDS.find((b) => b.reading === reading)?.label ?? reading;
}

export type Leader = { key: string; name: string; amount: bigint; share: number };

export type ConcentrationPeriod = {
  period: string;
  /** All counted capital of the period, unnamed investors' part included. */
  total: bigint;
  /** Null when the period has no counted capital: a share of nothing is not 0 %. */
  hhi: number | null;
  top1: number | null;
  top3: number | null;
  top5: number | null;
  /** Named organizations with capital in the period. */
  entities: number;
  leaders: Leader[];
};

export const LEADER_COUNT = 5;

/**
 * One point per period from the first to the last with counted capital (empty periods included, with null shares).
 * Investor side: each deal is split among its investors (attributeToInvestors). Parts of unnamed investors stay in
 * the total but are no one's share: they cannot lead, and the HHI treats them as spread thin (a lower bound).
 */
export function concentrationSeries(
  deals: readonly MeasureDeal[],
  options: { rule?: CountingRule; grain: Grain; side: Side },
): ConcentrationPeriod[] {
  const rule = options.rule ?? DEFAULT_RULE;
  const byPeriod = new Map<string, MeasureDeal[]>();
  for (const deal of deals) {
    if (!isCounted(deal, rule)) continue;
    const period = periodOf(deal.announcedOn, options.grain);
    // Appended in place: copying the period's list for every deal was quadratic (seconds at 100,000 deals).
    const list = byPeriod.get(period);
    if (list) list.push(deal);
    else byPeriod.set(period, [deal]);
  }
  const totalsByPeriod = new Map<string, EntityTotal[]>();
  for (const [period, periodDeals] of byPeriod) {
    totalsByPeriod.set(period, options.side === "recipient" ? capitalByRecipient(periodDeals, rule) : capitalByInvestor(periodDeals, rule));
  }
  return concentrationOfTotals(totalsByPeriod, options.grain);
}

/**
 * The series from each period's totals per entity (capitalByRecipient or capitalByInvestor of the period's counted
 * deals: largest first, the undisclosed entry anywhere). The same figures summed in the database
 * (lib/data/raw/concentration-figures.ts) reach periodConcentration through a PeriodSpread of their own.
 */
export function concentrationOfTotals(totalsByPeriod: ReadonlyMap<string, readonly EntityTotal[]>, grain: Grain): ConcentrationPeriod[] {
  if (totalsByPeriod.size === 0) return [];
  const periods = [...totalsByPeriod.keys()].sort();
  return periodRange(periods[0], periods[periods.length - 1], grain).map((period) => {
    const totals = totalsByPeriod.get(period) ?? [];
    const named = totals.filter((t) => t.key !== UNDISCLOSED_KEY && t.amount > 0n);
    return periodConcentration(
      period,
      totals.reduce((s, t) => s + t.amount, 0n),
      spreadOf(named.map((t) => t.amount)),
      named.slice(0, LEADER_COUNT),
    );
  });
}

/** What a period's HHI and entity count need of its named amounts: how many are above zero, and their squares' sum. */
export type PeriodSpread = { entities: number; sumOfSquares: bigint };

export const emptySpread = (): PeriodSpread => ({ entities: 0, sumOfSquares: 0n });

/** Counts one named entity's amount in the period's spread (an amount of zero holds no share). */
export function addToSpread(spread: PeriodSpread, amount: bigint): void {
  if (amount <= 0n) return;
  spread.entities += 1;
  spread.sumOfSquares += amount * amount;
}

export function spreadOf(amounts: Iterable<bigint>): PeriodSpread {
  const spread = emptySpread();
  for (const amount of amounts) addToSpread(spread, amount);
  return spread;
}

/**
 * One period's figures from its whole counted capital, the spread of its named entities' amounts and its leaders: the
 * LEADER_COUNT largest, ties by name. The top shares are the leaders' (the largest amounts whatever the ties), so a
 * caller that sums in the database names only the leaders.
 */
export function periodConcentration(
  period: string,
  total: bigint,
  spread: PeriodSpread,
  leaders: readonly EntityTotal[],
): ConcentrationPeriod {
  const measurable = total > 0n;
  const topShare = (n: number) =>
    measurable
      ? ratio(
          leaders.slice(0, n).reduce((s, t) => s + t.amount, 0n),
          total,
        )
      : null;
  return {
    period,
    total,
    hhi: measurable ? herfindahlOfSquares(spread.sumOfSquares, total) : null,
    top1: topShare(1),
    top3: topShare(3),
    top5: topShare(5),
    entities: spread.entities,
    leaders: leaders.map((t) => ({ key: t.key, name: t.name, amount: t.amount, share: ratio(t.amount, total) })),
  };
}

export type HhiTerm = { key: string; name: string; amount: bigint; share: number; points: number };

/**
 * The HHI written out term by term, for showing how it is computed: each entity's share and its squared percentage
 * share ("points"). The points add up to the HHI before it is rounded.
 */
export function hhiBreakdown(entities: readonly { key: string; name: string; amount: bigint }[]): {
  total: bigint;
  terms: HhiTerm[];
  hhi: number;
} {
  const named = entities.filter((e) => e.amount > 0n);
  const total = named.reduce((s, e) => s + e.amount, 0n);
  const terms = named.map((e) => {
    const share = ratio(e.amount, total);
    return { key: e.key, name: e.name, amount: e.amount, share, points: (share * 100) ** 2 };
  });
  return { total, terms, hhi: herfindahlIndex(named.map((e) => e.amount)) };
}
