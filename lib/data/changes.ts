// What /changes and its Atom feed show: lifecycle events read as changes, newest first, for a /deals-like filter.
import "server-only";
import { sql } from "kysely";
import { getDb } from "../db";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import type { ChangeView } from "../filters/change-filters";
import { hasActiveFilters } from "../filters/deal-filters";
import type { ChangeKind } from "../story/changes";
import { dealFilterCondition } from "./deal-where";
import { listDealSummaries, type Paged } from "./deals";
import { countAll, notThroughIndex, readsOf, type Reads } from "./kysely";
import { changeValues, kindsOfChange } from "./raw/change-kinds";
import { onDeal } from "./raw/overview-figures";
import { cachedView, viewKey } from "./view-cache";

export type ChangeItem = {
  eventId: number;
  occurredOn: string;
  kinds: ChangeKind[];
  status: DealStatus;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier;
  /** The state before the change; null for a first report. */
  previous: { status: DealStatus; amountUsdLow: bigint | null; amountUsdHigh: bigint | null; amountQualifier: AmountQualifier } | null;
  note: string;
  source: { url: string | null; publisher: string | null; title: string | null } | null;
  deal: { id: number; kind: DealKind; round: string | null; recipient: { slug: string; name: string }; investors: string[] };
};

/**
 * From how many changes in a view its page walks the events' date index newest first rather than reading the view's
 * events by deal and sorting them. At 100,000 deals (148,000 events) the whole market's first page took 0.2 ms walking
 * and 0.7 s sorted, a rare investor's (56 changes) 0.3 ms sorted and 0.6-1.1 s walking: walking pays for every event
 * it passes, sorting for every event in the view.
 */
export const WALK_FROM = 2000;

/**
 * One page of changes, newest first, and how many there are. An event is a change when it is its deal's first report
 * or differs from the event before it (by date, then id: orderEvents) in status or reported amount; an event that
 * repeats the previous state (a note only) is not. What each event changes is kept on it by the deal writers
 * (DealEvent.change, lib/data/raw/change-kinds.ts), so the count reads the index on it, and a page walks the events'
 * date index newest first until it is full (a few dozen events rather than every event of the matching deals) or, for
 * a view of few changes, reads its deals' events and sorts them (WALK_FROM); only the page's events are joined to the
 * events before them, for the state they changed from. The count (shared by a view's pages) and each page are read
 * once per data version (cachedView). Status, dates, amounts and asOf are read on each change, the deal-level filters
 * (investor, recipient, kind, text) on the deal's current row.
 */
export function listChanges(view: ChangeView): Promise<Paged<ChangeItem>> {
  // A page is the same for every visitor of the view until the next write, and /changes and its feed are read again
  // and again (a feed reader polls it): cached per data version like the count.
  return cachedView(viewKey("changes", view), () => readChanges(view));
}

async function readChanges(view: ChangeView): Promise<Paged<ChangeItem>> {
  const db = await getDb();
  const f = view.filters;
  const reads = readsOf(db);
  // The count first (once per data version and view): it also picks how the page is read.
  const total = await cachedView(viewKey("change-count", { ...view, filters: { ...f, page: 1, sort: null } }), async () =>
    countChanges(readsOf(await getDb()), view),
  );
  const rows = await changesOf(reads, view, total >= WALK_FROM ? "walk" : "by-deal")
    .leftJoin("DealEvent as p", (join) =>
      join.on("p.id", "=", (eb) =>
        eb
          .selectFrom("DealEvent as b")
          .whereRef("b.dealId", "=", "e.dealId")
          .where((w) =>
            w.or([
              w("b.occurredOn", "<", w.ref("e.occurredOn")),
              w.and([w("b.occurredOn", "=", w.ref("e.occurredOn")), w("b.id", "<", w.ref("e.id"))]),
            ]),
          )
          .orderBy("b.occurredOn", "desc")
          .orderBy("b.id", "desc")
          .limit(1)
          .select("b.id"),
      ),
    )
    .select([
      "e.id",
      "e.dealId",
      "e.occurredOn",
      "e.status",
      "e.amountUsdLow",
      "e.amountUsdHigh",
      "e.amountQualifier",
      "e.note",
      "e.sourceId",
      "e.change",
      "p.status as previousStatus",
      "p.amountUsdLow as previousLow",
      "p.amountUsdHigh as previousHigh",
      "p.amountQualifier as previousQualifier",
    ])
    .orderBy("e.occurredOn", "desc")
    .orderBy("e.id", "desc")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const dealIds = [...new Set(rows.map((r) => r.dealId))];
  const sourceIds = rows.flatMap((r) => (r.sourceId === null ? [] : [r.sourceId]));
  const [pageDeals, sources] = await Promise.all([
    dealIds.length === 0 ? [] : listDealSummaries(db, onDeal("d.id", "in", dealIds), null),
    sourceIds.length === 0
      ? []
      : reads.selectFrom("Source").where("id", "in", sourceIds).select(["id", "url", "publisher", "title"]).execute(),
  ]);
  const dealById = new Map(pageDeals.map((d) => [d.id, d]));
  const sourceById = new Map(sources.map(({ id, ...source }) => [id, source]));
  const data = rows.map((r): ChangeItem => {
    const deal = dealById.get(r.dealId) as (typeof pageDeals)[number];
    const kinds = kindsOfChange(r.change as number);
    return {
      eventId: r.id,
      occurredOn: r.occurredOn,
      kinds,
      status: r.status as DealStatus,
      amountUsdLow: r.amountUsdLow,
      amountUsdHigh: r.amountUsdHigh,
      amountQualifier: r.amountQualifier as AmountQualifier,
      previous: kinds.includes("new")
        ? null
        : {
            status: r.previousStatus as DealStatus,
            amountUsdLow: r.previousLow,
            amountUsdHigh: r.previousHigh,
            amountQualifier: r.previousQualifier as AmountQualifier,
          },
      note: r.note,
      source: r.sourceId === null ? null : (sourceById.get(r.sourceId) ?? null),
      deal: {
        id: deal.id,
        kind: deal.kind,
        round: deal.round,
        recipient: deal.recipient,
        investors: deal.investors.map((p) => p.name),
      },
    };
  });
  return { data, total, page: f.page, pageSize: f.pageSize };
}

/** The view's filters that apply to the deal (its current row): the /deals filters less those read on each event. */
function dealLevel(f: ChangeView["filters"]): ChangeView["filters"] {
  return { ...f, statuses: [], from: null, to: null, min: null, max: null, asOf: null };
}

/**
 * How many changes the view holds. With no filter on the deal but its being live, every change less those of the
 * deleted deals (a few), so that the count reads the index on the change (with the status and date: the event-level
 * filters) alone: at 100,000 deals the whole market's count took 95-120 ms testing each event's deal, 9 ms without.
 */
async function countChanges(reads: Reads, view: ChangeView): Promise<number> {
  const count = async (events: ReturnType<typeof changeEvents>) => (await events.select(countAll().as("n")).executeTakeFirst())?.n ?? 0;
  if (hasActiveFilters(dealLevel(view.filters))) return count(changesOf(reads, view, "by-deal"));
  const deleted = reads.selectFrom("Deal").where("deletedAt", "is not", null).select("id");
  const [all, ofDeleted] = await Promise.all([
    count(changeEvents(reads, view, true)),
    count(changeEvents(reads, view, false).where("e.dealId", "in", deleted)),
  ]);
  return all - ofDeleted;
}

/**
 * The events of the view that are changes of its kinds (DealEvent.change), by its deal-level filters (on the deal's
 * current row, live deals only) and its event-level ones: walking the events' date index newest first and testing
 * each event's deal (a page reads a few dozen events), or reading the matching deals' events by deal.
 */
function changesOf(reads: Reads, view: ChangeView, reading: "by-deal" | "walk") {
  const deals = dealFilterCondition(dealLevel(view.filters), reads);
  return changeEvents(reads, view, false).where((eb) =>
    reading === "walk"
      ? eb.exists(
          eb
            .selectFrom("Deal as d")
            .whereRef("d.id", "=", "e.dealId")
            .where(deals)
            .select(sql<number>`1`.as("one")),
        )
      : eb("e.dealId", "in", eb.selectFrom("Deal as d").where(deals).select("d.id")),
  );
}

/**
 * The events that are changes of the view's kinds, by its event-level filters (status, dates, amounts, asOf). Only a
 * count over every deal reads them through the index on the change and status (`byChange`): on SQLite a unary plus
 * keeps the planner off it otherwise, since reading a page's or a few deals' candidates through it (all of a status's
 * changes, skipping across the change's values) means reading and sorting every such change of the market (0.34 s
 * for a page of closings at 100,000 deals against 0.5 ms walking the date index; 3-4.5 s for a count of a few deals'
 * changes at a million deals).
 */
function changeEvents(reads: Reads, view: ChangeView, byChange: boolean) {
  const f = view.filters;
  return reads.selectFrom("DealEvent as e").where((eb) => {
    const column = (name: "e.change" | "e.status") => (byChange ? eb.ref(name) : notThroughIndex<string>(reads, name));
    const and = [eb(column("e.change"), "in", changeValues(view.changes))];
    if (f.statuses.length > 0) and.push(eb(column("e.status"), "in", f.statuses));
    if (f.from !== null) and.push(eb("e.occurredOn", ">=", f.from));
    if (f.to !== null) and.push(eb("e.occurredOn", "<=", f.to));
    if (f.asOf !== null) and.push(eb("e.occurredOn", "<=", f.asOf));
    // The amount bounds apply to the change's counted amount: the low figure, else the "up to" one (amountKey).
    const key = eb.fn.coalesce("e.amountUsdLow", "e.amountUsdHigh");
    if (f.min !== null) and.push(eb(key, ">=", f.min));
    if (f.max !== null) and.push(eb(key, "<=", f.max));
    return eb.and(and);
  });
}
