// Turns the /deals filters into one Prisma `where`, used by every read that honours them.
import type { Prisma } from "../generated/prisma/client";
import { containsText } from "./text-search";
import type { DealFilters } from "../filters/deal-filters";

export function dealWhere(f: DealFilters): Prisma.DealWhereInput {
  const and: Prisma.DealWhereInput[] = [{ deletedAt: null }];
  // Several investors mean "any of them": the deals of Amazon together with those of Google.
  if (f.investors.length > 0) and.push({ participations: { some: { organization: { slug: { in: f.investors } } } } });
  if (f.recipient) and.push({ recipient: { slug: f.recipient } });
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
    and.push({
      OR: [
        { recipient: { name: containsText(q) } },
        { round: containsText(q) },
        { summary: containsText(q) },
        { participations: { some: { organization: { name: containsText(q) } } } },
        { participations: { some: { partyLabel: containsText(q) } } },
      ],
    });
  }
  return { AND: and };
}

/** dealWhere, or null when the filters select every live deal as it is today (what loadMeasureDeals reads fastest). */
export function dealWhereOrEverything(f: DealFilters): Prisma.DealWhereInput | null {
  const where = dealWhere(f);
  return Array.isArray(where.AND) && where.AND.length === 1 ? null : where;
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
