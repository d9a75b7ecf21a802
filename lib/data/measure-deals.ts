// Loads deals in the shape the measures take. Server-only: pages and route handlers call it, never the client.
import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import { UNDISCLOSED_KEY, type MeasureDeal } from "../measures/capital";
import type { StateFilters } from "../story/as-of";
import { eventsUpTo, rebuildAsOf } from "./as-of-deals";

/** Deals as reported on `date`; `filters` (statuses, dates, amounts) then apply to that state. */
export type AsOfScope = { date: string; filters?: StateFilters };

/** The as-of scope of a /deals filter set: null when it shows today. */
export function asOfScope(filters: StateFilters & { asOf: string | null }): AsOfScope | null {
  return filters.asOf ? { date: filters.asOf, filters } : null;
}

/** `where` narrows the deals (e.g. the /deals filters); soft-deleted deals are always left out. */
export async function loadMeasureDeals(db: PrismaClient, where: Prisma.DealWhereInput = {}, asOf: AsOfScope | null = null): Promise<MeasureDeal[]> {
  const rows = await db.deal.findMany({
    where: { AND: [{ deletedAt: null }, where] },
    orderBy: [{ announcedOn: "asc" }, { id: "asc" }],
    select: {
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
      // Only read under asOf; an empty where keeps the select's type the same either way.
      events: asOf ? eventsUpTo(asOf.date) : { where: { id: -1 }, select: eventsUpTo("").select },
      _count: { select: { events: true } },
    },
  });
  const deals = asOf ? rebuildAsOf(rows, asOf.date, asOf.filters).sort((a, b) => (a.announcedOn === b.announcedOn ? a.id - b.id : a.announcedOn < b.announcedOn ? -1 : 1)) : rows;
  return deals.map((d) => ({
    id: d.id,
    kind: d.kind as DealKind,
    status: d.status as DealStatus,
    announcedOn: d.announcedOn,
    amountUsdLow: d.amountUsdLow,
    amountUsdHigh: d.amountUsdHigh,
    amountQualifier: d.amountQualifier as AmountQualifier,
    recipient: { key: d.recipient.slug, name: d.recipient.name },
    investors: d.participations.map((p) =>
      p.organization
        ? { key: p.organization.slug, name: p.organization.name, committedUsd: p.committedUsd }
        : { key: UNDISCLOSED_KEY, name: p.partyLabel ?? "Undisclosed", committedUsd: p.committedUsd },
    ),
  }));
}
