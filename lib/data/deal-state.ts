// The one relation for a deal's state: "deals as of D", which every read of deals starts from (lists, counts, the
// /deals figures, the measures, the export, the organization pages). Today it is the Deal table itself; as of a date
// it is each deal's latest lifecycle event on or before D (the newest of its own events by then, read by index), joined
// to the deal, with the Deal table's columns and names, so every filter (applyDealFilters), sort and figure written
// over "Deal as d" reads it unchanged. docs/domain.md says what an event records and why the latest one is the state.
import { sql, type ExpressionBuilder, type OperationNode, type OperationNodeSource, type SelectQueryBuilder } from "kysely";
import type { DB, Deal } from "../generated/kysely/types";
import { isPostgresReads, type Reads } from "./kysely";
import { REPORTED_FIELDS } from "../story/as-of";

/**
 * What "as of" changes about a deal, as columns of the deals' states: its first-report date and every field an event
 * reports (REPORTED_FIELDS). A read of one deal or of the export selects these, so the state's columns are listed once.
 */
export const STATE_COLUMNS: readonly ("d.announcedOn" | `d.${(typeof REPORTED_FIELDS)[number]}`)[] = [
  "d.announcedOn",
  ...REPORTED_FIELDS.map((field) => `d.${field}` as const),
];

/**
 * The columns of the deals' states that no event reports: as of any date, the deal's own. The round a deal belongs to
 * is grouping, not a reported term: today's, on any date (the round's name as reported is the event's `round`).
 */
const UNREPORTED_COLUMNS = [
  "x.id",
  "x.recipientId",
  "x.kind",
  "x.version",
  "x.createdAt",
  "x.updatedAt",
  "x.deletedAt",
  "x.roundId",
  "x.firstEventOn",
  "x.stateSince",
] as const;

/** A query over the deals' states aliased `d`: the type of `reads.selectFrom("Deal as d")`. */
export type DealStates = SelectQueryBuilder<DB & { d: Deal }, "d", object>;

/**
 * The deals as they stood on `asOf` (today with null), as `d`. As of a date: status, amounts, qualifier and every
 * reported term are those of the latest event on or before it (by date, then id: the order they were recorded), the
 * amount key is recomputed from them (the low figure, else "up to"), and the first-report date is the deal's own when
 * it lies on or before the date, else its first event's. A deal whose events all come later is absent; a deal with
 * no event at all (none is written by this app, an old database might hold one) counts from its own date as it is.
 * `uses`: for a query that reads nothing of the states but what these expressions read (a count, the ids of an order;
 * the expressions it filters and orders by). When none reads a reported term (datedStates), the relation is read
 * without the events.
 */
export function dealsAsOf(reads: Reads, asOf: string | null, uses?: readonly OperationNodeSource[]): DealStates {
  if (!asOf) return reads.selectFrom("Deal as d");
  if (uses && !readsTerms(uses)) return datedStates(reads, asOf);
  // Each deal's latest event on or before the date is read through the deal's own events (the index on dealId,
  // occurredOn) rather than by numbering every event of the market in a window: a filter on the deal (its id,
  // recipient, kind, parties) then reaches the Deal table, and only the matching deals' events are read. Behind a
  // window neither SQLite nor PostgreSQL pushed that filter down, so one deal's state as of a date read every event.
  // Each database gets the form it runs fastest:
  // - SQLite: the event whose id is the deal's newest by then, one step back through the index, whose entries end
  //   with the id. The deals and amounts counted as of a date at a million deals: 1.1-1.4 s with the anti-join
  //   below, 0.64 s so; at 100,000 deals the whole market's 81-94 against 54-61 ms.
  // - PostgreSQL: the deal's events by then with no later one by then (by date, then id), an anti-join. Given the
  //   keyed form it sorted each deal's events, with an index on (dealId, occurredOn, id) too: at 100,000 deals the
  //   whole market 71 against 194-267 ms, a recipient's deals 7 against 19-22, an investor's 35 against 56-67.
  // Whether a deal is there at all is read off the deal (its first event's date, kept by the writers) before any of
  // its events, so the deals first reported later cost no event lookups: a recipient's from its list index, which
  // holds the date, an investor's from the deal's row. So is whether its row is its state by then (the date it is
  // since, kept by the writers too): then none of its events is read (at a million deals, 98% of the deals there on
  // 1 January 2025 and on 1 January 2022).
  // Each reported field from the event, or the deal's own where its row is its state or it has no event by then.
  const rowIsState = (eb: ExpressionBuilder<DB & { x: Deal }, "x">) =>
    eb.and([eb("x.stateSince", "is not", null), eb("x.stateSince", "<=", asOf)]);
  const reported = <C extends string>(column: C) =>
    sql`CASE WHEN "e"."id" IS NULL THEN "x".${sql.ref(column)} ELSE "e".${sql.ref(column)} END`.as(column);
  const states = reads
    .selectFrom("Deal as x")
    .leftJoin("DealEvent as e", (join) =>
      isPostgresReads(reads)
        ? join
            .onRef("e.dealId", "=", "x.id")
            .on((eb) => eb.not(rowIsState(eb)))
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
            )
        : join.on((eb) =>
            eb(
              "e.id",
              "=",
              eb
                .case()
                .when(rowIsState(eb))
                .then(sql<number | null>`NULL`)
                .else(
                  eb
                    .selectFrom("DealEvent as l")
                    .whereRef("l.dealId", "=", "x.id")
                    .where("l.occurredOn", "<=", asOf)
                    .orderBy("l.occurredOn", "desc")
                    .orderBy("l.id", "desc")
                    .limit(1)
                    .select("l.id"),
                )
                .end(),
            ),
          ),
    )
    .where(existsBy(asOf))
    .select([
      reported("status"),
      reported("round"),
      firstReportedBy(asOf),
      reported("amountUsdLow"),
      reported("amountUsdHigh"),
      reported("amountQualifier"),
      sql`CASE WHEN "e"."id" IS NULL THEN "x"."amountUsdKey" ELSE COALESCE("e"."amountUsdLow", "e"."amountUsdHigh") END`.as("amountUsdKey"),
      reported("originalCurrency"),
      reported("originalAmount"),
      reported("postMoneyValuationUsd"),
      reported("stakeBps"),
      reported("summary"),
      ...UNREPORTED_COLUMNS,
    ]);
  // The same columns, names and types as Deal (the CASE columns are the event's or the deal's own of that name).
  return reads.selectFrom(states.as("d")) as unknown as DealStates;
}

/** The columns of the deals' states that their events report: reading one as of a date reads each deal's latest event. */
const TERM_COLUMNS: ReadonlySet<string> = new Set<string>([...REPORTED_FIELDS, "amountUsdKey"]);

/**
 * Whether any of the expressions names a reported term (TERM_COLUMNS), as a column of any table or inside raw SQL
 * text: erring towards yes, which only costs the events' join.
 */
function readsTerms(uses: readonly OperationNodeSource[]): boolean {
  const names = (value: unknown): boolean => {
    if (value === null || typeof value !== "object") return false;
    if (Array.isArray(value)) return value.some(names);
    const node = value as OperationNode & { column?: { name?: string }; sqlFragments?: readonly string[] };
    if (node.kind === "ColumnNode" && node.column?.name !== undefined && TERM_COLUMNS.has(node.column.name)) return true;
    if (node.kind === "RawNode" && node.sqlFragments?.some((text) => [...TERM_COLUMNS].some((column) => text.includes(column))))
      return true;
    return Object.values(node).some(names);
  };
  return uses.some((use) => names(use.toOperationNode()));
}

/** A deal exists from its first event on (its own date with none). */
function existsBy(asOf: string) {
  return (eb: ExpressionBuilder<DB & { x: Deal }, "x">) => eb(eb.fn.coalesce("x.firstEventOn", "x.announcedOn"), "<=", asOf);
}

/**
 * The first-report date as of the date: the deal's own when it lies on or before the date, else its first event's
 * (which then does: the deal exists). With no event at all the deal exists only from its own date.
 */
function firstReportedBy(asOf: string) {
  return sql<string>`CASE WHEN "x"."firstEventOn" IS NULL OR "x"."announcedOn" <= ${asOf} THEN "x"."announcedOn" ELSE "x"."firstEventOn" END`.as(
    "announcedOn",
  );
}

/**
 * The deals reported by the date with their first-report date then and the columns no event reports (recipient,
 * kind, round, dates, deletion), without their terms: a count, a date order or a filter on those columns reads the
 * Deal table alone, not each deal's events (at a million deals, counting the deals as of a date took 0.9-1.5 s with
 * the events joined, 0.18 s so; their newest page's ids 1.1 s, 0.21 s). The terms are absent, not today's: a query
 * that reads one here fails instead of answering with today's.
 */
function datedStates(reads: Reads, asOf: string): DealStates {
  const states = reads
    .selectFrom("Deal as x")
    .where(existsBy(asOf))
    .select([firstReportedBy(asOf), ...UNREPORTED_COLUMNS]);
  return reads.selectFrom(states.as("d")) as unknown as DealStates;
}
