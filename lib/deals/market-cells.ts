// Keeps the market's cells (RecipientCell, PeriodCell, RecipientTotalCell, InvestorCell, InvestorTotalCell:
// lib/data/raw/market-cells.ts; LoopCell: loop-cells.ts; FlowCell, CapitalFlowCell: flow-cells.ts; ConcentrationCell:
// concentration-cells.ts), each named
// investor's part of each deal (InvestorPart) and the pairs of
// named investors of each round (RoundPair: lib/data/raw/round-pairs.ts) equal to the live deals, in the transaction
// that writes them. A deal's contribution to the cells depends on the deal and its participations alone, so a write of
// some deals subtracts their contributions before it and adds them back after it, and sets their parts again after
// it; a round's pairs depend on all its deals, so the pairs of the rounds the deals were in and are in are set again
// from those rounds' deals. A few statements per 500 deals, whatever the size of the market. Every writer of deals or
// participations goes through here: the deal writer (lib/deals/write-deal.ts: created in batches, updated), restore
// (restore-deal.ts), delete (lib/actions/deals/delete-deal.ts), and a merge of organizations and its undoing
// (merge-organizations.ts); a Round's date is its writer's (keepRoundDate). tests/integration/market-cells.test.ts
// recomputes the cells, the parts and the pairs from scratch after each of them.
//
// The statements are the Kysely queries of lib/data/raw/market-cells.ts (withInvestorShares over the deals written)
// and round-pairs.ts, run on the driver connection of the Prisma transaction (lib/insert-rows.ts runOnTransaction), so
// they are part of it: a write that fails leaves the cells as they were.
import { sql, type Expression, type SqlBool } from "kysely";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { queryBuilder } from "../data/kysely";
import { cellDeltas, emptyCellDeletion, emptyPeriodCellDeletion, investorPartStatements } from "../data/raw/market-cells";
import { divisionRoots, loopCellsOfFamilies } from "../data/raw/loop-cells";
import { onDeal } from "../data/raw/overview-figures";
import { roundDateStatement, roundNumbersOf, roundPairStatements } from "../data/raw/round-pairs";
import { runOnTransaction, transactionProvider } from "../insert-rows";

/** Deals per round of statements (their ids are bound, under SQLite's limit of parameters per statement). */
const CHUNK = 500;

/**
 * Organizations whose cells a subtraction left empty: recipients (cells, totals, flows), investors (cells, totals),
 * investing companies (circular flows' pairs), either (concentration's totals).
 */
const SIDES = ["recipients", "recipientTotals", "investors", "investorTotals", "loops", "flows", "capitalFlows", "concentrations"] as const;
type Emptied = Record<(typeof SIDES)[number], Set<number>>;
const noneEmptied = (): Emptied => ({
  recipients: new Set(),
  recipientTotals: new Set(),
  investors: new Set(),
  investorTotals: new Set(),
  loops: new Set(),
  flows: new Set(),
  capitalFlows: new Set(),
  concentrations: new Set(),
});

/** Adds (1) or subtracts (-1) the contributions of the live deals meeting `condition`; collects the cells emptied. */
async function applyDeltas(tx: Prisma.TransactionClient, condition: Expression<SqlBool>, sign: 1 | -1, emptied: Emptied): Promise<void> {
  const statements = cellDeltas(queryBuilder(transactionProvider(tx)), condition, sign);
  await runOnTransaction(tx, statements.periods);
  for (const side of SIDES) {
    for (const row of await runOnTransaction(tx, statements[side])) {
      if (Number(row.count) === 0) emptied[side].add(Number(row.organizationId));
    }
  }
}

/** The distinct ids in chunks of CHUNK, under SQLite's limit of parameters per statement. */
export function chunks(ids: readonly number[]): number[][] {
  const unique = [...new Set(ids)];
  const out: number[][] = [];
  for (let start = 0; start < unique.length; start += CHUNK) out.push(unique.slice(start, start + CHUNK));
  return out;
}

/**
 * Runs `write`, which changes the deals `dealIds` (their fields, participations, deletion or restoration), between
 * taking their contributions out of the cells and putting them back, then deletes the cells left empty.
 */
export async function keepingMarketCells<T>(tx: Prisma.TransactionClient, dealIds: readonly number[], write: () => Promise<T>): Promise<T> {
  const emptied = noneEmptied();
  for (const chunk of chunks(dealIds)) await applyDeltas(tx, onDeal("d.id", "in", chunk), -1, emptied);
  // The rounds the deals were in: a deal that leaves a Round changes its pairs too.
  const roundsBefore = await roundNumbers(tx, dealIds);
  const result = await write();
  await keepRoundPairs(tx, [...roundsBefore, ...(await roundNumbers(tx, dealIds))]);
  // The parts first: the investor and pair deltas read them.
  await keepInvestorParts(tx, dealIds);
  for (const chunk of chunks(dealIds)) await applyDeltas(tx, onDeal("d.id", "in", chunk), 1, emptied);
  const builder = queryBuilder(transactionProvider(tx));
  for (const side of SIDES) {
    for (const chunk of chunks([...emptied[side]])) await runOnTransaction(tx, emptyCellDeletion(builder, side, chunk));
  }
  await runOnTransaction(tx, emptyPeriodCellDeletion(builder));
  return result;
}

type KeptRows = (builder: ReturnType<typeof queryBuilder>, ids: readonly number[]) => Statements;
type Statements = Record<"deletion" | "insertion", { sql: string; parameters: readonly unknown[] }>;

/** Sets a kept table's rows of `ids` (deals, rounds) to what `statements` gives now: deleted, then inserted again. */
async function setAgain(tx: Prisma.TransactionClient, ids: readonly number[], statements: KeptRows): Promise<void> {
  const builder = queryBuilder(transactionProvider(tx));
  for (const chunk of chunks(ids)) {
    const { deletion, insertion } = statements(builder, chunk);
    await runOnTransaction(tx, deletion);
    await runOnTransaction(tx, insertion);
  }
}

/** Sets the investors' parts (InvestorPart) of the deals `dealIds` to what their participations give now. */
const keepInvestorParts = (tx: Prisma.TransactionClient, dealIds: readonly number[]) => setAgain(tx, dealIds, investorPartStatements);

/** Sets RoundPair's rows of the rounds numbered `groupIds` to what their live deals give now. */
const keepRoundPairs = (tx: Prisma.TransactionClient, groupIds: readonly number[]) => setAgain(tx, groupIds, roundPairStatements);

/** The rounds' numbers (withRounds' groupId) of the deals `dealIds` as they are now. */
async function roundNumbers(tx: Prisma.TransactionClient, dealIds: readonly number[]): Promise<number[]> {
  const builder = queryBuilder(transactionProvider(tx));
  const numbers: number[] = [];
  for (const chunk of chunks(dealIds)) {
    for (const row of await runOnTransaction(tx, roundNumbersOf(builder, chunk))) numbers.push(Number(row.groupId));
  }
  return numbers;
}

/** Moves a Round's pairs to its date: its writer (the round form, the seed) calls this after changing it. */
export async function keepRoundDate(tx: Prisma.TransactionClient, roundId: number, announcedOn: string): Promise<void> {
  await runOnTransaction(tx, roundDateStatement(queryBuilder(transactionProvider(tx)), roundId, announcedOn));
}

/** The tops of the parent chains of the organizations `ids`, as they are now in the transaction. */
async function topsOf(tx: Prisma.TransactionClient, ids: readonly number[]): Promise<Set<number>> {
  const builder = queryBuilder(transactionProvider(tx));
  const tops = new Set<number>();
  for (const chunk of chunks(ids)) {
    const statement = builder
      .selectFrom("Organization as o")
      .leftJoin(divisionRoots(builder).as("r"), "r.id", "o.id")
      .where("o.id", "in", chunk)
      .select((eb) => eb.fn.coalesce("r.rootId", "o.id").as("top"))
      .compile();
    for (const row of await runOnTransaction(tx, statement)) tops.add(Number(row.top));
  }
  return tops;
}

/**
 * Runs `write`, which may give the organizations `ids` other parents (an edit, a merge's children and its undoing),
 * then, if the top of any of their parent chains changed, sets the circular flows' pairs (LoopCell) of the tops before
 * and after again: the legs of their families now belong to other pairs.
 */
export async function keepingLoopFamilies<T>(tx: Prisma.TransactionClient, ids: readonly number[], write: () => Promise<T>): Promise<T> {
  const before = await topsOf(tx, ids);
  const result = await write();
  const after = await topsOf(tx, ids);
  if (before.size === after.size && [...before].every((top) => after.has(top))) return result;
  for (const statement of loopCellsOfFamilies(queryBuilder(transactionProvider(tx)), [...before, ...after]))
    await runOnTransaction(tx, statement);
  return result;
}

/** Adds deals just created (with their participations) to the cells. */
export async function addToMarketCells(tx: Prisma.TransactionClient, dealIds: readonly number[]): Promise<void> {
  const emptied = noneEmptied();
  // A new deal may join a Round already stored: its rounds' pairs are set again, not added to.
  await keepRoundPairs(tx, await roundNumbers(tx, dealIds));
  await keepInvestorParts(tx, dealIds);
  for (const chunk of chunks(dealIds)) await applyDeltas(tx, onDeal("d.id", "in", chunk), 1, emptied);
}

/**
 * Runs `statements` in one transaction when `needed` says the table they fill is empty while the deals call for it.
 * Rows present are trusted: the writers keep them. Every deal read once: minutes at a million deals on a loaded
 * machine, hence the timeout.
 */
async function fillWhen(
  db: PrismaClient,
  needed: (tx: Prisma.TransactionClient) => Promise<boolean>,
  statements: (builder: ReturnType<typeof queryBuilder>) => { sql: string; parameters: readonly unknown[] }[],
): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      if (!(await needed(tx))) return false;
      for (const statement of statements(queryBuilder(transactionProvider(tx)))) await runOnTransaction(tx, statement);
      return true;
    },
    { timeout: 3_600_000 },
  );
}

/** Fills InvestorPart when it has no row and a live deal names an investor. Returns whether it filled it. */
export function fillInvestorPartsIfEmpty(db: PrismaClient): Promise<boolean> {
  return fillWhen(
    db,
    async (tx) =>
      !(await tx.investorPart.findFirst({ select: { dealId: true } })) &&
      !!(await tx.participation.findFirst({ where: { organizationId: { not: null }, deal: { deletedAt: null } }, select: { id: true } })),
    (builder) => [investorPartStatements(builder, null).insertion],
  );
}

/** Whether any deal is live: the cells of a database without one are rightly empty. */
async function hasLiveDeal(tx: Prisma.TransactionClient): Promise<boolean> {
  return !!(await tx.deal.findFirst({ where: { deletedAt: null }, select: { id: true } }));
}

/** Whether a kept table has a row, read on the transaction. */
async function hasRow(tx: Prisma.TransactionClient, table: CellTable): Promise<boolean> {
  const builder = queryBuilder(transactionProvider(tx));
  return (await runOnTransaction(tx, builder.selectFrom(table).select(sql.lit(1).as("one")).limit(1).compile())).length > 0;
}

type CellTable =
  | "RecipientCell"
  | "PeriodCell"
  | "RecipientTotalCell"
  | "InvestorCell"
  | "InvestorTotalCell"
  | "LoopCell"
  | "FlowCell"
  | "ConcentrationCell";
type CellSide = keyof ReturnType<typeof cellDeltas>;

/**
 * Fills `table` with the cells of `sides` (their cellDeltas statements over every live deal) when it has no row and
 * `source`, what its cells are summed from, has one. Returns whether it filled it.
 */
function fillCellsIfEmpty(
  db: PrismaClient,
  table: CellTable,
  sides: readonly CellSide[],
  source: (tx: Prisma.TransactionClient) => Promise<boolean>,
): Promise<boolean> {
  return fillWhen(
    db,
    async (tx) => !(await hasRow(tx, table)) && (await source(tx)),
    (builder) => {
      const statements = cellDeltas(builder, onDeal.lit(true), 1, true);
      return sides.map((side) => statements[side]);
    },
  );
}

/** Fills RecipientCell and InvestorCell when they are empty and a deal is live (InvestorPart filled first). */
export const fillMarketCellsIfEmpty = (db: PrismaClient) => fillCellsIfEmpty(db, "RecipientCell", ["recipients", "investors"], hasLiveDeal);

/** Fills PeriodCell when it has no cell and a deal is live. */
export const fillPeriodCellsIfEmpty = (db: PrismaClient) => fillCellsIfEmpty(db, "PeriodCell", ["periods"], hasLiveDeal);

/** Fills LoopCell when it has no row and the investor cells have one. */
export const fillLoopCellsIfEmpty = (db: PrismaClient) => fillCellsIfEmpty(db, "LoopCell", ["loops"], (tx) => hasRow(tx, "InvestorCell"));

/** Fills FlowCell and CapitalFlowCell when FlowCell has no row and the recipient cells have one. */
export const fillFlowCellsIfEmpty = (db: PrismaClient) =>
  fillCellsIfEmpty(db, "FlowCell", ["flows", "capitalFlows"], (tx) => hasRow(tx, "RecipientCell"));

/** Fills ConcentrationCell when it has no row and the recipient cells have one (InvestorPart filled first). */
export const fillConcentrationCellsIfEmpty = (db: PrismaClient) =>
  fillCellsIfEmpty(db, "ConcentrationCell", ["concentrations"], (tx) => hasRow(tx, "RecipientCell"));

/** Fills RecipientTotalCell when it has no cell and the recipient cells have one. */
export const fillRecipientTotalCellsIfEmpty = (db: PrismaClient) =>
  fillCellsIfEmpty(db, "RecipientTotalCell", ["recipientTotals"], (tx) => hasRow(tx, "RecipientCell"));

/** Fills InvestorTotalCell when it has no cell and the investor cells have one. */
export const fillInvestorTotalCellsIfEmpty = (db: PrismaClient) =>
  fillCellsIfEmpty(db, "InvestorTotalCell", ["investorTotals"], (tx) => hasRow(tx, "InvestorCell"));

/** Fills RoundPair when it has no row and a deal is live. Returns whether it filled it. */
export function fillRoundPairsIfEmpty(db: PrismaClient): Promise<boolean> {
  return fillWhen(
    db,
    async (tx) => !(await tx.roundPair.findFirst({ select: { groupId: true } })) && (await hasLiveDeal(tx)),
    (builder) => [roundPairStatements(builder, null).insertion],
  );
}

/**
 * Fills the tables the writers keep on a database migrated from before them (prepare-db calls this after the
 * migrations), in the order they read each other: the parts, then the cells summed from them. Returns what it filled.
 */
export async function fillKeptTablesIfEmpty(db: PrismaClient): Promise<string[]> {
  const filled: string[] = [];
  if (await fillInvestorPartsIfEmpty(db)) filled.push("the investors' parts");
  if (await fillMarketCellsIfEmpty(db)) filled.push("the market's cells");
  if (await fillPeriodCellsIfEmpty(db)) filled.push("the period cells");
  if (await fillInvestorTotalCellsIfEmpty(db)) filled.push("the investors' totals");
  if (await fillRecipientTotalCellsIfEmpty(db)) filled.push("the recipients' totals");
  if (await fillLoopCellsIfEmpty(db)) filled.push("the circular flows' pairs");
  if (await fillFlowCellsIfEmpty(db)) filled.push("the capital flows");
  if (await fillConcentrationCellsIfEmpty(db)) filled.push("concentration's totals");
  if (await fillRoundPairsIfEmpty(db)) filled.push("the rounds' pairs of investors");
  return filled;
}
