// Loads deals in the shape the measures take. Server-only: pages and route handlers call it, never the client.
import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import { UNDISCLOSED_KEY, type MeasureDeal } from "../measures/capital";
import type { StateFilters } from "../story/as-of";
import { eventsUpTo, rebuildAsOf } from "./as-of-deals";
import { findDealsInChunks } from "./deals";
import { bulkReaderOf } from "./raw/bulk-reader";

/** Deals as reported on `date`; `filters` (statuses, dates, amounts) then apply to that state. */
export type AsOfScope = { date: string; filters?: StateFilters };

/** The as-of scope of a /deals filter set: null when it shows today. */
export function asOfScope(filters: StateFilters & { asOf: string | null }): AsOfScope | null {
  return filters.asOf ? { date: filters.asOf, filters } : null;
}

type Investor = MeasureDeal["investors"][number];
const investorOf = (org: { slug: string; name: string } | null | undefined, partyLabel: string | null, committedUsd: bigint | null): Investor =>
  org ? { key: org.slug, name: org.name, committedUsd } : { key: UNDISCLOSED_KEY, name: partyLabel ?? "Undisclosed", committedUsd };

/**
 * `where` narrows the deals (e.g. the /deals filters); soft-deleted deals are always left out. With no `where` (every
 * live deal, today) the rows come through the bulk reader (lib/data/raw/bulk-reader.ts), many times faster than Prisma.
 */
export async function loadMeasureDeals(db: PrismaClient, where: Prisma.DealWhereInput | null = null, asOf: AsOfScope | null = null): Promise<MeasureDeal[]> {
  const live: Prisma.DealWhereInput = { AND: [{ deletedAt: null }, where ?? {}] };
  if (asOf) return loadAsOf(db, live, asOf);
  if (where === null) return loadMeasureDealsMatching(db, null);
  // Three flat reads instead of Prisma's relation loading, which binds one SQL parameter per deal and fails past
  // SQLite's limits (every chart page did at 100,000 deals): the deals, their participations selected by the same
  // filter, and the organizations.
  const [deals, organizations, parts] = await Promise.all([
    db.deal.findMany({
      where: live,
      orderBy: [{ announcedOn: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, status: true, announcedOn: true, amountUsdLow: true, amountUsdHigh: true, amountQualifier: true, recipientId: true },
    }),
    db.organization.findMany({ select: { id: true, slug: true, name: true } }),
    db.participation.findMany({
      where: { deal: live },
      orderBy: [{ dealId: "asc" }, { position: "asc" }, { id: "asc" }],
      select: { dealId: true, organizationId: true, partyLabel: true, committedUsd: true },
    }),
  ]);
  return assemble(deals, organizations, parts);
}

type FlatDeal = { id: number; kind: string; status: string; announcedOn: string; amountUsdLow: bigint | null; amountUsdHigh: bigint | null; amountQualifier: string; recipientId: number };
type FlatPart = { dealId: number; organizationId: number | null; partyLabel: string | null; committedUsd: bigint | null };

/** Deals in date order with their participations in position order, joined to their organizations. */
function assemble(deals: FlatDeal[], organizations: { id: number; slug: string; name: string }[], parts: FlatPart[]): MeasureDeal[] {
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const investorsByDeal = new Map<number, Investor[]>();
  for (const p of parts) {
    const investor = investorOf(p.organizationId === null ? null : orgById.get(p.organizationId), p.partyLabel, p.committedUsd);
    const list = investorsByDeal.get(p.dealId);
    if (list) list.push(investor);
    else investorsByDeal.set(p.dealId, [investor]);
  }
  return deals.map((d) => {
    const recipient = orgById.get(d.recipientId) as { slug: string; name: string };
    return {
      id: d.id,
      kind: d.kind as DealKind,
      status: d.status as DealStatus,
      announcedOn: d.announcedOn,
      amountUsdLow: d.amountUsdLow,
      amountUsdHigh: d.amountUsdHigh,
      amountQualifier: d.amountQualifier as AmountQualifier,
      recipient: { key: recipient.slug, name: recipient.name },
      investors: investorsByDeal.get(d.id) ?? [],
    };
  });
}

type BulkDeal = { id: number; kind: string; status: string; announcedOn: string; low: string | null; high: string | null; amountQualifier: string; recipientId: number };
type BulkPart = { dealId: number; organizationId: number | null; partyLabel: string | null; committedUsd: string | null };
const bigintOrNull = (text: string | null) => (text === null ? null : BigInt(text));

/**
 * A condition on the live deals in portable SQL (the deal's alias is `d`), for reads through the bulk reader: e.g.
 * an organization's deals by its id, which Prisma's nested `some` over a slug turns into a scan of every deal.
 */
export type DealCondition = { sql: string; params: (string | number)[] };

/**
 * The live deals that meet `condition` (every live deal with null), today, in date order, in loadMeasureDeals' shape:
 * three flat reads through the driver, joined here.
 */
export async function loadMeasureDealsMatching(db: PrismaClient, condition: DealCondition | null): Promise<MeasureDeal[]> {
  const reader = bulkReaderOf(db);
  const where = condition ? `d."deletedAt" IS NULL AND (${condition.sql})` : `d."deletedAt" IS NULL`;
  const params = condition?.params ?? [];
  const [deals, organizations, parts] = await Promise.all([
    reader.all<BulkDeal>(
      `SELECT d."id", d."kind", d."status", d."announcedOn", CAST(d."amountUsdLow" AS TEXT) AS "low", CAST(d."amountUsdHigh" AS TEXT) AS "high",
              d."amountQualifier", d."recipientId"
         FROM "Deal" d WHERE ${where} ORDER BY d."announcedOn", d."id"`,
      params,
    ),
    reader.all<{ id: number; slug: string; name: string }>(`SELECT "id", "slug", "name" FROM "Organization"`),
    reader.all<BulkPart>(
      `SELECT p."dealId", p."organizationId", p."partyLabel", CAST(p."committedUsd" AS TEXT) AS "committedUsd"
         FROM "Participation" p JOIN "Deal" d ON d."id" = p."dealId"
        WHERE ${where} ORDER BY p."dealId", p."position", p."id"`,
      params,
    ),
  ]);
  return assemble(
    deals.map((d) => ({ ...d, amountUsdLow: bigintOrNull(d.low), amountUsdHigh: bigintOrNull(d.high) })),
    organizations,
    parts.map((p) => ({ ...p, committedUsd: bigintOrNull(p.committedUsd) })),
  );
}

/** Deals rebuilt as reported on a date from their lifecycle events (lib/story/as-of.ts), in date order. */
async function loadAsOf(db: PrismaClient, live: Prisma.DealWhereInput, asOf: AsOfScope): Promise<MeasureDeal[]> {
  const rows = await findDealsInChunks(db, live, [], {
    id: true,
    kind: true,
    status: true,
    announcedOn: true,
    amountUsdLow: true,
    amountUsdHigh: true,
    amountQualifier: true,
    recipient: { select: { slug: true, name: true } },
    participations: {
      orderBy: { position: "asc" },
      select: { partyLabel: true, committedUsd: true, organization: { select: { slug: true, name: true } } },
    },
    events: eventsUpTo(asOf.date),
    _count: { select: { events: true } },
  });
  const deals = rebuildAsOf(rows, asOf.date, asOf.filters).sort((a, b) => (a.announcedOn === b.announcedOn ? a.id - b.id : a.announcedOn < b.announcedOn ? -1 : 1));
  return deals.map((d) => ({
    id: d.id,
    kind: d.kind as DealKind,
    status: d.status as DealStatus,
    announcedOn: d.announcedOn,
    amountUsdLow: d.amountUsdLow,
    amountUsdHigh: d.amountUsdHigh,
    amountQualifier: d.amountQualifier as AmountQualifier,
    recipient: { key: d.recipient.slug, name: d.recipient.name },
    investors: d.participations.map((p) => investorOf(p.organization, p.partyLabel, p.committedUsd)),
  }));
}
