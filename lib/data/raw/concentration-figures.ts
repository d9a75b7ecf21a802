// Concentration over time for one view's deals (lib/data/raw/view-deals.ts), summed in the database: per quarter, each
// recipient's counted capital, or each named investor's part as attributeToInvestors splits it
// (lib/data/raw/overview-figures.ts), plus the quarter's whole counted capital; a year's are its quarters' added up. The
// shares and the HHI are then the measure's own (periodConcentration, as concentrationOfTotals computes them), so the
// figures equal concentrationSeries over the view's deals without loading a deal; a test compares them.
import "server-only";
import { periodRange, type CountingRule, type Grain } from "../../measures/capital";
import {
  addToSpread,
  emptySpread,
  LEADER_COUNT,
  periodConcentration,
  type ConcentrationPeriod,
  type PeriodSpread,
  type Side,
} from "../../measures/concentration";
import { organizationNames } from "../organization-where";
import { moneySum, toMoney, type Reads } from "../kysely";
import { byAmountThenName, countedCells } from "./overview-figures";
import type { Cells } from "./market-cells";

/**
 * One view's concentration totals by quarter: each entity's counted total per quarter (recipients, or named investors'
 * parts, by organization id) and each quarter's whole counted capital. A year's totals are its quarters' added up
 * (exact integers), so one pass serves both grains (concentrationByGrains): the year and the quarter of a view are
 * computed once together.
 */
export type ConcentrationTotals = {
  /** Ordered by organization, then quarter: a year's quarters of one organization come together. */
  entities: { period: string; organizationId: number; amount: bigint }[];
  periods: { period: string; amount: bigint }[];
};

export async function concentrationTotalsSql(options: { rule: CountingRule; side: Side }, cells: Cells): Promise<ConcentrationTotals> {
  const { rule, side } = options;
  if (rule.kinds.length === 0) return { entities: [], periods: [] };
  const counted = countedCells(rule);
  // Each organization's cells are summed per quarter (grouped by the organization's id, the first column of the
  // cells' key). Names are read for the leaders only (concentrationByGrains): joined to every group, or read for
  // every organization, they took longer than the sums (0.2-0.5 of 0.9 s for the 160,000 recipient-quarters of a
  // million deals).
  if (side === "recipient") {
    const entities = amounts(
      await cells
        .recipients(counted)
        .groupBy(["c.recipientId", "c.quarter"])
        .orderBy("c.recipientId")
        .orderBy("c.quarter")
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
      .orderBy("c.organizationId")
      .orderBy("c.quarter")
      .select((eb) => ["c.organizationId", "c.quarter", moneySum(eb.ref("c.amount")).as("total")])
      .execute(),
    // Every counted dollar of the period, unnamed investors' parts included (a deal's parts add up to the deal).
    cells
      .periods(counted)
      .groupBy("c.quarter")
      .select((eb) => ["c.quarter as period", moneySum(eb.ref("c.amount")).as("total")])
      .execute(),
  ]);
  return { entities: amounts(entities), periods: periodTotals.map((p) => ({ period: p.period, amount: toMoney(p.total) })) };
}

function amounts(totals: { organizationId: number; quarter: string; total: string | null }[]): ConcentrationTotals["entities"] {
  return totals.map((t) => ({ period: t.quarter, organizationId: t.organizationId, amount: toMoney(t.total) }));
}

/** One period of one grain before its leaders are named: its totals, its spread, and the leaders' candidates. */
type PeriodAmounts = { total: bigint; named: bigint; spread: PeriodSpread; candidates: { id: number; amount: bigint }[] };

/**
 * Keeps the organizations that can lead a period, largest first: the LEADER_COUNT largest amounts and every other
 * amount equal to the smallest of them (a tie there is broken by name, read later).
 */
function addCandidate(candidates: PeriodAmounts["candidates"], id: number, amount: bigint): void {
  if (amount <= 0n || (candidates.length >= LEADER_COUNT && amount < candidates[LEADER_COUNT - 1].amount)) return;
  let i = candidates.length;
  while (i > 0 && candidates[i - 1].amount < amount) i--;
  candidates.splice(i, 0, { id, amount });
  if (candidates.length > LEADER_COUNT) {
    const threshold = candidates[LEADER_COUNT - 1].amount;
    while ((candidates.at(-1) as { amount: bigint }).amount < threshold) candidates.pop();
  }
}

/**
 * Each period of one grain from the quarters' totals in one pass: the totals come ordered by organization and
 * quarter, so one organization's amount in a period (a year: its quarters summed) is complete when the next row is
 * another organization's or another period's, and is then counted in its period's spread and candidates. Keeping
 * every organization's amount per period in maps until the end took 0.18-0.24 s of the 0.6-0.9 s at a million deals
 * cold, the one pass 0.07-0.10 s.
 */
function periodAmounts(totals: ConcentrationTotals, grain: Grain): Map<string, PeriodAmounts> {
  // "2025-Q3" is in the year "2025".
  const periodOfGrain = (quarter: string) => (grain === "year" ? quarter.slice(0, 4) : quarter);
  const periods = new Map<string, PeriodAmounts>();
  const periodEntry = (period: string) => {
    let p = periods.get(period);
    if (!p) periods.set(period, (p = { total: 0n, named: 0n, spread: emptySpread(), candidates: [] }));
    return p;
  };
  let current: { organizationId: number; period: string; amount: bigint } | null = null;
  const close = () => {
    if (!current) return;
    const p = periodEntry(current.period);
    p.named += current.amount;
    addToSpread(p.spread, current.amount);
    addCandidate(p.candidates, current.organizationId, current.amount);
  };
  for (const e of totals.entities) {
    const period = periodOfGrain(e.period);
    if (current && current.organizationId === e.organizationId && current.period === period) current.amount += e.amount;
    else {
      close();
      current = { organizationId: e.organizationId, period, amount: e.amount };
    }
  }
  close();
  for (const t of totals.periods) periodEntry(periodOfGrain(t.period)).total += t.amount;
  // The part of the period's capital no named organization holds (unnamed investors) stays in the total.
  for (const p of periods.values()) if (p.named > p.total) p.total = p.named;
  return periods;
}

/**
 * The concentration series of each grain from the quarters' totals (a year's: its quarters' summed), equal to
 * concentrationOfTotals over the same totals: the figures from the amounts, the leaders named by one read of their
 * organizations (a deleted organization's too).
 */
export async function concentrationByGrains(
  reads: Reads,
  totals: ConcentrationTotals,
  grains: readonly Grain[],
): Promise<ConcentrationPeriod[][]> {
  const perGrain = grains.map((grain) => periodAmounts(totals, grain));
  const names = await organizationNames(
    reads,
    perGrain.flatMap((periods) => [...periods.values()].flatMap((p) => p.candidates.map((c) => c.id))),
  );
  return perGrain.map((periods, n) => {
    if (periods.size === 0) return [];
    const keys = [...periods.keys()].sort();
    return periodRange(keys[0], keys[keys.length - 1], grains[n]).map((period) => {
      const p = periods.get(period);
      if (!p) return periodConcentration(period, 0n, emptySpread(), []);
      const leaders = p.candidates
        .flatMap(({ id, amount }) => {
          const o = names.get(id);
          return o ? [{ key: o.slug, name: o.name, amount }] : [];
        })
        .sort(byAmountThenName)
        .slice(0, LEADER_COUNT);
      return periodConcentration(period, p.total, p.spread, leaders);
    });
  });
}

/** Concentration per period of one grain for a view's cells. */
export async function concentrationSeriesSql(
  options: { rule: CountingRule; grain: Grain; side: Side },
  cells: Cells,
): Promise<ConcentrationPeriod[]> {
  const [series] = await concentrationByGrains(cells.reads, await concentrationTotalsSql(options, cells), [options.grain]);
  return series;
}
