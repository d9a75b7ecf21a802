// What each lifecycle event changes against the event before it in its deal (by date, then id: orderEvents), kept on
// the event as DealEvent.change so that /changes (lib/data/changes.ts) counts and pages through an index rather than
// comparing every event with the one before it: its first report, a change of status, a change of reported amount
// (low, high or qualifier, null-safe), or nothing (a note only). The deal writers set it in the write's transaction for
// every event of the deals they write (lib/deals/change-kinds.ts), db:synth and prepare-db for every event. Beside it
// the writers keep each deal's first event date and the date from which its row is its state (Deal.firstEventOn,
// Deal.stateSince), which the reads as of a date start from.
//
// No "server-only" here: the writers that use it run in the operator commands (import, seed, db:synth) too.
import { sql, type Expression, type ExpressionBuilder } from "kysely";
import type { DB } from "../../generated/kysely/types";
import { REPORTED_FIELDS } from "../../story/as-of";
import { CHANGE_KINDS, type ChangeKind } from "../../story/changes";
import type { Reads } from "../kysely";

/** The bit of each kind in DealEvent.change. */
const CHANGE_BIT: Record<ChangeKind, number> = { new: 1, status: 2, amount: 4 };

/** Every value a change can take: a first report alone, or a change of status, of amount, or both. */
const CHANGE_VALUES = [1, 2, 4, 6] as const;

/** The values of DealEvent.change that hold any of `kinds` (all kinds when none is named). */
export function changeValues(kinds: readonly ChangeKind[]): number[] {
  const wanted = kinds.length > 0 ? kinds : CHANGE_KINDS;
  return CHANGE_VALUES.filter((value) => wanted.some((kind) => value & CHANGE_BIT[kind]));
}

/** The kinds a value of DealEvent.change holds, in CHANGE_KINDS' order. */
export function kindsOfChange(change: number): ChangeKind[] {
  return CHANGE_KINDS.filter((kind) => change & CHANGE_BIT[kind]);
}

/**
 * The statement that sets DealEvent.change of every event of the deals `dealIds` (every event when null): each event
 * compared with the one before it in its deal by window functions, one pass over the deals' events. `builder` only
 * compiles it (lib/data/kysely.ts queryBuilder): a writer runs it on its transaction's connection.
 */
export function changeKindsUpdate(builder: Reads, dealIds: readonly number[] | null) {
  let events = builder.selectFrom("DealEvent as e");
  if (dealIds !== null) events = events.where("e.dealId", "in", [...dealIds]);
  const compared = events.select((eb) => {
    const before = <T>(column: Expression<T>) =>
      eb.fn.agg<T>("lag", [column]).over((ob) => ob.partitionBy("e.dealId").orderBy("e.occurredOn").orderBy("e.id"));
    const status = eb
      .case()
      .when(before(eb.ref("e.status")), "<>", eb.ref("e.status"))
      .then(sql.lit(CHANGE_BIT.status))
      .else(sql.lit(0))
      .end();
    const amount = eb
      .case()
      .when(
        eb.or([
          eb(before(eb.ref("e.amountUsdLow")), "is distinct from", eb.ref("e.amountUsdLow")),
          eb(before(eb.ref("e.amountUsdHigh")), "is distinct from", eb.ref("e.amountUsdHigh")),
          eb(before(eb.ref("e.amountQualifier")), "<>", eb.ref("e.amountQualifier")),
        ]),
      )
      .then(sql.lit(CHANGE_BIT.amount))
      .else(sql.lit(0))
      .end();
    return [
      "e.id",
      eb
        .case()
        .when(before(eb.ref("e.id")), "is", null)
        .then(sql.lit(CHANGE_BIT.new))
        .else(eb.parens(status, "+", amount))
        .end()
        .$castTo<number>()
        .as("change"),
    ];
  });
  return builder
    .updateTable("DealEvent")
    .from(compared.as("w"))
    .set((eb) => ({ change: eb.ref("w.change") }))
    .whereRef("DealEvent.id", "=", "w.id")
    .compile();
}

/**
 * The statement that sets the dates the reads as of a date start from, of the deals `dealIds` (every deal when null):
 * Deal.firstEventOn, the date of each one's earliest event (a deal as of a date exists from it on), and
 * Deal.stateSince, the date of its latest event (by date, then id) when that event reports every term (REPORTED_FIELDS,
 * and the amount key they give) as the deal's row holds it (from it on the row is the deal's state); null without an
 * event. lib/data/deal-state.ts reads both.
 */
export function eventDatesUpdate(builder: Reads, dealIds: readonly number[] | null) {
  const first = (eb: ExpressionBuilder<DB, "Deal">) =>
    eb
      .selectFrom("DealEvent as f")
      .whereRef("f.dealId", "=", "Deal.id")
      .select((f) => f.fn.min("f.occurredOn").as("on"));
  const since = (eb: ExpressionBuilder<DB, "Deal">) =>
    eb
      .selectFrom("DealEvent as e")
      .where(
        "e.id",
        "=",
        eb
          .selectFrom("DealEvent as l")
          .whereRef("l.dealId", "=", "Deal.id")
          .orderBy("l.occurredOn", "desc")
          .orderBy("l.id", "desc")
          .limit(1)
          .select("l.id"),
      )
      .where((e) =>
        e.and([
          ...REPORTED_FIELDS.map((field) => e(`e.${field}`, "is not distinct from", e.ref(`Deal.${field}`))),
          e(e.fn.coalesce("e.amountUsdLow", "e.amountUsdHigh"), "is not distinct from", e.ref("Deal.amountUsdKey")),
        ]),
      )
      .select("e.occurredOn");
  // Only the deals whose dates moved are written: a row written again on PostgreSQL is a new version in every index.
  let update = builder
    .updateTable("Deal")
    .set((eb) => ({ firstEventOn: first(eb), stateSince: since(eb) }))
    .where((eb) => eb.or([eb("Deal.firstEventOn", "is distinct from", first(eb)), eb("Deal.stateSince", "is distinct from", since(eb))]));
  if (dealIds !== null) update = update.where("Deal.id", "in", [...dealIds]);
  return update.compile();
}
