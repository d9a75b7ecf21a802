// Lists of deals: the one summary shape every list, the API and the export share.
import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { getDb } from "../db";
import type { AmountQualifier, DealKind, DealStatus, ParticipationRole } from "../domain";
import type { DealFilters } from "../filters/deal-filters";
import { compareDealStates } from "../story/as-of";
import { eventsUpTo, rebuildAsOf } from "./as-of-deals";
import { dealOrderBy, dealWhere, reportedBy } from "./deal-where";

export type DealSummary = {
  id: number;
  announcedOn: string;
  kind: DealKind;
  status: DealStatus;
  round: string | null;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier;
  postMoneyValuationUsd: bigint | null;
  recipient: { slug: string; name: string };
  /** slug is null for a party reported without a name ("Undisclosed buyers"). */
  investors: { slug: string | null; name: string; role: ParticipationRole }[];
  sourceCount: number;
};

export type Paged<T> = { data: T[]; total: number; page: number; pageSize: number };

export const dealSummarySelect = {
  id: true,
  announcedOn: true,
  kind: true,
  status: true,
  round: true,
  amountUsdLow: true,
  amountUsdHigh: true,
  amountQualifier: true,
  postMoneyValuationUsd: true,
  recipient: { select: { slug: true, name: true } },
  participations: { orderBy: { position: "asc" }, select: { role: true, partyLabel: true, organization: { select: { slug: true, name: true } } } },
  _count: { select: { sources: true } },
} satisfies Prisma.DealSelect;

type DealSummaryRow = Prisma.DealGetPayload<{ select: typeof dealSummarySelect }>;

export function toDealSummary(d: DealSummaryRow): DealSummary {
  return {
    id: d.id,
    announcedOn: d.announcedOn,
    kind: d.kind as DealKind,
    status: d.status as DealStatus,
    round: d.round,
    amountUsdLow: d.amountUsdLow,
    amountUsdHigh: d.amountUsdHigh,
    amountQualifier: d.amountQualifier as AmountQualifier,
    postMoneyValuationUsd: d.postMoneyValuationUsd,
    recipient: d.recipient,
    investors: d.participations.map((p) => ({
      slug: p.organization?.slug ?? null,
      name: p.organization?.name ?? p.partyLabel ?? "Undisclosed",
      role: p.role as ParticipationRole,
    })),
    sourceCount: d._count.sources,
  };
}

/** The deals matching `where`, newest first, as they are today or as reported on `asOf`. */
export async function listDealSummaries(db: PrismaClient, where: Prisma.DealWhereInput, asOf: string | null): Promise<DealSummary[]> {
  const newestFirst = [{ announcedOn: "desc" as const }, { id: "desc" as const }];
  if (!asOf) return (await findDealsInChunks(db, { AND: [{ deletedAt: null }, where] }, newestFirst, dealSummarySelect)).map(toDealSummary);
  const rows = await findDealsInChunks(db, { AND: [{ deletedAt: null }, where, reportedBy(asOf)] }, [], asOfSummarySelect(asOf));
  return rebuildAsOf(rows, asOf).sort(compareDealStates("date_desc")).map(toDealSummary);
}

const asOfSummarySelect = (asOf: string) =>
  ({ ...dealSummarySelect, events: eventsUpTo(asOf), _count: { select: { sources: true, events: true } } }) satisfies Prisma.DealSelect;

// Prisma loads a relation with one bound SQL parameter per parent row, and SQLite takes at most 32,766 (Prisma
// itself binds at most 999 at a time there): at 100,000 deals every page that read all of them failed.
const ID_CHUNK = 900;

/**
 * findMany for any number of deals: their ids first (a flat query, in `orderBy`), then the rows with `select` a chunk
 * of ids at a time, returned in the ids' order.
 */
export async function findDealsInChunks<S extends Prisma.DealSelect & { id: true }>(
  db: PrismaClient,
  where: Prisma.DealWhereInput,
  orderBy: Prisma.DealOrderByWithRelationInput[],
  select: S,
): Promise<Prisma.DealGetPayload<{ select: S }>[]> {
  const ids = (await db.deal.findMany({ where, orderBy, select: { id: true } })).map((d) => d.id);
  const byId = new Map<number, Prisma.DealGetPayload<{ select: S }>>();
  for (let start = 0; start < ids.length; start += ID_CHUNK) {
    const rows = (await db.deal.findMany({ where: { id: { in: ids.slice(start, start + ID_CHUNK) } }, select })) as unknown as Prisma.DealGetPayload<{ select: S }>[];
    for (const row of rows) byId.set((row as { id: number }).id, row);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One page of the deals matching the filters, in the filters' order. A page past the end is empty, not an error. */
export async function listDeals(filters: DealFilters): Promise<Paged<DealSummary>> {
  if (filters.asOf) {
    const all = await listAllDeals(filters);
    const start = (filters.page - 1) * filters.pageSize;
    return { data: all.slice(start, start + filters.pageSize), total: all.length, page: filters.page, pageSize: filters.pageSize };
  }
  const db = await getDb();
  const where = dealWhere(filters);
  const [rows, total] = await Promise.all([
    db.deal.findMany({
      where,
      orderBy: dealOrderBy(filters),
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      select: dealSummarySelect,
    }),
    db.deal.count({ where }),
  ]);
  return { data: rows.map(toDealSummary), total, page: filters.page, pageSize: filters.pageSize };
}

/** Every deal matching the filters (for exports), in the filters' order. */
export async function listAllDeals(filters: DealFilters): Promise<DealSummary[]> {
  const db = await getDb();
  if (filters.asOf) {
    // As of a date the state filters and the order apply to the rebuilt deals, so they are applied here, in memory.
    const rows = await findDealsInChunks(db, dealWhere(filters), [], asOfSummarySelect(filters.asOf));
    return rebuildAsOf(rows, filters.asOf, filters).sort(compareDealStates(filters.sort)).map(toDealSummary);
  }
  return (await findDealsInChunks(db, dealWhere(filters), dealOrderBy(filters), dealSummarySelect)).map(toDealSummary);
}
