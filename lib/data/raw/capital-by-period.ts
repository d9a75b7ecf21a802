// Counted capital per period and kind, summed in the database instead of over every deal in JavaScript.
import "server-only";
import { sql } from "kysely";
import type { PrismaClient } from "../../generated/prisma/client";
import { periodRange, type CountingRule, type Grain, type PeriodTotal } from "../../measures/capital";
import { moneySum, readsOf, toMoney } from "../kysely";
import { countedDeal, periodOf } from "./overview-figures";
import { dealsAsOf } from "../deal-state";

/**
 * The same result as capitalByPeriod(deals, { rule, grain, stackBy: "kind" }) over every live deal, today or as
 * reported on `asOf` (the deals' states, lib/data/deal-state.ts); a test compares them.
 */
export async function capitalByPeriodSql(
  db: PrismaClient,
  rule: CountingRule,
  grain: Grain,
  asOf: string | null = null,
): Promise<PeriodTotal[]> {
  if (rule.kinds.length === 0) return [];
  const rows = await dealsAsOf(readsOf(db), asOf)
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
