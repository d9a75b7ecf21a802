// Counted capital per period and kind, summed in the database instead of over every deal in JavaScript.
import "server-only";
import { periodRange, type CountingRule, type Grain, type PeriodTotal } from "../../measures/capital";
import { moneySum, toMoney } from "../kysely";
import type { Cells } from "./market-cells";
import { cellPeriod, countedCells } from "./overview-figures";

/**
 * The same result as capitalByPeriod(deals, { rule, grain, stackBy: "kind" }) over one view's deals (every live deal
 * today or as reported on a date, filtered, organizations excluded: lib/data/raw/view-deals.ts), summed over the view's
 * cells (the market's cells today); a test compares them.
 */
export async function capitalByPeriodSql(rule: CountingRule, grain: Grain, cells: Cells): Promise<PeriodTotal[]> {
  if (rule.kinds.length === 0) return [];
  const period = cellPeriod(grain);
  const rows = await cells
    .periods(countedCells(rule))
    .groupBy([period, "c.kind"])
    .select((eb) => [period.as("period"), "c.kind", moneySum(eb.ref("c.amount")).as("total")])
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
