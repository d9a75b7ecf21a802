// Loads deals in the shape the measures take. Server-only: pages and route handlers call it, never the client.
import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import { UNDISCLOSED_KEY, type MeasureDeal } from "../measures/capital";

/** `where` narrows the deals (e.g. the /deals filters); soft-deleted deals are always left out. */
export async function loadMeasureDeals(db: PrismaClient, where: Prisma.DealWhereInput = {}): Promise<MeasureDeal[]> {
  // Three flat reads instead of Prisma's relation loading, which binds one SQL parameter per deal and fails past
  // SQLite's limits (every chart page did at 100,000 deals): the deals, their participations selected by the same
  // filter, and the organizations.
  const live: Prisma.DealWhereInput = { AND: [{ deletedAt: null }, where] };
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
  const orgById = new Map(organizations.map((o) => [o.id, { key: o.slug, name: o.name }]));
  const investorsByDeal = new Map<number, MeasureDeal["investors"]>();
  for (const p of parts) {
    const org = p.organizationId === null ? undefined : orgById.get(p.organizationId);
    const investor = org
      ? { key: org.key, name: org.name, committedUsd: p.committedUsd }
      : { key: UNDISCLOSED_KEY, name: p.partyLabel ?? "Undisclosed", committedUsd: p.committedUsd };
    const list = investorsByDeal.get(p.dealId);
    if (list) list.push(investor);
    else investorsByDeal.set(p.dealId, [investor]);
  }
  return deals.map((d) => ({
    id: d.id,
    kind: d.kind as DealKind,
    status: d.status as DealStatus,
    announcedOn: d.announcedOn,
    amountUsdLow: d.amountUsdLow,
    amountUsdHigh: d.amountUsdHigh,
    amountQualifier: d.amountQualifier as AmountQualifier,
    recipient: orgById.get(d.recipientId) as { key: string; name: string },
    investors: investorsByDeal.get(d.id) ?? [],
  }));
}
