// Concentration over time for one view's deals (lib/data/raw/view-deals.ts), summed in the database: per quarter, each
// recipient's counted capital, or each named investor's part as attributeToInvestors splits it
// (lib/data/raw/overview-figures.ts), plus the quarter's whole counted capital; a year's are its quarters' added up. The
// shares and the HHI are then the
// measure's own (concentrationOfTotals), so the figures equal concentrationSeries over the view's deals without
// loading a deal; a test compares them.
import "server-only";
import { UNDISCLOSED_KEY, type CountingRule, type EntityTotal, type Grain } from "../../measures/capital";
import { concentrationOfTotals, type ConcentrationPeriod, type Side } from "../../measures/concentration";
import { idChunks } from "../deals";
import { moneySum, toMoney, type Reads } from "../kysely";
import { byAmountThenName, countedCells } from "./overview-figures";
import type { Cells } from "./market-cells";

/**
 * One view's concentration totals by quarter: each entity's counted total per quarter (recipients, or named investors'
 * parts) and each quarter's whole counted capital. A year's totals are its quarters' added up (exact integers), so one
 * pass serves both grains (concentrationByGrain): the year and the quarter of a view are computed once together.
 */
export type ConcentrationTotals = {
  entities: { period: string; key: string; name: string; amount: bigint }[];
  periods: { period: string; amount: bigint }[];
};

export async function concentrationTotalsSql(options: { rule: CountingRule; side: Side }, cells: Cells): Promise<ConcentrationTotals> {
  const { rule, side } = options;
  if (rule.kinds.length === 0) return { entities: [], periods: [] };
  const counted = countedCells(rule);
  // Each organization's cells are summed per quarter (grouped by the organization's id, the first column of the cells'
  // key), and the names are then read once per organization: joined to every group, the names took longer than the
  // sums (0.5 of 0.9 s for the 160,000 recipient-quarters of a million deals).
  if (side === "recipient") {
    const entities = await named(
      cells.reads,
      await cells
        .recipients(counted)
        .groupBy(["c.recipientId", "c.quarter"])
        .select((eb) => ["c.recipientId as organizationId", "c.quarter", moneySum(eb.ref("c.amount")).as("total")])
        .execute(),
    );
    // Every counted deal has a recipient, so a quarter's whole counted capital is its recipients' totals added up.
    const periods = new Map<string, bigint>();
    for (const e of entities) periods.set(e.period, (periods.get(e.period) ?? 0n) + e.amount);
    return { entities, periods: [...periods].map(([p, total]) => ({ period: p, amount: total })) };
  }
  const [entities, periodTotals] = await Promise.all([
    (await cells.investors(counted))
      .groupBy(["c.organizationId", "c.quarter"])
      .select((eb) => ["c.organizationId", "c.quarter", moneySum(eb.ref("c.amount")).as("total")])
      .execute(),
    // Every counted dollar of the period, unnamed investors' parts included (a deal's parts add up to the deal).
    cells
      .periods(counted)
      .groupBy("c.quarter")
      .select((eb) => ["c.quarter as period", moneySum(eb.ref("c.amount")).as("total")])
      .execute(),
  ]);
  return {
    entities: await named(cells.reads, entities),
    periods: periodTotals.map((p) => ({ period: p.period, amount: toMoney(p.total) })),
  };
}

/** Organizations' totals per quarter with their slugs and names, read by id (a deleted organization's too). */
async function named(
  reads: Reads,
  totals: { organizationId: number; quarter: string; total: string | null }[],
): Promise<ConcentrationTotals["entities"]> {
  const names = new Map<number, { slug: string; name: string }>();
  for (const chunk of idChunks([...new Set(totals.map((t) => t.organizationId))])) {
    for (const o of await reads.selectFrom("Organization").where("id", "in", chunk).select(["id", "slug", "name"]).execute())
      names.set(o.id, o);
  }
  return totals.flatMap((t) => {
    const o = names.get(t.organizationId);
    return o ? [{ period: t.quarter, key: o.slug, name: o.name, amount: toMoney(t.total) }] : [];
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

/** Concentration per period of one grain for a view's cells. */
export async function concentrationSeriesSql(
  options: { rule: CountingRule; grain: Grain; side: Side },
  cells: Cells,
): Promise<ConcentrationPeriod[]> {
  return concentrationByGrain(await concentrationTotalsSql(options, cells), options.grain);
}
