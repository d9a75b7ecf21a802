// What /changes and its Atom feed show: lifecycle events read as changes, newest first, for a /deals-like filter.
import "server-only";
import { getDb } from "../db";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import type { ChangeView } from "../filters/change-filters";
import { compareChangesNewestFirst, dealChanges, matchesChangeFilters, type ChangeKind } from "../story/changes";
import { applyDealFilters } from "./deal-where";
import { readsOf } from "./kysely";
import type { Paged } from "./deals";

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

export async function listChanges(view: ChangeView): Promise<Paged<ChangeItem>> {
  const db = await getDb();
  const f = view.filters;
  // Status, dates, amounts and asOf are read on each change, not on the deal's current row. Every event of the
  // matching deals is read flat (one query, whatever the number of deals: loading them as each deal's relation bound
  // a parameter per deal, past SQLite's limit at 100,000 deals); the deals and sources only for the page shown.
  const reads = readsOf(db);
  const deals = applyDealFilters(
    reads.selectFrom("Deal as d"),
    { ...f, statuses: [], from: null, to: null, min: null, max: null, asOf: null },
    reads,
  );
  const events = await reads
    .selectFrom("DealEvent as e")
    .where("e.dealId", "in", deals.select("d.id"))
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
    ])
    .orderBy("e.id")
    .execute();
  const byDeal = new Map<number, typeof events>();
  for (const event of events) {
    const list = byDeal.get(event.dealId);
    if (list) list.push(event);
    else byDeal.set(event.dealId, [event]);
  }
  const filters = { kinds: view.changes, statuses: f.statuses, from: f.from, to: f.to, min: f.min, max: f.max, asOf: f.asOf };
  const all = [...byDeal.values()].flatMap((dealEvents) => dealChanges(dealEvents).filter((c) => matchesChangeFilters(c, filters)));
  all.sort(compareChangesNewestFirst);
  const start = (f.page - 1) * f.pageSize;
  const page = all.slice(start, start + f.pageSize);
  const [pageDeals, sources] = await Promise.all([
    db.deal.findMany({
      where: { id: { in: [...new Set(page.map((c) => c.event.dealId))] } },
      select: {
        id: true,
        kind: true,
        round: true,
        recipient: { select: { slug: true, name: true } },
        participations: { orderBy: { position: "asc" }, select: { partyLabel: true, organization: { select: { name: true } } } },
      },
    }),
    db.source.findMany({
      where: { id: { in: page.flatMap((c) => (c.event.sourceId === null ? [] : [c.event.sourceId])) } },
      select: { id: true, url: true, publisher: true, title: true },
    }),
  ]);
  const dealById = new Map(pageDeals.map((d) => [d.id, d]));
  const sourceById = new Map(sources.map(({ id, ...source }) => [id, source]));
  const data = page.map(({ event, kinds, previous }): ChangeItem => {
    const deal = dealById.get(event.dealId) as (typeof pageDeals)[number];
    return {
      eventId: event.id,
      occurredOn: event.occurredOn,
      kinds,
      status: event.status as DealStatus,
      amountUsdLow: event.amountUsdLow,
      amountUsdHigh: event.amountUsdHigh,
      amountQualifier: event.amountQualifier as AmountQualifier,
      previous: previous
        ? {
            status: previous.status as DealStatus,
            amountUsdLow: previous.amountUsdLow,
            amountUsdHigh: previous.amountUsdHigh,
            amountQualifier: previous.amountQualifier as AmountQualifier,
          }
        : null,
      note: event.note,
      source: event.sourceId === null ? null : (sourceById.get(event.sourceId) ?? null),
      deal: {
        id: deal.id,
        kind: deal.kind as DealKind,
        round: deal.round,
        recipient: deal.recipient,
        investors: deal.participations.map((p) => p.organization?.name ?? p.partyLabel ?? "Undisclosed"),
      },
    };
  });
  return { data, total: all.length, page: f.page, pageSize: f.pageSize };
}
