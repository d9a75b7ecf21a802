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
  if (!asOf) return (await db.deal.findMany({ where: { AND: [{ deletedAt: null }, where] }, orderBy: newestFirst, select: dealSummarySelect })).map(toDealSummary);
  const rows = await db.deal.findMany({
    where: { AND: [{ deletedAt: null }, where, reportedBy(asOf)] },
    select: { ...dealSummarySelect, events: eventsUpTo(asOf), _count: { select: { sources: true, events: true } } },
  });
  return rebuildAsOf(rows, asOf).sort(compareDealStates("date_desc")).map(toDealSummary);
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
    const rows = await db.deal.findMany({
      where: dealWhere(filters),
      select: { ...dealSummarySelect, events: eventsUpTo(filters.asOf), _count: { select: { sources: true, events: true } } },
    });
    return rebuildAsOf(rows, filters.asOf, filters).sort(compareDealStates(filters.sort)).map(toDealSummary);
  }
  const rows = await db.deal.findMany({ where: dealWhere(filters), orderBy: dealOrderBy(filters), select: dealSummarySelect });
  return rows.map(toDealSummary);
}
