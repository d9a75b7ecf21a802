// The market grouped into cells: per quarter, kind, status and recipient, the deals, the undisclosed ones, the counted
// amount and its "up to" part, and the same per quarter, kind and status alone (the period cells) and per recipient,
// kind and status alone (the recipient totals); per quarter, kind, status and named investor, the investors' parts
// (withInvestorShares, as attributeToInvestors splits each deal) and how many, and the same per kind, status and named
// investor alone (the investor totals); and the capital flows from investors to recipients (flow-cells.ts). Sums add
// up, so a figure summed over cells equals the same figure summed over the deals they group.
//
// Two sources give the one relation the figures read (`Cells`): the tables RecipientCell, PeriodCell,
// RecipientTotalCell, InvestorCell, InvestorTotalCell, FlowCell and CapitalFlowCell, which the deal writers keep for
// every live deal in the same transaction as the deal (lib/deals/market-cells.ts applies the deltas built here), for
// the whole market today; and any set of deals' states (as of a date, filtered, one view's tables), each deal read as
// a cell of its own (and each part as an investor cell of its own), so that a filtered or as-of figure is the same
// query over its deals with no second grouping. The figures (capitalCountedSql, capitalByPeriodSql,
// concentrationAmountsSql, marketTotalsSql, flowsSql, the overview's) are written once over `Cells`;
// lib/data/raw/view-deals.ts picks the source. The writers' contributions and the fill of an existing database are the same Kysely query as the reads:
// `recipientCellRows` and `withInvestorShares` over the deals written.
//
// No "server-only" here: the writers that use it run in the operator commands (import, seed, db:synth) too.
import { expressionBuilder, sql, type AliasableExpression, type Expression, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { DB, InvestorPart } from "../../generated/kysely/types";
import { onDeal, periodOf, SPLIT_TERMS, withInvestorShares, type CellRule } from "./overview-figures";
import type { DealStates } from "../deal-state";
import type { Reads } from "../kysely";
import { emptyLoopCellDeletion, loopCellDelta } from "./loop-cells";
import { emptyFlowCellDeletion, flowCellDeltas, flowRowsOf, keptCapitalColumn, keptFlows, type FlowRows } from "./flow-cells";
import { concentrationCellDelta, emptyConcentrationCellDeletion } from "./concentration-cells";
import { keptPartsOf } from "./kept-parts";

/** A recipient cell as the figures read it. */
export type RecipientCellRow = {
  quarter: string;
  kind: string;
  recipientId: number;
  deals: number;
  undisclosed: number;
  amount: bigint;
  upperBound: bigint;
};
/** A period cell as the figures read it: a recipient cell without its recipient. */
export type PeriodCellRow = Omit<RecipientCellRow, "recipientId">;
/** A recipient's cell of all time as the figures read it: a recipient cell without its quarter. */
export type RecipientTotalCellRow = Omit<RecipientCellRow, "quarter">;
/** A named investor's cell as the figures read it (parts the split leaves to no one are not in it). */
export type InvestorCellRow = { quarter: string; organizationId: number; parts: number; amount: bigint };
/** A named investor's parts of all time, as the figures read them: an investor cell without its quarter. */
export type InvestorTotalCellRow = Omit<InvestorCellRow, "quarter">;
/** One named investor's part of one deal (null where the split leaves it none), for the figures that list deals. */
export type PartCellRow = { dealId: number; organizationId: number; recipientId: number; announcedOn: string; share: bigint | null };

export type RecipientCells = SelectQueryBuilder<DB & { c: RecipientCellRow }, "c", object>;
export type PeriodCells = SelectQueryBuilder<DB & { c: PeriodCellRow }, "c", object>;
export type RecipientTotalCells = SelectQueryBuilder<DB & { c: RecipientTotalCellRow }, "c", object>;
export type InvestorCells = SelectQueryBuilder<DB & { c: InvestorCellRow }, "c", object>;
export type InvestorTotalCells = SelectQueryBuilder<DB & { c: InvestorTotalCellRow }, "c", object>;
export type PartCells = SelectQueryBuilder<DB & { c: PartCellRow }, "c", object>;

/** The one relation of cells a figure reads, aliased `c`, and the connection to read it on. */
export type Cells = {
  reads: Reads;
  recipients(rule: CellRule): RecipientCells;
  /** The same summed over recipients: for the figures that do not read who received. */
  periods(rule: CellRule): PeriodCells;
  /** The same summed over quarters: for the figures that do not read when. */
  recipientTotals(rule: CellRule): RecipientTotalCells;
  /** Asynchronous because a view writes its parts' table only when a figure first asks for them (view-deals.ts). */
  investors(rule: CellRule): Promise<InvestorCells>;
  /** The same summed over quarters: for the figures that do not read when. */
  investorTotals(rule: CellRule): Promise<InvestorTotalCells>;
  /** The parts themselves, a row per named investor and deal: the finest cells; asynchronous for the same reason. */
  parts(rule: CellRule): Promise<PartCells>;
  /**
   * The capital flows (flow-cells.ts), one row per flow; `indexed` when they are a table's rows read by its amount's
   * index (a reader selects from them as they are), else summed when read.
   */
  flows(rule: CellRule): Promise<{ rows: FlowRows; indexed: boolean }>;
  /**
   * The column of ConcentrationCell (concentration-cells.ts) that holds the rule's totals per organization and period,
   * where the cells are the whole market's today and the rule the capital kinds' (counted, or with the pipeline's);
   * else null, and concentration is summed from the cells above.
   */
  keptConcentration(rule: CellRule): "amount" | "withPipelineAmount" | null;
};

/** The investor cells the writers keep, narrowed to the rule. */
function marketInvestorCells(reads: Reads, rule: CellRule): InvestorCells {
  let cells = reads.selectFrom("InvestorCell as c").where("c.kind", "in", [...rule.kinds]);
  if (rule.statuses) cells = cells.where("c.status", "in", [...rule.statuses]);
  return cells as unknown as InvestorCells;
}

/** The investors' totals the writers keep, narrowed to the rule. */
function marketInvestorTotalCells(reads: Reads, rule: CellRule): InvestorTotalCells {
  let cells = reads.selectFrom("InvestorTotalCell as c").where("c.kind", "in", [...rule.kinds]);
  if (rule.statuses) cells = cells.where("c.status", "in", [...rule.statuses]);
  return cells as unknown as InvestorTotalCells;
}

/** The cells the writers keep (the whole market's live deals today), narrowed to the rule. */
export function marketCells(reads: Reads): Cells {
  return {
    reads,
    recipients: (rule) => {
      let cells = reads.selectFrom("RecipientCell as c").where("c.kind", "in", [...rule.kinds]);
      if (rule.statuses) cells = cells.where("c.status", "in", [...rule.statuses]);
      return cells as unknown as RecipientCells;
    },
    periods: (rule) => {
      let cells = reads.selectFrom("PeriodCell as c").where("c.kind", "in", [...rule.kinds]);
      if (rule.statuses) cells = cells.where("c.status", "in", [...rule.statuses]);
      return cells as unknown as PeriodCells;
    },
    recipientTotals: (rule) => {
      let cells = reads.selectFrom("RecipientTotalCell as c").where("c.kind", "in", [...rule.kinds]);
      if (rule.statuses) cells = cells.where("c.status", "in", [...rule.statuses]);
      return cells as unknown as RecipientTotalCells;
    },
    investors: async (rule) => marketInvestorCells(reads, rule),
    investorTotals: async (rule) => marketInvestorTotalCells(reads, rule),
    parts: async (rule) => {
      let cells = reads.selectFrom("InvestorPart as c").where("c.kind", "in", [...rule.kinds]);
      if (rule.statuses) cells = cells.where("c.status", "in", [...rule.statuses]);
      return cells as unknown as PartCells;
    },
    flows: async (rule) => keptFlows(reads, rule, null),
    keptConcentration: keptCapitalColumn,
  };
}

/**
 * Deals the market's cells can select by their keys: kinds and statuses (every one where null), one recipient by slug,
 * and the quarters from and to ("2025-Q3", as periodOf writes them; open where null).
 */
export type CellSelection = {
  kinds: readonly string[] | null;
  statuses: readonly string[] | null;
  recipient: string | null;
  quarters: { from: string | null; to: string | null };
};

/** A quarter's first and last days ("2025-Q3": 2025-07-01 and 2025-09-30), as periodOf names it. */
export function quarterDays(quarter: string): { first: string; last: string } {
  const [year, n] = [quarter.slice(0, 4), Number(quarter.slice(6))];
  return {
    first: `${year}-${["01-01", "04-01", "07-01", "10-01"][n - 1]}`,
    last: `${year}-${["03-31", "06-30", "09-30", "12-31"][n - 1]}`,
  };
}

/**
 * The market's cells (the writers', today) narrowed to a selection: the deals of its kinds, statuses, recipient and
 * whole quarters, for any figure (the /deals count and capitalCountedSql, and an /analysis view the selection can
 * stand for). A figure's rule keeps only the kinds and statuses the selection has too. The cells without a quarter
 * (the totals, the flows) serve a selection without dates; with dates the totals are the cells per quarter, and the
 * flows are summed from the deals of those quarters and their kept parts. The investors' cells have no recipient:
 * with one, each of the recipient's kept parts is a cell of its own.
 */
export function selectedCells(reads: Reads, selection: CellSelection): Cells {
  const market = marketCells(reads);
  const within = (rule: CellRule): CellRule => ({
    kinds: selection.kinds === null ? rule.kinds : rule.kinds.filter((k) => selection.kinds?.includes(k)),
    statuses:
      selection.statuses === null
        ? rule.statuses
        : rule.statuses === null
          ? selection.statuses
          : rule.statuses.filter((s) => selection.statuses?.includes(s)),
  });
  // A rule and a selection with no kind or status in common select no cell (`IN ()` is not SQL everywhere).
  const none = (rule: CellRule) => rule.kinds.length === 0 || rule.statuses?.length === 0;
  const { recipient, quarters } = selection;
  const { from, to } = quarters;
  const dated = from !== null || to !== null;
  const inQuarters = <T extends RecipientCells | PeriodCells | InvestorCells>(cells: T): T => {
    let narrowed = cells as PeriodCells;
    if (from !== null) narrowed = narrowed.where("c.quarter", ">=", from);
    if (to !== null) narrowed = narrowed.where("c.quarter", "<=", to);
    return narrowed as T;
  };
  const recipientIds = () =>
    reads
      .selectFrom("Organization as o")
      .where("o.slug", "=", recipient as string)
      .select("o.id");
  /** A query narrowed to nothing when the rule and the selection have no kind or status in common. */
  const orNone = <T extends { where(condition: Expression<SqlBool>): T }>(rule: CellRule, cells: (narrowed: CellRule) => T): T =>
    none(within(rule)) ? cells(rule).where(sql.lit(false)) : cells(within(rule));
  const recipients = (rule: CellRule): RecipientCells => {
    const cells = inQuarters(orNone(rule, market.recipients));
    return recipient === null ? cells : cells.where("c.recipientId", "in", recipientIds());
  };
  // The kept parts of the selection's deals (their date within its quarters), as `c`.
  const keptParts = (rule: CellRule) =>
    orNone(rule, (narrowed) => {
      let parts = reads.selectFrom("InvestorPart as c").where("c.kind", "in", [...narrowed.kinds]);
      if (narrowed.statuses) parts = parts.where("c.status", "in", [...narrowed.statuses]);
      if (from !== null) parts = parts.where("c.announcedOn", ">=", quarterDays(from).first);
      if (to !== null) parts = parts.where("c.announcedOn", "<=", quarterDays(to).last);
      return recipient === null ? parts : parts.where("c.recipientId", "in", recipientIds());
    });
  const partsAsCells = (rule: CellRule) =>
    reads
      .selectFrom(keptParts(rule).where("c.share", "is not", null).select(["c.announcedOn", "c.organizationId", "c.share"]).as("d"))
      .select([periodOf("d.announcedOn", "quarter").as("quarter"), "d.organizationId", sql.lit(1).as("parts"), "d.share as amount"]);
  const investors = (rule: CellRule): InvestorCells =>
    recipient === null
      ? inQuarters(orNone(rule, (narrowed) => marketInvestorCells(reads, narrowed)))
      : (reads.selectFrom(partsAsCells(rule).as("c")) as unknown as InvestorCells);
  return {
    reads,
    recipients,
    periods: (rule) => (recipient === null ? inQuarters(orNone(rule, market.periods)) : (recipients(rule) as unknown as PeriodCells)),
    recipientTotals: (rule) =>
      dated
        ? (recipients(rule) as unknown as RecipientTotalCells)
        : recipient === null
          ? orNone(rule, market.recipientTotals)
          : orNone(rule, market.recipientTotals).where("c.recipientId", "in", recipientIds()),
    investors: async (rule) => investors(rule),
    investorTotals: async (rule) =>
      dated || recipient !== null
        ? (investors(rule) as unknown as InvestorTotalCells)
        : orNone(rule, (narrowed) => marketInvestorTotalCells(reads, narrowed)),
    parts: async (rule) =>
      keptParts(rule).select(["c.dealId", "c.organizationId", "c.recipientId", "c.announcedOn", "c.share"]) as unknown as PartCells,
    flows: async (rule) => {
      if (!dated)
        return keptFlows(
          reads,
          none(within(rule)) ? { kinds: [], statuses: [] } : within(rule),
          recipient === null ? null : recipientIds(),
        );
      let deals = reads.selectFrom("Deal as d").where(none(within(rule)) ? sql.lit(false) : dealsOfCells(within(rule)));
      if (from !== null) deals = deals.where("d.announcedOn", ">=", quarterDays(from).first);
      if (to !== null) deals = deals.where("d.announcedOn", "<=", quarterDays(to).last);
      if (recipient !== null) deals = deals.where("d.recipientId", "in", recipientIds());
      return { rows: flowRowsOf(reads, reads, deals, "InvestorPart"), indexed: false };
    },
    keptConcentration: () => null,
  };
}

/** The condition of a cell rule on deals' states `d` (live deals only). */
export function dealsOfCells(rule: CellRule): Expression<SqlBool> {
  return onDeal.and([
    onDeal("d.deletedAt", "is", null),
    onDeal("d.kind", "in", [...rule.kinds]),
    ...(rule.statuses ? [onDeal("d.status", "in", [...rule.statuses])] : []),
  ]);
}

type SharesOf = (dealCondition: Expression<SqlBool>) => Promise<ReturnType<typeof withInvestorShares>>;

/**
 * Deals' states `d` read as cells, a deal per cell (and a named investor's part per investor cell), on `reads` (the
 * connection the deals are read on). `shares` gives the deals' parts (a view with tables of its own gives them from
 * there); by default withInvestorShares over `deals`.
 */
export function dealCells(reads: Reads, deals: DealStates, shares?: SharesOf): Cells {
  const partsOf: SharesOf = shares ?? (async (condition) => withInvestorShares(reads, condition, deals));
  const recipients = (rule: CellRule) =>
    reads.selectFrom(recipientCellRows(deals.where(dealsOfCells(rule))).as("c")) as unknown as RecipientCells;
  return {
    reads,
    recipients,
    // Each deal is its own cell: its recipient column is one more than a period cell has, and no figure reads it there;
    // its quarter one more than a recipient's total has.
    periods: (rule) => recipients(rule) as unknown as PeriodCells,
    recipientTotals: (rule) => recipients(rule) as unknown as RecipientTotalCells,
    investors: async (rule) =>
      (await partsOf(dealsOfCells(rule))).selectFrom((eb) =>
        eb
          .selectFrom("shares as d")
          .where("d.share", "is not", null)
          .select([periodOf("d.announcedOn", "quarter").as("quarter"), "d.organizationId", sql.lit(1).as("parts"), "d.share as amount"])
          .as("c"),
      ) as unknown as InvestorCells,
    investorTotals: async (rule) =>
      (await partsOf(dealsOfCells(rule))).selectFrom((eb) =>
        eb
          .selectFrom("shares as d")
          .where("d.share", "is not", null)
          .select(["d.organizationId", sql.lit(1).as("parts"), "d.share as amount"])
          .as("c"),
      ) as unknown as InvestorTotalCells,
    parts: async (rule) =>
      (await partsOf(dealsOfCells(rule))).selectFrom((eb) =>
        eb.selectFrom("shares as d").select(["d.dealId", "d.organizationId", "d.recipientId", "d.announcedOn", "d.share"]).as("c"),
      ) as unknown as PartCells,
    flows: async (rule) => {
      // The parts' relation ("shares") is defined by the query that reads them.
      const withShares = await partsOf(dealsOfCells(rule));
      return { rows: flowRowsOf(withShares as unknown as Reads, reads, deals.where(dealsOfCells(rule)), "shares"), indexed: false };
    },
    keptConcentration: () => null,
  };
}

/** Each deal of `deals` as one recipient cell: its quarter, kind, status, recipient, and its counts and amounts. */
export function recipientCellRows(deals: DealStates) {
  return deals.select((eb) => {
    const amount = eb.fn.coalesce("d.amountUsdKey", sql<bigint>`0`);
    return [
      periodOf("d.announcedOn", "quarter").as("quarter"),
      "d.kind",
      "d.status",
      "d.recipientId",
      sql.lit(1).as("deals"),
      eb.case().when("d.amountUsdKey", "is", null).then(sql.lit(1)).else(sql.lit(0)).end().as("undisclosed"),
      amount.as("amount"),
      eb
        .case()
        .when("d.amountUsdLow", "is", null)
        .then(amount)
        .else(sql<bigint>`0`)
        .end()
        .as("upperBound"),
    ];
  });
}

const RECIPIENT_KEY = ["recipientId", "quarter", "kind", "status"] as const;
const PERIOD_KEY = ["quarter", "kind", "status"] as const;
const RECIPIENT_TOTAL_KEY = ["recipientId", "kind", "status"] as const;
/** Expressions over InvestorPart aliased `p`. */
const onPart = expressionBuilder<DB & { p: InvestorPart }, "p">();
/** The columns of the investor and total cells' keys, each as a part of a deal (`p` of `d`) gives it. */
type PartKeyColumn = "organizationId" | "quarter" | "kind" | "status";
const PART_KEY_EXPRESSIONS: Record<PartKeyColumn, AliasableExpression<unknown>> = {
  organizationId: onPart.ref("p.organizationId"),
  quarter: periodOf("d.announcedOn", "quarter"),
  kind: onDeal.ref("d.kind"),
  status: onDeal.ref("d.status"),
};
const INVESTOR_KEY = ["organizationId", "quarter", "kind", "status"] as const satisfies readonly PartKeyColumn[];
const INVESTOR_TOTAL_KEY = ["organizationId", "kind", "status"] as const satisfies readonly PartKeyColumn[];

/**
 * The nine statements that add `sign` times the contributions of the live deals meeting `dealCondition` (on the Deal
 * table `d`) to the cells: the deals grouped by recipient cell, by period cell and by recipient total
 * (recipientCellRows), and their named investors' parts as InvestorPart keeps them (investorPartRows, the split every
 * figure reads) grouped by investor cell and by investor total, the same parts' legs of circular flows grouped by pair
 * of companies (LoopCell, loop-cells.ts), and the deals' flows per investor and recipient, by kind and status and
 * capital alone (FlowCell, CapitalFlowCell: flow-cells.ts), and concentration's totals of the capital kinds per
 * organization and period, from the deals and the parts alike (ConcentrationCell: concentration-cells.ts). InvestorPart
 * must hold the deals' parts as they are when a delta runs.
 * Each is one INSERT ... SELECT ... ON CONFLICT DO UPDATE SET x = x + excluded.x, so a cell that exists is moved by the
 * delta and one that does not is created; but for the period cells, each returns the key's organization and its count
 * after the change, so that the writer can delete the cells a subtraction emptied (not when filling empty tables,
 * `fill`). `builder` only compiles them (lib/data/kysely.ts queryBuilder): the writer runs them on its transaction's
 * own connection.
 */
export function cellDeltas(builder: Reads, dealCondition: Expression<SqlBool>, sign: 1 | -1, fill = false) {
  const live = onDeal.and([onDeal("d.deletedAt", "is", null), dealCondition]);
  const deals = builder.selectFrom("Deal as d").where(live);
  // The recipient, period and recipient total cells: the deals' rows (recipientCellRows) summed per key, added to the
  // cells. PeriodCell's and RecipientTotalCell's columns are RecipientCell's without recipientId or quarter, so all
  // three are typed as RecipientCell.
  const dealSums = (
    table: "RecipientCell" | "PeriodCell" | "RecipientTotalCell",
    key: readonly ("recipientId" | "quarter" | "kind" | "status")[],
  ) => {
    const column = <N extends "deals" | "undisclosed" | "amount" | "upperBound">(name: N) => `${table}.${name}` as `RecipientCell.${N}`;
    return builder
      .insertInto(table as "RecipientCell")
      .columns([...key, "deals", "undisclosed", "amount", "upperBound"])
      .expression(
        builder
          .selectFrom(recipientCellRows(deals).as("c"))
          // SQLite reads an ON right after the FROM of an INSERT's SELECT as a join's: a WHERE keeps the upsert's apart.
          .where(sql<SqlBool>`true`)
          .groupBy(key.map((k) => `c.${k}` as const))
          .select((eb) => [
            ...key.map((k) => `c.${k}` as const),
            eb.cast<number>(eb(eb.fn.sum<number>("c.deals"), "*", sql.lit<number>(sign)), "integer").as("deals"),
            eb.cast<number>(eb(eb.fn.sum<number>("c.undisclosed"), "*", sql.lit<number>(sign)), "integer").as("undisclosed"),
            eb.cast<bigint>(eb(eb.fn.sum<number>("c.amount"), "*", sql.lit<number>(sign)), "bigint").as("amount"),
            eb.cast<bigint>(eb(eb.fn.sum<number>("c.upperBound"), "*", sql.lit<number>(sign)), "bigint").as("upperBound"),
          ]),
      )
      .onConflict((oc) =>
        oc.columns([...key]).doUpdateSet((eb) => ({
          deals: eb(column("deals"), "+", eb.ref("excluded.deals")),
          undisclosed: eb(column("undisclosed"), "+", eb.ref("excluded.undisclosed")),
          amount: eb(column("amount"), "+", eb.ref("excluded.amount")),
          upperBound: eb(column("upperBound"), "+", eb.ref("excluded.upperBound")),
        })),
      );
  };
  const recipients = dealSums("RecipientCell", RECIPIENT_KEY);
  const periods = dealSums("PeriodCell", PERIOD_KEY);
  const recipientTotals = dealSums("RecipientTotalCell", RECIPIENT_TOTAL_KEY);
  // The deals' named parts as InvestorPart holds them (the writers set the parts before adding a delta and subtract
  // before changing them), not split again: each delta would otherwise run the split's windows once more.
  const parts = keptPartsOf(builder, deals, !fill).where("p.share", "is not", null);
  const counts = [
    onPart.cast<number>(onPart(onPart.fn.countAll<number>(), "*", sql.lit<number>(sign)), "integer").as("parts"),
    onPart.cast<bigint>(onPart(onPart.fn.sum<number>("p.share"), "*", sql.lit<number>(sign)), "bigint").as("amount"),
  ];
  // The investor and total cells: the parts summed per key, added to the cells. Their columns are the key's and parts
  // and amount, so both are typed as InvestorCell.
  const partSums = (table: "InvestorCell" | "InvestorTotalCell", key: readonly PartKeyColumn[]) => {
    const column = <N extends "parts" | "amount">(name: N) => `${table}.${name}` as `InvestorCell.${N}`;
    const columns = key as readonly ("organizationId" | "quarter" | "kind" | "status")[];
    return builder
      .insertInto(table as "InvestorCell")
      .columns([...columns, "parts", "amount"])
      .expression(
        parts.groupBy(key.map((k) => PART_KEY_EXPRESSIONS[k])).select([...key.map((k) => PART_KEY_EXPRESSIONS[k].as(k)), ...counts]),
      )
      .onConflict((oc) =>
        oc.columns([...columns]).doUpdateSet((eb) => ({
          parts: eb(column("parts"), "+", eb.ref("excluded.parts")),
          amount: eb(column("amount"), "+", eb.ref("excluded.amount")),
        })),
      );
  };
  const investors = partSums("InvestorCell", INVESTOR_KEY);
  const investorTotals = partSums("InvestorTotalCell", INVESTOR_TOTAL_KEY);
  // The circular flows' pairs of the same parts (loop-cells.ts).
  const loops = loopCellDelta(builder, parts as unknown as Parameters<typeof loopCellDelta>[1], { sign, written: !fill });
  // The capital flows of the same deals and parts (flow-cells.ts).
  const { flows, capitalFlows } = flowCellDeltas(builder, dealCondition, sign, !fill);
  // Concentration's totals of the same deals and parts (concentration-cells.ts).
  const concentrations = concentrationCellDelta(builder, dealCondition, sign, !fill);
  return fill
    ? {
        recipients: recipients.compile(),
        periods: periods.compile(),
        recipientTotals: recipientTotals.compile(),
        investors: investors.compile(),
        investorTotals: investorTotals.compile(),
        loops,
        flows,
        capitalFlows,
        concentrations,
      }
    : {
        recipients: recipients.returning(["recipientId as organizationId", "deals as count"]).compile(),
        // The period cells are few: the writer deletes their empty ones without being told which.
        periods: periods.compile(),
        recipientTotals: recipientTotals.returning(["recipientId as organizationId", "deals as count"]).compile(),
        investors: investors.returning(["organizationId", "parts as count"]).compile(),
        investorTotals: investorTotals.returning(["organizationId", "parts as count"]).compile(),
        loops,
        flows,
        capitalFlows,
        concentrations,
      };
}

/** The statement that deletes the emptied period cells (a few thousand rows: no key to narrow by). */
export function emptyPeriodCellDeletion(builder: Reads) {
  return builder.deleteFrom("PeriodCell").where("deals", "=", 0).compile();
}

/** The statement that deletes the emptied cells of these recipients or investors (read by their primary key's prefix). */
export function emptyCellDeletion(
  builder: Reads,
  side: "recipients" | "recipientTotals" | "investors" | "investorTotals" | "loops" | "flows" | "capitalFlows" | "concentrations",
  organizationIds: readonly number[],
) {
  if (side === "loops") return emptyLoopCellDeletion(builder, organizationIds);
  if (side === "concentrations") return emptyConcentrationCellDeletion(builder, organizationIds);
  if (side === "flows" || side === "capitalFlows")
    return emptyFlowCellDeletion(builder, side === "flows" ? "FlowCell" : "CapitalFlowCell", organizationIds);
  if (side === "recipients" || side === "recipientTotals")
    return builder
      .deleteFrom(side === "recipients" ? "RecipientCell" : ("RecipientTotalCell" as "RecipientCell"))
      .where("deals", "=", 0)
      .where("recipientId", "in", [...organizationIds])
      .compile();
  return builder
    .deleteFrom(side === "investors" ? "InvestorCell" : ("InvestorTotalCell" as "InvestorCell"))
    .where("parts", "=", 0)
    .where("organizationId", "in", [...organizationIds])
    .compile();
}

/** A named investor's part of a deal as InvestorPart keeps it (investorPartRows), aliased `p` by its readers. */
export type InvestorPartRow = {
  organizationId: number;
  dealId: number;
  /** Null where stated commitments cover the deal without the investor (the split leaves it no part). */
  share: bigint | null;
  announcedOn: string;
  kind: string;
  status: string;
  recipientId: number;
  basis: number;
  /** The deal's whole counted amount (its amount key, 0 when undisclosed). */
  amount: bigint;
  /** The split's terms (SplitTerms in ./overview-figures.ts). */
  committedUsd: bigint | null;
  committedCount: number;
  committedSum: bigint;
  openCount: number;
  committedBefore: bigint;
  openRank: number;
};

const PART_COLUMNS = [
  "organizationId",
  "dealId",
  "share",
  "announcedOn",
  "kind",
  "status",
  "recipientId",
  "basis",
  "amount",
  ...SPLIT_TERMS,
] as const;

/**
 * Each named investor's part of each deal meeting `dealCondition` (on the Deal table `d`), one row per investor and
 * deal (null where the split leaves it none), with the deal's fields and the split's terms: the rows InvestorPart keeps
 * for the live deals.
 */
export function investorPartRows(reads: Reads, dealCondition: Expression<SqlBool>) {
  return (
    withInvestorShares(reads, dealCondition, reads.selectFrom("Deal as d"))
      // The named parties of "partShares" ("shares" without the deal's amount).
      .selectFrom("partShares as s")
      .where("s.organizationId", "is not", null)
      .groupBy(["s.organizationId", "s.dealId"])
      .select((eb) => [
        eb.ref("s.organizationId").$castTo<number>().as("organizationId"),
        "s.dealId",
        // One part per investor and deal (a deal names an investor once); the sum only names it for GROUP BY.
        eb.cast<bigint | null>(eb.fn.sum<bigint | null>("s.share"), "bigint").as("share"),
        // One value per deal: the maximum only names it for PostgreSQL's GROUP BY.
        eb.fn.max("s.announcedOn").as("announcedOn"),
        eb.fn.max("s.kind").as("kind"),
        eb.fn.max("s.status").as("status"),
        eb.fn.max("s.recipientId").as("recipientId"),
        eb.fn.max("s.basis").as("basis"),
        eb.cast<bigint>(eb.fn.max("s.amount"), "bigint").as("amount"),
        // The split's terms, one per investor and deal like the part (SplitTerms).
        eb.cast<bigint | null>(eb.fn.max("s.committedUsd"), "bigint").as("committedUsd"),
        eb.cast<number>(eb.fn.max("s.committedCount"), "integer").as("committedCount"),
        eb.cast<bigint>(eb.fn.max("s.committedSum"), "bigint").as("committedSum"),
        eb.cast<number>(eb.fn.max("s.openCount"), "integer").as("openCount"),
        eb.cast<bigint>(eb.fn.max("s.committedBefore"), "bigint").as("committedBefore"),
        eb.cast<number>(eb.fn.max("s.openRank"), "integer").as("openRank"),
      ])
  );
}

/**
 * The statements that set InvestorPart's rows of the deals `dealIds` (every deal with null) to their parts now: the
 * rows deleted, then the live deals' rows inserted. Compiled like cellDeltas', for the writer's transaction.
 */
export function investorPartStatements(builder: Reads, dealIds: readonly number[] | null) {
  const which = dealIds === null ? onDeal.lit(true) : onDeal("d.id", "in", [...dealIds]);
  const deletion = builder.deleteFrom("InvestorPart");
  return {
    deletion: (dealIds === null ? deletion : deletion.where("dealId", "in", [...dealIds])).compile(),
    insertion: builder
      .insertInto("InvestorPart")
      .columns([...PART_COLUMNS])
      .expression(investorPartRows(builder, onDeal.and([onDeal("d.deletedAt", "is", null), which])))
      .compile(),
  };
}
