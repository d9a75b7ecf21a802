// Capital flows (lib/measures/flows.ts: capitalFlows) as rows: per named investor and recipient, the parts above zero
// the investor holds of the recipient's deals; per recipient, the part of each deal no named investor holds (investorId
// UNNAMED). A deal's flows depend on the deal and its named parts alone, so they add up like the market's cells
// (market-cells.ts). The writers keep those of the whole market's live deals, in the same transaction as the deal, in
// two tables: FlowCell per kind and status, which any counting rule sums per flow, and CapitalFlowCell, the capital
// rule's flows already summed (with and without the pipeline) and indexed by amount, so that the default view's
// largest flows are read from the top of an index instead of summing every flow (0.7 s at a million deals). One
// statement per table adds, subtracts and fills (flowCellDeltas); any other set of deals (filtered, as of a date) sums
// the same rows (flowRowsOf) over its deals and parts.
//
// No "server-only" here: the writers that use it run in the operator commands (import, seed, db:synth) too.
import { sql, type Expression, type QueryCreator, type RawBuilder, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { DB, Deal, Organization } from "../../generated/kysely/types";
import { CAPITAL_KINDS, COUNTED_STATUSES, PIPELINE_STATUSES } from "../../measures/capital";
import { countSum, type Reads } from "../kysely";
import type { CellRule } from "./overview-figures";
import { keptPartsOf } from "./kept-parts";

/** The investor id of the flows of the parts no named investor holds ("Undisclosed investors"). */
export const UNNAMED = 0;

/** One flow or a deal's contribution to it, as the figures read it. */
export type FlowRow = { investorId: number; recipientId: number; deals: number; amount: bigint };
export type FlowRows = SelectQueryBuilder<DB & { f: FlowRow }, "f", FlowRow>;

/** Deals' states aliased `d`. */
type Deals = SelectQueryBuilder<DB & { d: Deal }, "d", object>;
/**
 * The relation of the deals' named parts, joined to them by deal (`dealId`, `organizationId`, `share`: null where the
 * split leaves the investor none): the kept InvestorPart, or a view's "shares".
 */
type PartsTable = "InvestorPart" | "shares";

/**
 * Each flow of `deals` (one row per deal and flow, with the deal's kind and status): its named parts above zero, and
 * what its amount leaves after its named parts, where above zero. The parts are joined to the deals (each deal's read
 * by the parts' deal index), never read whole.
 */
function flowContributions(reads: QueryCreator<DB>, deals: Deals, partsTable: PartsTable, written = false) {
  const withParts =
    partsTable === "InvestorPart"
      ? keptPartsOf(reads as Reads, deals, written)
      : deals.innerJoin(`${partsTable} as p` as "InvestorPart as p", "p.dealId", "d.id");
  const named = withParts
    .where("p.share", ">", sql<bigint>`0`)
    .select(["p.organizationId as investorId", "d.recipientId", "d.kind", "d.status", "p.share as amount"]);
  const namedSums = withParts
    .where("p.share", "is not", null)
    .groupBy("d.id")
    .select((eb) => ["d.id as dealId", eb.fn.sum<bigint>("p.share").as("named")])
    .as("n");
  const unnamed = reads
    .selectFrom(
      deals
        .where("d.amountUsdKey", "is not", null)
        .leftJoin(namedSums, "n.dealId", "d.id")
        .select((eb) => [
          "d.recipientId",
          "d.kind",
          "d.status",
          eb("d.amountUsdKey", "-", eb.fn.coalesce("n.named", sql<bigint>`0`)).as("rest"),
        ])
        .as("d"),
    )
    .where("d.rest", ">", sql<bigint>`0`)
    .select([sql.lit(UNNAMED).as("investorId"), "d.recipientId", "d.kind", "d.status", "d.rest as amount"]);
  return named.unionAll(unnamed as never);
}

/**
 * Of contributions aliased `l` (with `status` and `amount`), a count or a sum of amounts, of every one or only those in
 * a counted status, times the sign of a writer's delta: the capital rule's two columns (counted, with the pipeline's).
 */
export function signedTotal(what: "deals" | "amount", countedOnly: boolean, sign: 1 | -1): RawBuilder<unknown> {
  const value = what === "amount" ? sql.ref("l.amount") : sql.lit(1);
  const counted = sql`${sql.ref("l.status")} IN (${sql.join([...COUNTED_STATUSES])})`;
  const sum = countedOnly
    ? sql`SUM(CASE WHEN ${counted} THEN ${value} ELSE 0 END) * ${sql.lit(sign)}`
    : sql`SUM(${value}) * ${sql.lit(sign)}`;
  return what === "amount" ? sql<bigint>`CAST(${sum} AS BIGINT)` : sql<number>`CAST(${sum} AS INTEGER)`;
}

/**
 * The column a table kept for the capital rule (CapitalFlowCell, ConcentrationCell) holds a rule's figure in: `amount`
 * for the capital kinds in the counted statuses, `withPipelineAmount` with the pipeline's too; null for any other rule.
 */
export function keptCapitalColumn(rule: CellRule): "amount" | "withPipelineAmount" | null {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s) => b.includes(s));
  if (!same(rule.kinds, CAPITAL_KINDS) || rule.statuses === null) return null;
  if (same(rule.statuses, COUNTED_STATUSES)) return "amount";
  return same(rule.statuses, [...COUNTED_STATUSES, ...PIPELINE_STATUSES]) ? "withPipelineAmount" : null;
}

/** A statement compiled for the writer's transaction (lib/deals/market-cells.ts runs it on its connection). */
type Compiled = { sql: string; parameters: readonly unknown[] };

/**
 * The two statements that add `sign` times the flows of the live deals meeting `dealCondition` (on `d`) to FlowCell
 * (per kind and status) and CapitalFlowCell (the capital kinds in the counted statuses, and with the pipeline's): their
 * named parts as InvestorPart keeps them and the rest of each amount, summed per flow (INSERT ... SELECT ... ON
 * CONFLICT DO UPDATE SET x = x + excluded.x). A write's delta returns each row's recipient and its deals after the
 * change, for the writer to delete the flows a subtraction left without a deal.
 */
export function flowCellDeltas(builder: Reads, dealCondition: Expression<SqlBool>, sign: 1 | -1, written: boolean) {
  const deals = builder.selectFrom("Deal as d").where("d.deletedAt", "is", null).where(dealCondition);
  const rows = flowContributions(builder, deals, "InvestorPart", written).as("l");
  const total = (what: "deals" | "amount", countedOnly: boolean) => signedTotal(what, countedOnly, sign);
  // SQLite reads an ON right after the FROM of an INSERT's SELECT as a join's: a WHERE keeps the upsert's apart. The
  // GROUP BY names plain columns: PostgreSQL does not match one holding parameters with the same expression selected.
  const flows = builder
    .insertInto("FlowCell")
    .columns(["recipientId", "investorId", "kind", "status", "deals", "amount"])
    .expression(
      builder
        .selectFrom(rows)
        .where(sql<SqlBool>`true`)
        .groupBy(["l.recipientId", "l.investorId", "l.kind", "l.status"])
        .select([
          "l.recipientId",
          "l.investorId",
          "l.kind",
          "l.status",
          total("deals", false).as("deals"),
          total("amount", false).as("amount"),
        ]),
    )
    .onConflict((oc) =>
      oc.columns(["recipientId", "investorId", "kind", "status"]).doUpdateSet((eb) => ({
        deals: eb("FlowCell.deals", "+", eb.ref("excluded.deals")),
        amount: eb("FlowCell.amount", "+", eb.ref("excluded.amount")),
      })),
    );
  const capitalFlows = builder
    .insertInto("CapitalFlowCell")
    .columns(["recipientId", "investorId", "deals", "amount", "withPipelineDeals", "withPipelineAmount"])
    .expression(
      builder
        .selectFrom(rows)
        .where("l.kind", "in", [...CAPITAL_KINDS])
        .where("l.status", "in", [...COUNTED_STATUSES, ...PIPELINE_STATUSES])
        .groupBy(["l.recipientId", "l.investorId"])
        .select([
          "l.recipientId",
          "l.investorId",
          total("deals", true).as("deals"),
          total("amount", true).as("amount"),
          total("deals", false).as("withPipelineDeals"),
          total("amount", false).as("withPipelineAmount"),
        ]),
    )
    .onConflict((oc) =>
      oc.columns(["recipientId", "investorId"]).doUpdateSet((eb) => ({
        deals: eb("CapitalFlowCell.deals", "+", eb.ref("excluded.deals")),
        amount: eb("CapitalFlowCell.amount", "+", eb.ref("excluded.amount")),
        withPipelineDeals: eb("CapitalFlowCell.withPipelineDeals", "+", eb.ref("excluded.withPipelineDeals")),
        withPipelineAmount: eb("CapitalFlowCell.withPipelineAmount", "+", eb.ref("excluded.withPipelineAmount")),
      })),
    );
  return written
    ? {
        flows: flows.returning(["recipientId as organizationId", "deals as count"]).compile(),
        capitalFlows: capitalFlows.returning(["recipientId as organizationId", "withPipelineDeals as count"]).compile(),
      }
    : { flows: flows.compile(), capitalFlows: capitalFlows.compile() };
}

/** The statement that deletes the emptied flows of these recipients (read by their primary key's prefix). */
export function emptyFlowCellDeletion(builder: Reads, table: "FlowCell" | "CapitalFlowCell", recipientIds: readonly number[]): Compiled {
  const emptied = table === "FlowCell" ? "deals" : "withPipelineDeals";
  return builder
    .deleteFrom(table as "CapitalFlowCell")
    .where(emptied as "withPipelineDeals", "=", 0)
    .where("recipientId", "in", [...recipientIds])
    .compile();
}

/**
 * The whole market's flows under a cell rule (of the recipients `recipientIds` only, where given), one row per flow:
 * CapitalFlowCell's columns for the capital kinds in the counted statuses (or with the pipeline's), read as they are
 * (`indexed`); else FlowCell's rows of the rule's kinds and statuses summed per flow, in the primary key's order.
 */
export function keptFlows(
  reads: Reads,
  rule: CellRule,
  recipientIds: SelectQueryBuilder<DB & { o: Organization }, "o", { id: number }> | null,
): { rows: FlowRows; indexed: boolean } {
  const column = keptCapitalColumn(rule);
  if (column !== null) {
    const withPipeline = column === "withPipelineAmount";
    const cells = reads.selectFrom("CapitalFlowCell as f");
    const rows = (recipientIds === null ? cells : cells.where("f.recipientId", "in", recipientIds)).select([
      "f.investorId",
      "f.recipientId",
      withPipeline ? "f.withPipelineDeals as deals" : "f.deals",
      withPipeline ? "f.withPipelineAmount as amount" : "f.amount",
    ]);
    return { rows: rows as unknown as FlowRows, indexed: true };
  }
  let cells = reads.selectFrom("FlowCell as f");
  // A rule with no kind or no status selects no flow (`IN ()` is not SQL everywhere).
  if (rule.kinds.length === 0 || rule.statuses?.length === 0) cells = cells.where(sql.lit(false));
  else {
    cells = cells.where("f.kind", "in", [...rule.kinds]);
    if (rule.statuses) cells = cells.where("f.status", "in", [...rule.statuses]);
  }
  if (recipientIds !== null) cells = cells.where("f.recipientId", "in", recipientIds);
  const rows = cells
    .groupBy(["f.recipientId", "f.investorId"])
    .select((eb) => ["f.investorId", "f.recipientId", countSum(eb.ref("f.deals")).as("deals"), eb.fn.sum<bigint>("f.amount").as("amount")]);
  return { rows: rows as unknown as FlowRows, indexed: false };
}

/**
 * The flows of `deals` (deals' states `d`, already narrowed to a rule) summed per flow from their named parts in
 * `partsTable`, one row per flow, read on `outer` (which defines a view's "shares"); `reads` builds the subqueries,
 * which cannot hold a WITH of their own.
 */
export function flowRowsOf(outer: QueryCreator<DB>, reads: Reads, deals: Deals, partsTable: PartsTable): FlowRows {
  return outer
    .selectFrom(flowContributions(reads, deals, partsTable).as("l"))
    .groupBy(["l.recipientId", "l.investorId"])
    .select((eb) => [
      "l.investorId",
      "l.recipientId",
      eb.cast<number>(eb.fn.countAll(), "integer").as("deals"),
      eb.fn.sum<bigint>("l.amount").as("amount"),
    ]) as unknown as FlowRows;
}
