// Lists of deals: the one summary shape every list, the API and the export share.
import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { getDb } from "../db";
import type { AmountQualifier, DealKind, DealStatus, ParticipationRole } from "../domain";
import type { DealFilters } from "../filters/deal-filters";
import { dealOrderBy, dealWhere } from "./deal-where";

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

/** One page of the deals matching the filters, in the filters' order. A page past the end is empty, not an error. */
export async function listDeals(filters: DealFilters): Promise<Paged<DealSummary>> {
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
  const rows = await findDealSummaryRows(db, { where: dealWhere(filters), orderBy: dealOrderBy(filters) });
  return rows.map(toDealSummary);
}

// Prisma refuses more than 999 bound parameters on SQLite, and loads relations with one per parent row.
const ID_CHUNK = 900;

/**
 * findMany with dealSummarySelect for any number of deals: ids first (a flat query), then the summaries a chunk at a
 * time. Prisma loads relations with one SQL parameter per parent deal, which fails past 999 on SQLite.
 */
export async function findDealSummaryRows(
  db: PrismaClient,
  args: { where: Prisma.DealWhereInput; orderBy: Prisma.DealOrderByWithRelationInput[] },
): Promise<DealSummaryRow[]> {
  const ids = (await db.deal.findMany({ ...args, select: { id: true } })).map((d) => d.id);
  const byId = new Map<number, DealSummaryRow>();
  for (let start = 0; start < ids.length; start += ID_CHUNK) {
    const rows = await db.deal.findMany({ where: { id: { in: ids.slice(start, start + ID_CHUNK) } }, select: dealSummarySelect });
    for (const r of rows) byId.set(r.id, r);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}
