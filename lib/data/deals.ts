// Lists of deals: the one summary shape every list, the API and the export share.
import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { getDb } from "../db";
import type { AmountQualifier, DealKind, DealStatus, ParticipationRole } from "../domain";
import type { DealFilters } from "../filters/deal-filters";
import { compareDealStates } from "../story/as-of";
import { eventsUpTo, rebuildAsOf } from "./as-of-deals";
import { applyDealFilters, applyDealSort, dealOrderBy, dealWhere, reportedBy, resolvedDealWhere } from "./deal-where";
import { cachedView, viewKey } from "./view-cache";
import { countAll, readsOf } from "./kysely";

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
  participations: {
    orderBy: { position: "asc" },
    select: { role: true, partyLabel: true, organization: { select: { slug: true, name: true } } },
  },
  // The sources' ids rather than `_count`: Prisma turns a relation count into a join on a GROUP BY over the whole Source
  // table (0.5-1.3 s per page at 100,000 deals), while a relation load reads only the listed deals' sources by index.
  sources: { select: { id: true } },
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
    sourceCount: d.sources.length,
  };
}

/** The deals matching `where`, newest first, as they are today or as reported on `asOf`. */
export async function listDealSummaries(db: PrismaClient, where: Prisma.DealWhereInput, asOf: string | null): Promise<DealSummary[]> {
  const newestFirst = [{ announcedOn: "desc" as const }, { id: "desc" as const }];
  if (!asOf) return (await findDealsInChunks(db, { AND: [{ deletedAt: null }, where] }, newestFirst, dealSummarySelect)).map(toDealSummary);
  const rows = await findDealsInChunks(db, { AND: [{ deletedAt: null }, where, reportedBy(asOf)] }, [], asOfSummarySelect(asOf));
  return rebuildAsOf(rows, asOf).sort(compareDealStates("date_desc")).map(toDealSummary);
}

/**
 * The newest `limit` deals matching `where` and how many there are in all: the lists of organization pages, which
 * link to /deals for the rest (a large investor has thousands).
 */
export async function listNewestDealSummaries(
  db: PrismaClient,
  where: Prisma.DealWhereInput,
  asOf: string | null,
  limit: number,
): Promise<{ deals: DealSummary[]; total: number }> {
  if (asOf) {
    const all = await listDealSummaries(db, where, asOf);
    return { deals: all.slice(0, limit), total: all.length };
  }
  const live = { AND: [{ deletedAt: null }, where] };
  const [rows, total] = await Promise.all([
    db.deal.findMany({ where: live, orderBy: [{ announcedOn: "desc" }, { id: "desc" }], take: limit, select: dealSummarySelect }),
    db.deal.count({ where: live }),
  ]);
  return { deals: rows.map(toDealSummary), total };
}

const asOfSummarySelect = (asOf: string) =>
  ({ ...dealSummarySelect, events: eventsUpTo(asOf), _count: { select: { events: true } } }) satisfies Prisma.DealSelect;

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
    const rows = (await db.deal.findMany({
      where: { id: { in: ids.slice(start, start + ID_CHUNK) } },
      select,
    })) as unknown as Prisma.DealGetPayload<{ select: S }>[];
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
  const [rows, total] = await Promise.all([findDealPage(await getDb(), filters), countDeals(filters)]);
  return { data: rows.map(toDealSummary), total, page: filters.page, pageSize: filters.pageSize };
}

/**
 * How many deals (today) the filters select, counted once per data version and filter set: the pages of one list and
 * the /deals figures (lib/data/deal-stats.ts) share it, and paging or sorting does not change it.
 */
export function countDeals(filters: DealFilters): Promise<number> {
  const selecting = { ...filters, page: 1, pageSize: 0, sort: null };
  return cachedView(viewKey("deal-count", selecting), async () => countDealsIn(await getDb(), filters));
}

/**
 * The count itself (today's deals), uncached. For one investor it counts that investor's participations whose deal
 * matches the other filters (one row per deal, by the unique (dealId, organizationId)): read from the investor's
 * index entries instead of probing Participation for every deal.
 */
export async function countDealsIn(db: PrismaClient, filters: DealFilters): Promise<number> {
  const searched = await countSearch(db, filters);
  if (searched !== null) return searched;
  if (filters.investors.length === 1) {
    const organization = await db.organization.findUnique({ where: { slug: filters.investors[0] }, select: { id: true } });
    if (!organization) return 0;
    const others = await resolvedDealWhere(db, { ...filters, investors: [] });
    return db.participation.count({ where: { organizationId: organization.id, deal: others } });
  }
  return db.deal.count({ where: await resolvedDealWhere(db, filters) });
}

/**
 * The page's rows. By amount, deals without an amount come last whichever the direction; Prisma writes that "nulls
 * last" as an ORDER BY on a CASE expression, which no index can serve (every amount sort was a sort of all matching
 * deals: 0.7-1.3 s at 100,000). So the page is read from the deals with an amount, in the amount index's order, and
 * only a page that runs past them reads on into the deals without one, by id.
 */
export async function findDealPage(db: PrismaClient, filters: DealFilters): Promise<DealSummaryRow[]> {
  const searched = await findSearchPage(db, filters);
  if (searched !== null) return searched;
  if (filters.investors.length === 1) {
    const organization = await db.organization.findUnique({ where: { slug: filters.investors[0] }, select: { id: true } });
    if (!organization) return [];
    if ((await db.participation.count({ where: { organizationId: organization.id } })) <= FEW_PARTICIPATIONS) {
      return findInvestorPage(db, organization.id, filters);
    }
  }
  const where = await resolvedDealWhere(db, filters);
  const skip = (filters.page - 1) * filters.pageSize;
  const take = filters.pageSize;
  if (filters.sort !== "amount_desc" && filters.sort !== "amount_asc") {
    return db.deal.findMany({ where, orderBy: dealOrderBy(filters), skip, take, select: dealSummarySelect });
  }
  const direction = filters.sort === "amount_desc" ? "desc" : "asc";
  const withAmount = await db.deal.findMany({
    where: { AND: [where, { amountUsdKey: { not: null } }] },
    orderBy: [{ amountUsdKey: direction }, { id: direction }],
    skip,
    take,
    select: dealSummarySelect,
  });
  if (withAmount.length === take) return withAmount;
  const amountCount =
    withAmount.length > 0 ? skip + withAmount.length : await db.deal.count({ where: { AND: [where, { amountUsdKey: { not: null } }] } });
  const withoutAmount = await db.deal.findMany({
    where: { AND: [where, { amountUsdKey: null }] },
    orderBy: [{ id: direction }],
    skip: Math.max(0, skip - amountCount),
    take: take - withAmount.length,
    select: dealSummarySelect,
  });
  return [...withAmount, ...withoutAmount];
}

/**
 * An investor in at most this many deals has its pages read from its own participations, sorted; a busier one from
 * the list index (its deals are common enough to fill a page quickly). Walking the index for a rarer investor probed
 * Participation for most deals (0.2-0.5 s for a deep page at 100,000).
 */
const FEW_PARTICIPATIONS = 5000;

/** One investor's page: its participations whose deal matches the other filters, in the list's order, then the rows. */
async function findInvestorPage(db: PrismaClient, organizationId: number, filters: DealFilters): Promise<DealSummaryRow[]> {
  const others = await resolvedDealWhere(db, { ...filters, investors: [] });
  const skip = (filters.page - 1) * filters.pageSize;
  const take = filters.pageSize;
  const dealIds = async (
    deal: Prisma.DealWhereInput,
    orderBy: Prisma.ParticipationOrderByWithRelationInput[],
    from: number,
    count: number,
  ) =>
    (await db.participation.findMany({ where: { organizationId, deal }, orderBy, skip: from, take: count, select: { dealId: true } })).map(
      (p) => p.dealId,
    );
  let ids: number[];
  if (filters.sort === "date_desc" || filters.sort === "date_asc") {
    const direction = filters.sort === "date_desc" ? "desc" : "asc";
    ids = await dealIds(others, [{ deal: { announcedOn: direction } }, { dealId: direction }], skip, take);
  } else {
    // As findDealPage: deals with an amount in amount order, then those without one by id.
    const direction = filters.sort === "amount_desc" ? "desc" : "asc";
    const withAmount = { AND: [others, { amountUsdKey: { not: null } }] };
    ids = await dealIds(withAmount, [{ deal: { amountUsdKey: direction } }, { dealId: direction }], skip, take);
    if (ids.length < take) {
      const amountCount =
        ids.length > 0 ? skip + ids.length : await db.participation.count({ where: { organizationId, deal: withAmount } });
      ids = [
        ...ids,
        ...(await dealIds(
          { AND: [others, { amountUsdKey: null }] },
          [{ dealId: direction }],
          Math.max(0, skip - amountCount),
          take - ids.length,
        )),
      ];
    }
  }
  const rows = await db.deal.findMany({ where: { id: { in: ids } }, select: dealSummarySelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
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

/**
 * A text search's page and count go through Kysely (applyDealFilters): Prisma can only write the search text's
 * relation as a join probed for every deal along the list index (0.4-0.8 s at 100,000), while the SQL condition reads
 * the narrow DealSearch table once into a list of ids; tests/integration/deal-search.test.ts compares the two on every
 * sort and filter. Null without a q (today's other lists stay on Prisma's indexed paths); asOf is handled before.
 */
async function findSearchPage(db: PrismaClient, f: DealFilters): Promise<DealSummaryRow[] | null> {
  if (!f.q) return null;
  const reads = readsOf(db);
  const rows = await applyDealSort(applyDealFilters(reads.selectFrom("Deal as d").select("d.id"), f, reads), f.sort)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const found = await db.deal.findMany({ where: { id: { in: ids } }, select: dealSummarySelect });
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

async function countSearch(db: PrismaClient, f: DealFilters): Promise<number | null> {
  if (!f.q) return null;
  const reads = readsOf(db);
  const row = await applyDealFilters(reads.selectFrom("Deal as d").select(countAll().as("n")), f, reads).executeTakeFirst();
  return row?.n ?? 0;
}
