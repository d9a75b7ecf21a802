// Concentration over time for one view's deals (lib/data/raw/view-deals.ts), summed in the database: per quarter, each
// recipient's counted capital, or each named investor's part as attributeToInvestors splits it
// (lib/data/raw/overview-figures.ts), plus the quarter's whole counted capital; a year's are its quarters' added up. The
// shares and the HHI are then the measure's own (periodConcentration, as concentrationOfTotals computes them), so the
// figures equal concentrationSeries over the view's deals without loading a deal; a test compares them.
import "server-only";
import { sql, type RawBuilder } from "kysely";
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
import { countAll, moneySum, toMoney, type Reads } from "../kysely";
import { byAmountThenName, countedCells } from "./overview-figures";
import type { Cells } from "./market-cells";

/**
 * One view's concentration totals by quarter: each entity's counted total per quarter (recipients, or named investors'
 * parts, by organization id) and each quarter's whole counted capital. A year's totals are its quarters' added up
 * (exact integers), so one pass serves both grains (concentrationByGrains): the year and the quarter of a view are
 * computed once together.
 */
type ConcentrationTotals = {
  /** Ordered by organization, then quarter: a year's quarters of one organization come together. */
  entities: { period: string; organizationId: number; amount: bigint }[];
  periods: { period: string; amount: bigint }[];
};

async function concentrationTotalsSql(options: { rule: CountingRule; side: Side }, cells: Cells): Promise<ConcentrationTotals> {
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
/** The periods of one grain, by period. */
export type GrainAmounts = Map<string, PeriodAmounts>;
const emptyPeriod = (): PeriodAmounts => ({ total: 0n, named: 0n, spread: emptySpread(), candidates: [] });

/**
 * Each grain's periods of a view's concentration before its leaders are named. Where the cells keep the rule's totals
 * (the whole market today, the capital rule: ConcentrationCell), each period's spread is summed and its candidates read
 * in the database (keptGrainAmounts); else the quarters' totals are read and passed over once per grain here.
 */
export async function concentrationAmountsSql(
  options: { rule: CountingRule; side: Side },
  cells: Cells,
  grains: readonly Grain[],
): Promise<GrainAmounts[]> {
  const column = options.rule.kinds.length === 0 ? null : cells.keptConcentration(countedCells(options.rule));
  if (column === null) {
    const totals = await concentrationTotalsSql(options, cells);
    return grains.map((grain) => periodAmounts(totals, grain));
  }
  // The periods come from the period cells: every period with a counted deal, undisclosed amounts included (the series
  // runs from the first to the last of them), and its whole counted capital, unnamed investors' parts included.
  const quarterTotals = await cells
    .periods(countedCells(options.rule))
    .groupBy("c.quarter")
    .select((eb) => ["c.quarter as period", moneySum(eb.ref("c.amount")).as("total")])
    .execute();
  return Promise.all(
    grains.map(async (grain) => {
      const periods: GrainAmounts = new Map();
      for (const t of quarterTotals) {
        const period = grain === "year" ? t.period.slice(0, 4) : t.period;
        const p = periods.get(period) ?? emptyPeriod();
        p.total += toMoney(t.total);
        periods.set(period, p);
      }
      for (const [period, kept] of await keptGrainAmounts(cells.reads, column, options.side, grain)) {
        const total = periods.get(period)?.total ?? 0n;
        periods.set(period, { ...kept, total: total > kept.named ? total : kept.named });
      }
      return periods;
    }),
  );
}

/** 2^20: the amounts are summed squared in 20-bit limbs, so that no product or sum leaves a 64-bit integer. */
const LIMB = 20n;

/**
 * One grain's periods from ConcentrationCell's column: per period, in one statement over the amount's index, how many
 * organizations hold an amount above zero, their amounts' sum and their squares' sum; and in a second, each period's
 * candidates for its leaders, the rows at or above its fifth largest amount (its top, read backwards on the index).
 * A square of a year's total passes 2^63, so the squares are summed as limbs: with an amount a2·2^40 + a1·2^20 + a0
 * (each limb under 2^20, an amount under 2^60), a² = Σ ai·aj·2^(20(i+j)), each product under 2^40 and a period's sum
 * of one under 2^60; the limbs' sums are put together here in bigints, exactly.
 */
async function keptGrainAmounts(reads: Reads, column: "amount" | "withPipelineAmount", side: Side, grain: Grain): Promise<GrainAmounts> {
  const amount = sql.ref(`c.${column}`);
  const limb = (i: number): RawBuilder<bigint> =>
    i === 2 ? sql`(${amount} >> 40)` : sql`((${amount} >> ${sql.lit(20 * i)}) & ${sql.lit(0xfffff)})`;
  const product = (i: number, j: number) => moneySum(sql`${limb(i)} * ${limb(j)}`);
  const kept = reads.selectFrom("ConcentrationCell as c").where("c.side", "=", side).where("c.grain", "=", grain);
  const [spreads, candidates] = await Promise.all([
    kept
      .where(amount, ">", sql.lit(0))
      .groupBy("c.period")
      .select([
        "c.period",
        countAll().as("entities"),
        moneySum(amount).as("named"),
        product(0, 0).as("s00"),
        product(0, 1).as("s01"),
        product(0, 2).as("s02"),
        product(1, 1).as("s11"),
        product(1, 2).as("s12"),
        product(2, 2).as("s22"),
      ])
      .execute(),
    reads
      .with("least", (db) =>
        db.selectFrom(kept.select("c.period").groupBy("c.period").as("g")).select((eb) => [
          "g.period",
          eb.fn
            .coalesce(
              kept
                .where("c.period", "=", sql.ref<string>("g.period"))
                .where(amount, ">", sql.lit(0))
                .orderBy(amount, "desc")
                .limit(1)
                .offset(LEADER_COUNT - 1)
                .select(amount.as("amount")),
              sql.lit(1),
            )
            .as("least"),
        ]),
      )
      // A cross join: SQLite takes its order as written, each period's few rows at or above its least read by the
      // index (20 ms at a million deals). Joined on, SQLite 3.49 read every row of the side and grain and looked
      // each up among the periods (0.2-0.4 s); PostgreSQL plans either alike.
      .selectFrom("least as l")
      .crossJoin("ConcentrationCell as c")
      .where("c.side", "=", side)
      .where("c.grain", "=", grain)
      .whereRef("c.period", "=", "l.period")
      .where(amount, ">=", sql.ref("l.least"))
      .select(["c.period", "c.organizationId", sql<bigint>`${amount}`.as("amount")])
      .execute(),
  ]);
  const periods: GrainAmounts = new Map();
  for (const p of spreads) {
    const [s00, s01, s02, s11, s12, s22] = [p.s00, p.s01, p.s02, p.s11, p.s12, p.s22].map(toMoney);
    const sumOfSquares =
      s00 + ((2n * s01) << LIMB) + ((2n * s02 + s11) << (2n * LIMB)) + ((2n * s12) << (3n * LIMB)) + (s22 << (4n * LIMB));
    const named = toMoney(p.named);
    periods.set(p.period, { total: 0n, named, spread: { entities: p.entities, sumOfSquares }, candidates: [] });
  }
  for (const c of candidates) periods.get(c.period)?.candidates.push({ id: c.organizationId, amount: BigInt(c.amount) });
  return periods;
}

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
function periodAmounts(totals: ConcentrationTotals, grain: Grain): GrainAmounts {
  // "2025-Q3" is in the year "2025".
  const periodOfGrain = (quarter: string) => (grain === "year" ? quarter.slice(0, 4) : quarter);
  const periods = new Map<string, PeriodAmounts>();
  const periodEntry = (period: string) => {
    let p = periods.get(period);
    if (!p) periods.set(period, (p = emptyPeriod()));
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
 * The concentration series of each grain from its periods' amounts (concentrationAmountsSql), equal to
 * concentrationOfTotals over the same totals: the figures from the amounts, the leaders named by one read of their
 * organizations (a deleted organization's too).
 */
export async function concentrationByGrains(
  reads: Reads,
  perGrain: readonly GrainAmounts[],
  grains: readonly Grain[],
): Promise<ConcentrationPeriod[][]> {
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
  const grains = [options.grain];
  const [series] = await concentrationByGrains(cells.reads, await concentrationAmountsSql(options, cells, grains), grains);
  return series;
}
