// Counted capital per period and kind, summed in the database instead of over every deal in JavaScript.
import "server-only";
import { sql } from "kysely";
import { periodRange, type CountingRule, type Grain, type PeriodTotal } from "../../measures/capital";
import { moneySum, toMoney } from "../kysely";
import { countedDeal, periodOf } from "./overview-figures";
import type { ViewDeals } from "./view-deals";

/**
 * The same result as capitalByPeriod(deals, { rule, grain, stackBy: "kind" }) over one view's deals (every live deal
 * today or as reported on a date, filtered, organizations excluded: lib/data/raw/view-deals.ts); a test compares them.
 */
export async function capitalByPeriodSql(rule: CountingRule, grain: Grain, view: ViewDeals): Promise<PeriodTotal[]> {
  if (rule.kinds.length === 0) return [];
  const rows = await view.deals
    .where(countedDeal(rule))
    .groupBy((eb) => [periodOf("d.announcedOn", grain), eb.ref("d.kind")])
    .select((eb) => [
      periodOf("d.announcedOn", grain).as("period"),
      "d.kind",
      moneySum(eb.fn.coalesce("d.amountUsdKey", sql<bigint>`0`)).as("total"),
    ])
    .execute();
  if (rows.length === 0) return [];
  const periods = rows.map((r) => r.period).sort();
  const byPeriod = new Map<string, PeriodTotal>();
  for (const period of periodRange(periods[0], periods[periods.length - 1], grain)) byPeriod.set(period, { period, total: 0n, byKey: {} });
  // Kinds enter each period in one order whatever order the database grouped them in, so both dialects answer alike.
  rows.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  for (const r of rows) {
    const bucket = byPeriod.get(r.period) as PeriodTotal;
    const amount = toMoney(r.total);
    bucket.total += amount;
    bucket.byKey[r.kind] = (bucket.byKey[r.kind] ?? 0n) + amount;
  }
  return [...byPeriod.values()];
}
