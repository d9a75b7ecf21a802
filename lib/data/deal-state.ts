// The one relation for a deal's state: "deals as of D", which every read of deals starts from (lists, counts, the
// /deals figures, the measures, the export, the organization pages). Today it is the Deal table itself; as of a date
// it is each deal's latest lifecycle event on or before D (ROW_NUMBER() OVER the deal's events, newest first), joined
// to the deal, with the Deal table's columns and names, so every filter (applyDealFilters), sort and figure written
// over "Deal as d" reads it unchanged. docs/domain.md says what an event records and why the latest one is the state.
import { sql, type SelectQueryBuilder } from "kysely";
import type { DB, Deal } from "../generated/kysely/types";
import type { Reads } from "./kysely";
import { REPORTED_FIELDS } from "../story/as-of";

/**
 * What "as of" changes about a deal, as columns of the deals' states: its first-report date and every field an event
 * reports (REPORTED_FIELDS). A read of one deal or of the export selects these, so the state's columns are listed once.
 */
export const STATE_COLUMNS: readonly ("d.announcedOn" | `d.${(typeof REPORTED_FIELDS)[number]}`)[] = [
  "d.announcedOn",
  ...REPORTED_FIELDS.map((field) => `d.${field}` as const),
];

/** A query over the deals' states aliased `d`: the type of `reads.selectFrom("Deal as d")`. */
export type DealStates = SelectQueryBuilder<DB & { d: Deal }, "d", object>;

/**
 * The deals as they stood on `asOf` (today with null), as `d`. As of a date: status, amounts, qualifier and every
 * reported term are those of the latest event on or before it (by date, then id: the order they were recorded), the
 * amount key is recomputed from them (the low figure, else "up to"), and the first-report date is the deal's own when
 * it lies on or before the date, else its first event's. A deal whose events all come later is absent; a deal with
 * no event at all (none is written by this app, an old database might hold one) counts from its own date as it is.
 */
export function dealsAsOf(reads: Reads, asOf: string | null): DealStates {
  if (!asOf) return reads.selectFrom("Deal as d");
  const known = reads
    .selectFrom("DealEvent as ev")
    .where("ev.occurredOn", "<=", asOf)
    .select((eb) => [
      "ev.id",
      "ev.dealId",
      eb.fn
        .agg<number>("row_number")
        .over((w) => w.partitionBy("ev.dealId").orderBy("ev.occurredOn", "desc").orderBy("ev.id", "desc"))
        .as("newest"),
      eb.fn
        .min<string>("ev.occurredOn")
        .over((w) => w.partitionBy("ev.dealId"))
        .as("firstOn"),
    ]);
  // Each reported field from the event, or the deal's own where it has no event at all.
  const reported = <C extends string>(column: C) =>
    sql`CASE WHEN "k"."dealId" IS NULL THEN "x".${sql.ref(column)} ELSE "e".${sql.ref(column)} END`.as(column);
  // The window runs over the events' ids and dates only, and the latest event's row is then read by primary key:
  // carrying every reported column (summaries) through the window's sort and the join's automatic index took five
  // times as long (2.7 s against 0.5 s for 20,000 deals on a loaded machine).
  const states = reads
    .selectFrom("Deal as x")
    .leftJoin(known.as("k"), (join) => join.onRef("k.dealId", "=", "x.id").on("k.newest", "=", 1))
    .leftJoin("DealEvent as e", "e.id", "k.id")
    .where((eb) =>
      eb.or([
        eb("k.dealId", "is not", null),
        eb.and([
          eb("x.announcedOn", "<=", asOf),
          eb.not(eb.exists(eb.selectFrom("DealEvent as n").whereRef("n.dealId", "=", "x.id").select("n.id"))),
        ]),
      ]),
    )
    .select([
      "x.id",
      "x.recipientId",
      "x.kind",
      reported("status"),
      reported("round"),
      sql<string>`CASE WHEN "k"."dealId" IS NULL OR "x"."announcedOn" <= ${asOf} THEN "x"."announcedOn" ELSE "k"."firstOn" END`.as(
        "announcedOn",
      ),
      reported("amountUsdLow"),
      reported("amountUsdHigh"),
      reported("amountQualifier"),
      sql`CASE WHEN "k"."dealId" IS NULL THEN "x"."amountUsdKey" ELSE COALESCE("e"."amountUsdLow", "e"."amountUsdHigh") END`.as(
        "amountUsdKey",
      ),
      reported("originalCurrency"),
      reported("originalAmount"),
      reported("postMoneyValuationUsd"),
      reported("stakeBps"),
      reported("summary"),
      "x.version",
      "x.createdAt",
      "x.updatedAt",
      "x.deletedAt",
      // The round a deal belongs to is grouping, not a reported term: today's, on any date (the round's name as
      // reported is the event's `round` above).
      "x.roundId",
    ]);
  // The same columns, names and types as Deal (the CASE columns are the event's or the deal's own of that name).
  return reads.selectFrom(states.as("d")) as unknown as DealStates;
}
