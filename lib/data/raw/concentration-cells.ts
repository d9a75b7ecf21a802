// Concentration's totals kept for the whole market today (ConcentrationCell): per organization, side, grain and period,
// the capital kinds' amount in the counted statuses and with the pipeline's, the recipient side from the deals it
// received and the investor side from its named parts (InvestorPart's), each deal or part counted in its quarter and
// in its year. They are RecipientCell's and InvestorCell's amounts of the capital rule, grouped per organization and
// period once by the writers instead of on every read: concentration's spread and leaders are then sums and the top
// of an index per period (concentration-figures.ts), not every organization's totals read into the process.
//
// No "server-only" here: the writers that use it run in the operator commands (import, seed, db:synth) too.
import { sql, type Expression, type SqlBool } from "kysely";
import { CAPITAL_KINDS, COUNTED_STATUSES, PIPELINE_STATUSES, type Grain } from "../../measures/capital";
import type { Reads } from "../kysely";
import { signedTotal } from "./flow-cells";
import { periodOf } from "./overview-figures";

const GRAINS: readonly Grain[] = ["quarter", "year"];

/**
 * The statement that adds `sign` times the contributions of the live deals meeting `dealCondition` (on `d`) to
 * ConcentrationCell: each deal of the capital kinds in a counted or pipeline status to its recipient's row, and each of
 * its named parts to its investor's, in the deal's quarter and year; summed per row (INSERT ... SELECT ... ON CONFLICT
 * DO UPDATE SET x = x + excluded.x). InvestorPart must hold the deals' parts as they are when it runs. A write's delta
 * returns each row's organization and its contributions after the change, for the writer to delete the rows a
 * subtraction left with none.
 */
export function concentrationCellDelta(builder: Reads, dealCondition: Expression<SqlBool>, sign: 1 | -1, written: boolean) {
  const deals = builder
    .selectFrom("Deal as d")
    .where("d.deletedAt", "is", null)
    .where(dealCondition)
    .where("d.kind", "in", [...CAPITAL_KINDS])
    .where("d.status", "in", [...COUNTED_STATUSES, ...PIPELINE_STATUSES]);
  const contributions = GRAINS.flatMap((grain) => [
    deals.select((eb) => [
      "d.recipientId as organizationId",
      sql.lit("recipient").as("side"),
      sql.lit(grain).as("grain"),
      periodOf("d.announcedOn", grain).as("period"),
      "d.status",
      eb.fn.coalesce("d.amountUsdKey", sql<bigint>`0`).as("amount"),
    ]),
    deals
      .innerJoin("InvestorPart as p", "p.dealId", "d.id")
      .where("p.share", "is not", null)
      .select([
        "p.organizationId",
        sql.lit("investor").as("side"),
        sql.lit(grain).as("grain"),
        periodOf("d.announcedOn", grain).as("period"),
        "d.status",
        sql<bigint>`${sql.ref("p.share")}`.as("amount"),
      ]),
  ]);
  const rows = contributions.slice(1).reduce((all, next) => all.unionAll(next as never), contributions[0]);
  const delta = builder
    .insertInto("ConcentrationCell")
    .columns(["organizationId", "side", "grain", "period", "contributions", "amount", "withPipelineAmount"])
    .expression(
      builder
        .selectFrom(rows.as("l"))
        // SQLite reads an ON right after the FROM of an INSERT's SELECT as a join's: a WHERE keeps the upsert's apart.
        .where(sql<SqlBool>`true`)
        .groupBy(["l.organizationId", "l.side", "l.grain", "l.period"])
        .select([
          "l.organizationId",
          "l.side",
          "l.grain",
          "l.period",
          signedTotal("deals", false, sign).as("contributions"),
          signedTotal("amount", true, sign).as("amount"),
          signedTotal("amount", false, sign).as("withPipelineAmount"),
        ]) as never,
    )
    .onConflict((oc) =>
      oc.columns(["organizationId", "side", "grain", "period"]).doUpdateSet((eb) => ({
        contributions: eb("ConcentrationCell.contributions", "+", eb.ref("excluded.contributions")),
        amount: eb("ConcentrationCell.amount", "+", eb.ref("excluded.amount")),
        withPipelineAmount: eb("ConcentrationCell.withPipelineAmount", "+", eb.ref("excluded.withPipelineAmount")),
      })),
    );
  return written ? delta.returning(["organizationId", "contributions as count"]).compile() : delta.compile();
}

/** The statement that deletes the rows of these organizations a subtraction left without a deal or part. */
export function emptyConcentrationCellDeletion(builder: Reads, organizationIds: readonly number[]) {
  return builder
    .deleteFrom("ConcentrationCell")
    .where("contributions", "=", 0)
    .where("organizationId", "in", [...organizationIds])
    .compile();
}
