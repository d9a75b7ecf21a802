// Loads deals in the shape the measures take. Server-only: pages and route handlers call it, never the client.
import "server-only";
import type { Expression, SqlBool } from "kysely";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import { UNDISCLOSED_KEY, type MeasureDeal } from "../measures/capital";
import type { StateFilters } from "../story/as-of";
import { eventsUpTo, rebuildAsOf } from "./as-of-deals";
import { findDealsInChunks } from "./deals";
import { readsOf } from "./kysely";
import { onDeal } from "./raw/overview-figures";

/** Deals as reported on `date`; `filters` (statuses, dates, amounts) then apply to that state. */
export type AsOfScope = { date: string; filters?: StateFilters };

/** The as-of scope of a /deals filter set: null when it shows today. */
export function asOfScope(filters: StateFilters & { asOf: string | null }): AsOfScope | null {
  return filters.asOf ? { date: filters.asOf, filters } : null;
}

type Investor = MeasureDeal["investors"][number];
const investorOf = (
  org: { slug: string; name: string } | null | undefined,
  partyLabel: string | null,
  committedUsd: bigint | null,
): Investor =>
  org ? { key: org.slug, name: org.name, committedUsd } : { key: UNDISCLOSED_KEY, name: partyLabel ?? "Undisclosed", committedUsd };

/**
 * `where` narrows the deals (e.g. the /deals filters); soft-deleted deals are always left out. With no `where` (every
 * live deal, today) the rows come through Kysely (lib/data/kysely.ts), many times faster than Prisma.
 */
export async function loadMeasureDeals(
  db: PrismaClient,
  where: Prisma.DealWhereInput | null = null,
  asOf: AsOfScope | null = null,
): Promise<MeasureDeal[]> {
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
      select: {
        id: true,
        kind: true,
        status: true,
        announcedOn: true,
        amountUsdLow: true,
        amountUsdHigh: true,
        amountQualifier: true,
        recipientId: true,
      },
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

type FlatDeal = {
  id: number;
  kind: string;
  status: string;
  announcedOn: string;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: string;
  recipientId: number;
};
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

/**
 * The live deals that meet `condition` (a Kysely condition on the deal aliased d; every live deal with null), today,
 * in date order, in loadMeasureDeals' shape: three flat reads through Kysely, joined here. E.g. an organization's deals
 * by its id, which Prisma's nested `some` over a slug turns into a scan of every deal.
 */
export async function loadMeasureDealsMatching(db: PrismaClient, condition: Expression<SqlBool> | null): Promise<MeasureDeal[]> {
  const reads = readsOf(db);
  const live = condition ? onDeal.and([onDeal("d.deletedAt", "is", null), condition]) : onDeal("d.deletedAt", "is", null);
  const [deals, organizations, parts] = await Promise.all([
    reads
      .selectFrom("Deal as d")
      .where(live)
      .select(["d.id", "d.kind", "d.status", "d.announcedOn", "d.amountUsdLow", "d.amountUsdHigh", "d.amountQualifier", "d.recipientId"])
      .orderBy("d.announcedOn")
      .orderBy("d.id")
      .execute(),
    reads.selectFrom("Organization").select(["id", "slug", "name"]).execute(),
    reads
      .selectFrom("Participation as p")
      .innerJoin("Deal as d", "d.id", "p.dealId")
      .where(live)
      .select(["p.dealId", "p.organizationId", "p.partyLabel", "p.committedUsd"])
      .orderBy("p.dealId")
      .orderBy("p.position")
      .orderBy("p.id")
      .execute(),
  ]);
  return assemble(deals, organizations, parts);
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
  const deals = rebuildAsOf(rows, asOf.date, asOf.filters).sort((a, b) =>
    a.announcedOn === b.announcedOn ? a.id - b.id : a.announcedOn < b.announcedOn ? -1 : 1,
  );
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
