// Concentration's totals kept for the whole market today (ConcentrationCell): per organization, side, grain and period,
// the capital kinds' amount in the counted statuses and with the pipeline's, the recipient side from the deals it
// received and the investor side from its named parts (InvestorPart's), each deal or part counted in its quarter and
// in its year. They are RecipientCell's and InvestorCell's amounts of the capital rule, grouped per organization and
// period once by the writers instead of on every read: concentration's spread and leaders are then sums and the top
// of an index per period (concentration-figures.ts), not every organization's totals read into the process.
//
// No "server-only" here: the writers that use it run in the operator commands (import, seed, db:synth) too.
import { sql, type Expression, type QueryCreator, type SqlBool } from "kysely";
import type { DB } from "../../generated/kysely/types";
import { CAPITAL_KINDS, COUNTED_STATUSES, PIPELINE_STATUSES, type Grain } from "../../measures/capital";
import type { Reads } from "../kysely";
import { keptPartsOf } from "./kept-parts";
import { signedTotal } from "./flow-cells";
import { periodOf } from "./overview-figures";

/** A deal's or a named part's contribution, as the statement's first CTE holds it. */
type ContributionRow = { organizationId: number; side: string; announcedOn: string; status: string; amount: bigint };

/**
 * The statement that adds `sign` times the contributions of the live deals meeting `dealCondition` (on `d`) to
 * ConcentrationCell: each deal of the capital kinds in a counted or pipeline status to its recipient's row, and each of
 * its named parts to its investor's, in the deal's quarter and year; summed per row (INSERT ... SELECT ... ON CONFLICT
 * DO UPDATE SET x = x + excluded.x). InvestorPart must hold the deals' parts as they are when it runs. A write's delta
 * returns each row's organization and its contributions after the change, for the writer to delete the rows a
 * subtraction left with none.
 */
export function concentrationCellDelta(builder: Reads, dealCondition: Expression<SqlBool>, sign: 1 | -1, written: boolean) {
  // Each deal and each named part as one row (a recipient's deal, an investor's part), read once, first, for both
  // grains: a branch per grain joined the parts again.
  const first = builder.with(
    (cte) => cte("concentrationRows").materialized(),
    () => {
      const deals = builder
        .selectFrom("Deal as d")
        .where("d.deletedAt", "is", null)
        .where(dealCondition)
        .where("d.kind", "in", [...CAPITAL_KINDS])
        .where("d.status", "in", [...COUNTED_STATUSES, ...PIPELINE_STATUSES]);
      return deals
        .select((eb) => [
          "d.recipientId as organizationId",
          sql.lit("recipient").as("side"),
          "d.announcedOn",
          "d.status",
          eb.fn.coalesce("d.amountUsdKey", sql<bigint>`0`).as("amount"),
        ])
        .unionAll(
          keptPartsOf(builder, deals, written)
            .where("p.share", "is not", null)
            .select(["p.organizationId", sql.lit("investor").as("side"), "d.announcedOn", "d.status", "p.share as amount"]) as never,
        );
    },
  );
  // The branches name the statement's CTE; only the statement itself carries the WITH.
  const rowsOf = (grain: Grain) =>
    (builder as unknown as QueryCreator<DB & { concentrationRows: ContributionRow }>)
      .selectFrom("concentrationRows as d")
      .select([
        "d.organizationId",
        "d.side",
        sql.lit(grain).as("grain"),
        periodOf("d.announcedOn", grain).as("period"),
        "d.status",
        "d.amount",
      ]);
  const rows = rowsOf("quarter").unionAll(rowsOf("year"));
  const delta = (first as unknown as Reads)
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
