// Loads deals in the shape the measures take. Server-only: pages and route handlers call it, never the client.
import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import { UNDISCLOSED_KEY, type MeasureDeal } from "../measures/capital";

/** `where` narrows the deals (e.g. the /deals filters); soft-deleted deals are always left out. */
export async function loadMeasureDeals(db: PrismaClient, where: Prisma.DealWhereInput = {}): Promise<MeasureDeal[]> {
  const deals = await db.deal.findMany({
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
    },
  });
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
