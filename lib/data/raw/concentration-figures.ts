// Concentration over time for one view's deals (lib/data/raw/view-deals.ts), summed per quarter: each recipient's
// counted capital in the database, or each named investor's part read from the whole market's attribution
// (lib/data/market-attribution.ts, withInvestorShares split once per data version and date: splitting the view's deals
// again took about 2 s per cold view at 100,000 deals), plus the quarter's whole counted capital; a year's are its
// quarters' added up. The shares and the HHI are then the measure's own (concentrationOfTotals), so the figures equal
// concentrationSeries over the view's deals without loading a deal; a test compares them.
import "server-only";
import { sql } from "kysely";
import type { PrismaClient } from "../../generated/prisma/client";
import { UNDISCLOSED_KEY, type CountingRule, type EntityTotal, type Grain } from "../../measures/capital";
import { concentrationOfTotals, type ConcentrationPeriod, type Side } from "../../measures/concentration";
import { idChunks } from "../deals";
import { moneySum, readsOf, toMoney } from "../kysely";
import { marketAttribution, partsByQuarter } from "../market-attribution";
import { byAmountThenName, countedDeal, onDeal, periodOf } from "./overview-figures";
import type { ViewDeals } from "./view-deals";

/**
 * One view's concentration totals by quarter: each entity's counted total per quarter (recipients, or named investors'
 * parts) and each quarter's whole counted capital. A year's totals are its quarters' added up (exact integers), so one
 * pass serves both grains (concentrationByGrain): the year and the quarter of a view are computed once together.
 */
export type ConcentrationTotals = {
  entities: { period: string; key: string; name: string; amount: bigint }[];
  periods: { period: string; amount: bigint }[];
};

export type ConcentrationOptions = {
  /** The database the view's deals are from (the investors' parts are read from its attribution). */
  db: PrismaClient;
  rule: CountingRule;
  side: Side;
  /** The view's date: the attribution the investors' parts are read from is the market's as of it. */
  asOf: string | null;
  /** Slugs of the organizations the view excludes (divisions included): their parts are no one's share. */
  excluded?: readonly string[];
};

export async function concentrationTotalsSql(options: ConcentrationOptions, view: ViewDeals): Promise<ConcentrationTotals> {
  const { rule, side } = options;
  if (rule.kinds.length === 0) return { entities: [], periods: [] };
  const counted = countedDeal(rule);
  const period = periodOf("d.announcedOn", "quarter");
  const amount = onDeal.fn.coalesce("d.amountUsdKey", sql<bigint>`0`);
  const [entities, periodTotals] = await Promise.all([
    side === "recipient"
      ? view.deals
          .innerJoin("Organization as o", "o.id", "d.recipientId")
          .where(counted)
          .groupBy((eb) => [period, eb.ref("o.id"), eb.ref("o.slug"), eb.ref("o.name")])
          .select([period.as("period"), "o.slug", "o.name", moneySum(amount).as("total")])
          .execute()
          .then((rows) => rows.map((r) => ({ period: r.period, key: r.slug, name: r.name, amount: toMoney(r.total) })))
      : investorsByQuarter(options, view),
    // Every counted dollar of the period, unnamed investors' parts included (a deal's parts add up to the deal).
    view.deals
      .where(counted)
      .groupBy(() => [period])
      .select([period.as("period"), moneySum(amount).as("total")])
      .execute(),
  ]);
  return { entities, periods: periodTotals.map((p) => ({ period: p.period, amount: toMoney(p.total) })) };
}

/** The named investors' parts of the view's counted deals per quarter, from the market's attribution as of the view's date. */
async function investorsByQuarter(options: ConcentrationOptions, view: ViewDeals): Promise<ConcentrationTotals["entities"]> {
  const reads = readsOf(options.db);
  const excluded = options.excluded ?? [];
  const [market, deals, excludedIds] = await Promise.all([
    marketAttribution(options.asOf, options.db),
    view.deals.where(countedDeal(options.rule)).select("d.id").execute(),
    excluded.length === 0
      ? []
      : reads
          .selectFrom("Organization")
          .where("slug", "in", [...excluded])
          .select("id")
          .execute(),
  ]);
  const parts = partsByQuarter(
    market,
    deals.map((d) => d.id),
    new Set(excludedIds.map((o) => o.id)),
  );
  const names = new Map<number, { slug: string; name: string }>();
  for (const ids of idChunks([...new Set(parts.map((p) => p.investorId))])) {
    const rows = await reads.selectFrom("Organization").where("id", "in", ids).select(["id", "slug", "name"]).execute();
    for (const o of rows) names.set(o.id, o);
  }
  return parts.map((p) => {
    const { slug, name } = names.get(p.investorId) as { slug: string; name: string };
    return { period: p.quarter, key: slug, name, amount: p.amount };
  });
}

/** The concentration series of one grain from the quarters' totals (a year's: its quarters' summed). */
export function concentrationByGrain(totals: ConcentrationTotals, grain: Grain): ConcentrationPeriod[] {
  // "2025-Q3" is in the year "2025".
  const periodOfGrain = (quarter: string) => (grain === "year" ? quarter.slice(0, 4) : quarter);
  const byPeriod = new Map<string, Map<string, EntityTotal>>();
  for (const e of totals.entities) {
    const period = periodOfGrain(e.period);
    const entities = byPeriod.get(period) ?? new Map<string, EntityTotal>();
    const known = entities.get(e.key);
    entities.set(e.key, { key: e.key, name: e.name, amount: (known?.amount ?? 0n) + e.amount });
    byPeriod.set(period, entities);
  }
  const periodTotals = new Map<string, bigint>();
  for (const p of totals.periods) periodTotals.set(periodOfGrain(p.period), (periodTotals.get(periodOfGrain(p.period)) ?? 0n) + p.amount);
  const totalsByPeriod = new Map<string, EntityTotal[]>();
  for (const [period, total] of periodTotals) {
    const named = [...(byPeriod.get(period)?.values() ?? [])].sort(byAmountThenName);
    const rest = total - named.reduce((s, e) => s + e.amount, 0n);
    totalsByPeriod.set(period, rest > 0n ? [...named, { key: UNDISCLOSED_KEY, name: "Undisclosed", amount: rest }] : named);
  }
  return concentrationOfTotals(totalsByPeriod, grain);
}

/** Concentration per period of one grain for a view's deals. */
export async function concentrationSeriesSql(
  options: ConcentrationOptions & { grain: Grain },
  view: ViewDeals,
): Promise<ConcentrationPeriod[]> {
  return concentrationByGrain(await concentrationTotalsSql(options, view), options.grain);
}
