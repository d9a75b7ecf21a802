// The one relation for a deal's state: "deals as of D", which every read of deals starts from (lists, counts, the
// /deals figures, the measures, the export, the organization pages). Today it is the Deal table itself; as of a date
// it is each deal's latest lifecycle event on or before D (the newest of its own events by then, read by index), joined
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
  // Each deal's latest event on or before the date is its event by then with no later one (by date, then id), read
  // through the deal's own events (the index on dealId, occurredOn) rather than by numbering every event of the market
  // in a window: a filter on the deal (its id, recipient, kind, parties) then reaches the Deal table, and only the
  // matching deals' events are read. Behind a window neither SQLite nor PostgreSQL pushed that filter down, so one
  // deal's state as of a date read every event. At 100,000 deals, counting and summing as of a date took: the whole
  // market 176 ms on SQLite and 152 on PostgreSQL (a window: 257 and 248; the newest event by a scalar subquery
  // per deal: 125 and 565, PostgreSQL sorting each deal's events); one recipient's 204 deals 0.6 and 2.9 ms (a window:
  // 147 and 94); Amazon's 6,028, 26 and 55 ms (164 and 126).
  // Whether a deal is there at all is read off the deal (its first event's date, kept by the writers) before any of
  // its events, so the deals first reported later cost no event lookups: a recipient's from its list index, which
  // holds the date, an investor's from the deal's row.
  // Each reported field from the event, or the deal's own where it has no event by then (or none at all).
  const reported = <C extends string>(column: C) =>
    sql`CASE WHEN "e"."id" IS NULL THEN "x".${sql.ref(column)} ELSE "e".${sql.ref(column)} END`.as(column);
  const states = reads
    .selectFrom("Deal as x")
    .leftJoin("DealEvent as e", (join) =>
      join
        .onRef("e.dealId", "=", "x.id")
        .on("e.occurredOn", "<=", asOf)
        .on((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("DealEvent as l")
                .whereRef("l.dealId", "=", "e.dealId")
                .where("l.occurredOn", "<=", asOf)
                .where((l) =>
                  l.or([
                    l("l.occurredOn", ">", l.ref("e.occurredOn")),
                    l.and([l("l.occurredOn", "=", l.ref("e.occurredOn")), l("l.id", ">", l.ref("e.id"))]),
                  ]),
                )
                .select("l.id"),
            ),
          ),
        ),
    )
    // A deal exists from its first event on (its own date with none).
    .where((eb) => eb(eb.fn.coalesce("x.firstEventOn", "x.announcedOn"), "<=", asOf))
    .select([
      "x.id",
      "x.recipientId",
      "x.kind",
      reported("status"),
      reported("round"),
      // The first event of all: with an event by then, it lies on or before the date.
      sql<string>`CASE WHEN "e"."id" IS NULL OR "x"."announcedOn" <= ${asOf} THEN "x"."announcedOn" ELSE "x"."firstEventOn" END`.as(
        "announcedOn",
      ),
      reported("amountUsdLow"),
      reported("amountUsdHigh"),
      reported("amountQualifier"),
      sql`CASE WHEN "e"."id" IS NULL THEN "x"."amountUsdKey" ELSE COALESCE("e"."amountUsdLow", "e"."amountUsdHigh") END`.as("amountUsdKey"),
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
      "x.firstEventOn",
    ]);
  // The same columns, names and types as Deal (the CASE columns are the event's or the deal's own of that name).
  return reads.selectFrom(states.as("d")) as unknown as DealStates;
}
