// Turns the /deals filters into SQL: `applyDealFilters` and `applyDealSort` on a Kysely query over "Deal as d" for
// today's deals (the /deals list's searches and the headline figures), and one Prisma `where` (`dealWhere`) for the
// reads still made through Prisma (lists of rows with their relations, as-of views, the export).
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Deal } from "../generated/kysely/types";
import { isPostgresReads, type Reads } from "./kysely";
import { onDeal } from "./raw/overview-figures";
import { SEARCH_SEPARATOR } from "../deals/deal-search";
import { containsText } from "./text-search";
import type { DealFilters } from "../filters/deal-filters";

/** Organization ids for the slugs the filters name (resolvedDealWhere); a slug that names no organization has none. */
export type OrganizationIds = {
  investors: number[];
  recipient: number[];
  /** The ids of every deal of those investors, when they are few: then the list reads those deals by primary key. */
  investorDealIds?: number[];
};

/**
 * Up to this many deals, an investor filter becomes `id IN (...)` (one bound parameter each; Prisma binds at most 999
 * at a time on SQLite). A rarer investor otherwise made SQLite probe Participation for nearly every deal to fill a page.
 */
const FEW_DEALS = 900;

export function dealWhere(f: DealFilters, ids?: OrganizationIds): Prisma.DealWhereInput {
  const and: Prisma.DealWhereInput[] = [{ deletedAt: null }];
  // Several investors mean "any of them": the deals of Amazon together with those of Google.
  if (f.investors.length > 0) {
    if (ids?.investorDealIds) and.push({ id: { in: ids.investorDealIds } });
    else
      and.push({
        participations: { some: ids ? { organizationId: { in: ids.investors } } : { organization: { slug: { in: f.investors } } } },
      });
  }
  if (f.recipient) and.push(ids ? { recipientId: { in: ids.recipient } } : { recipient: { slug: f.recipient } });
  if (f.kinds.length > 0) and.push({ kind: { in: f.kinds } });
  if (f.asOf) {
    // As of a date, status, dates and amounts are those of the rebuilt state (lib/data/as-of-deals.ts filters them);
    // here only the deals reported by then are kept.
    and.push(reportedBy(f.asOf));
  } else {
    if (f.statuses.length > 0) and.push({ status: { in: f.statuses } });
    if (f.from) and.push({ announcedOn: { gte: f.from } });
    if (f.to) and.push({ announcedOn: { lte: f.to } });
    // Amount bounds apply to the counted amount: the low figure, or the "up to" figure where there is no low one.
    if (f.min !== null) and.push({ amountUsdKey: { gte: f.min } });
    if (f.max !== null) and.push({ amountUsdKey: { lte: f.max } });
  }
  if (f.q) {
    const q = f.q;
    // The deal's search text (lib/deals/deal-search.ts) holds every field below, joined by a separator: one narrow
    // table read instead of joining Organization and Participation for every deal. A q holding that separator could
    // match across two fields there, so it is searched field by field.
    and.push(q.includes(SEARCH_SEPARATOR) ? fieldByFieldSearch(q) : { search: { is: { text: containsText(q) } } });
  }
  return { AND: and };
}

/** The search field by field: what the search text answers in one read (tests compare the two). */
export function fieldByFieldSearch(q: string): Prisma.DealWhereInput {
  return {
    OR: [
      { recipient: { name: containsText(q) } },
      { recipient: { aliases: { some: { alias: containsText(q) } } } },
      { round: containsText(q) },
      { summary: containsText(q) },
      { participations: { some: { organization: { name: containsText(q) } } } },
      { participations: { some: { organization: { aliases: { some: { alias: containsText(q) } } } } } },
      { participations: { some: { partyLabel: containsText(q) } } },
    ],
  };
}

/** dealWhere, or null when the filters select every live deal as it is today (what loadMeasureDeals reads fastest). */
export function dealWhereOrEverything(f: DealFilters): Prisma.DealWhereInput | null {
  const where = dealWhere(f);
  return Array.isArray(where.AND) && where.AND.length === 1 ? null : where;
}

/**
 * dealWhere with the organizations named by id rather than by slug. By slug, Prisma joins Organization inside the
 * correlated EXISTS it checks for every deal, and SQLite then probed the slug for each row (about 1 s for an investor
 * filter sorted by amount at 100,000 deals); by id the same check is one index probe of Participation per deal.
 */
export async function resolvedDealWhere(db: PrismaClient, f: DealFilters): Promise<Prisma.DealWhereInput> {
  const slugs = [...f.investors, ...(f.recipient ? [f.recipient] : [])];
  if (slugs.length === 0) return dealWhere(f);
  const found = await db.organization.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const idOf = new Map(found.map((o) => [o.slug, o.id]));
  const ids = (list: string[]) => list.flatMap((slug) => idOf.get(slug) ?? []);
  const investors = ids(f.investors);
  let investorDealIds: number[] | undefined;
  if (f.investors.length > 0) {
    const rows = await db.participation.findMany({
      where: { organizationId: { in: investors } },
      select: { dealId: true },
      take: FEW_DEALS * 4,
    });
    const dealIds = [...new Set(rows.map((r) => r.dealId))];
    if (rows.length < FEW_DEALS * 4 && dealIds.length <= FEW_DEALS) investorDealIds = dealIds;
  }
  return dealWhere(f, { investors, recipient: ids(f.recipient ? [f.recipient] : []), investorDealIds });
}

/** Deals with a lifecycle event on or before the date (or, without any event, dated on or before it): see dealAsOf. */
export function reportedBy(asOf: string): Prisma.DealWhereInput {
  return { OR: [{ events: { some: { occurredOn: { lte: asOf } } } }, { events: { none: {} }, announcedOn: { lte: asOf } }] };
}

export function dealOrderBy(f: DealFilters): Prisma.DealOrderByWithRelationInput[] {
  switch (f.sort) {
    case "date_asc":
      return [{ announcedOn: "asc" }, { id: "asc" }];
    case "amount_desc":
      return [{ amountUsdKey: { sort: "desc", nulls: "last" } }, { id: "desc" }];
    case "amount_asc":
      return [{ amountUsdKey: { sort: "asc", nulls: "last" } }, { id: "asc" }];
    case "date_desc":
      return [{ announcedOn: "desc" }, { id: "desc" }];
  }
}

/**
 * The /deals filters of today's deals as one Kysely condition on "Deal as d". Organizations are named by slug in
 * uncorrelated subqueries (each read once into a list, not probed for every deal): investors as `id IN (their
 * participations' deals)`, the recipient as `recipientId IN (its id)`. Text search as the database's own LIKE
 * (ILIKE on PostgreSQL, as Prisma's case-insensitive `contains`) with the pattern Prisma binds (`%q%`, wildcards not
 * escaped) over the search text (lib/deals/deal-search.ts), `id IN (SELECT "dealId" FROM "DealSearch" WHERE "text"
 * LIKE ?)`: one scan of the narrow table; a q holding the search text's separator, which could match across two
 * fields there, is searched field by field. As of a date the state filters apply to rebuilt deals, not to rows: this
 * refuses them.
 */
export function dealFilterCondition(f: DealFilters, reads: Reads): Expression<SqlBool> {
  if (f.asOf) throw new Error("dealFilterCondition: today's deals only (asOf is rebuilt from events)");
  const eb = onDeal;
  const and: Expression<SqlBool>[] = [eb("d.deletedAt", "is", null)];
  if (f.investors.length > 0) {
    const investorDeals = eb
      .selectFrom("Participation as p")
      .where("p.organizationId", "in", eb.selectFrom("Organization as o").where("o.slug", "in", f.investors).select("o.id"))
      .select("p.dealId");
    and.push(eb("d.id", "in", investorDeals));
  }
  if (f.recipient) and.push(eb("d.recipientId", "in", eb.selectFrom("Organization as o").where("o.slug", "=", f.recipient).select("o.id")));
  if (f.kinds.length > 0) and.push(eb("d.kind", "in", f.kinds));
  if (f.statuses.length > 0) and.push(eb("d.status", "in", f.statuses));
  if (f.from) and.push(eb("d.announcedOn", ">=", f.from));
  if (f.to) and.push(eb("d.announcedOn", "<=", f.to));
  // Amount bounds apply to the counted amount: the low figure, or the "up to" figure where there is no low one.
  if (f.min !== null) and.push(eb("d.amountUsdKey", ">=", f.min));
  if (f.max !== null) and.push(eb("d.amountUsdKey", "<=", f.max));
  if (f.q) {
    const like = isPostgresReads(reads) ? "ilike" : "like";
    const pattern = `%${f.q}%`;
    if (!f.q.includes(SEARCH_SEPARATOR)) {
      and.push(eb("d.id", "in", eb.selectFrom("DealSearch as s").where("s.text", like, pattern).select("s.dealId")));
    } else {
      // Field by field, as fieldByFieldSearch says it to Prisma.
      const aliased = eb.selectFrom("OrganizationAlias as a").where("a.alias", like, pattern).select("a.organizationId");
      const parties = eb
        .selectFrom("Participation as p")
        .leftJoin("Organization as o", "o.id", "p.organizationId")
        .where((w) => w.or([w("o.name", like, pattern), w("p.partyLabel", like, pattern), w("p.organizationId", "in", aliased)]))
        .select("p.dealId");
      and.push(
        eb.or([
          eb("d.recipientId", "in", eb.selectFrom("Organization as o").where("o.name", like, pattern).select("o.id")),
          eb("d.recipientId", "in", aliased),
          eb("d.round", like, pattern),
          eb("d.summary", like, pattern),
          eb("d.id", "in", parties),
        ]),
      );
    }
  }
  return eb.and(and);
}

type DealQuery<DBx extends { d: Deal }, TB extends keyof DBx, O> = SelectQueryBuilder<DBx, TB, O>;

/** A Kysely query over "Deal as d" narrowed to the deals the /deals filters select today (dealFilterCondition). */
export function applyDealFilters<DBx extends { d: Deal }, TB extends keyof DBx, O>(
  query: DealQuery<DBx, TB, O>,
  f: DealFilters,
  reads: Reads,
): DealQuery<DBx, TB, O> {
  return query.where(dealFilterCondition(f, reads));
}

/**
 * The /deals order on a Kysely query over "Deal as d": by date, or by the counted amount with deals without one last
 * in both directions; the id breaks ties in the same direction.
 */
export function applyDealSort<DBx extends { d: Deal }, TB extends keyof DBx, O>(
  query: DealQuery<DBx, TB, O>,
  sort: DealFilters["sort"],
): DealQuery<DBx, TB, O> {
  const direction = sort === "date_desc" || sort === "amount_desc" ? "desc" : "asc";
  if (sort === "date_desc" || sort === "date_asc")
    return query.orderBy(onDeal.ref("d.announcedOn"), direction).orderBy(onDeal.ref("d.id"), direction);
  return query
    .orderBy(onDeal.case().when("d.amountUsdKey", "is", null).then(sql.lit(1)).else(sql.lit(0)).end())
    .orderBy(onDeal.ref("d.amountUsdKey"), direction)
    .orderBy(onDeal.ref("d.id"), direction);
}
