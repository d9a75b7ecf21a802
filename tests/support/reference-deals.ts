// The references the SQL read model is tested against, written apart from it: the /deals filters as a Prisma `where`
// (today's rows), and the deals as of a date rebuilt one by one in memory by dealAsOf (lib/story/as-of.ts) from their
// events read through Prisma, in the shape the measures take.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AmountQualifier, DealKind, DealStatus } from "@/lib/domain";
import type { DealFilters } from "@/lib/filters/deal-filters";
import { UNDISCLOSED_KEY, type MeasureDeal } from "@/lib/measures/capital";
import { containsText } from "@/lib/data/text-search";
import { dealAsOf } from "@/lib/story/as-of";

/** The /deals filters of today's rows as Prisma says them; the search field by field. */
export function prismaDealWhere(f: DealFilters): Prisma.DealWhereInput {
  if (f.asOf) throw new Error("prismaDealWhere: today's rows only");
  const and: Prisma.DealWhereInput[] = [{ deletedAt: null }];
  if (f.investors.length > 0) and.push({ participations: { some: { organization: { slug: { in: f.investors } } } } });
  if (f.recipient) and.push({ recipient: { slug: f.recipient } });
  if (f.ids.length > 0) and.push({ id: { in: f.ids } });
  if (f.kinds.length > 0) and.push({ kind: { in: f.kinds } });
  if (f.statuses.length > 0) and.push({ status: { in: f.statuses } });
  if (f.from) and.push({ announcedOn: { gte: f.from } });
  if (f.to) and.push({ announcedOn: { lte: f.to } });
  if (f.min !== null) and.push({ amountUsdKey: { gte: f.min } });
  if (f.max !== null) and.push({ amountUsdKey: { lte: f.max } });
  if (f.q) and.push(fieldByFieldSearch(f.q));
  return { AND: and };
}

/** The search field by field: every field the search text joins. */
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

const stateSelect = {
  id: true,
  kind: true,
  status: true,
  announcedOn: true,
  amountUsdLow: true,
  amountUsdHigh: true,
  amountQualifier: true,
  round: true,
  postMoneyValuationUsd: true,
  stakeBps: true,
  summary: true,
  originalCurrency: true,
  originalAmount: true,
  recipient: { select: { slug: true, name: true } },
  participations: {
    orderBy: { position: "asc" },
    select: { partyLabel: true, committedUsd: true, organization: { select: { slug: true, name: true } } },
  },
  events: {
    select: {
      id: true,
      occurredOn: true,
      status: true,
      amountUsdLow: true,
      amountUsdHigh: true,
      amountQualifier: true,
      round: true,
      postMoneyValuationUsd: true,
      stakeBps: true,
      summary: true,
      originalCurrency: true,
      originalAmount: true,
    },
  },
} satisfies Prisma.DealSelect;

export type ReferenceState = Omit<Prisma.DealGetPayload<{ select: typeof stateSelect }>, "events">;

/** The live deals matching `where`, each as dealAsOf rebuilds it on `asOf` (as it is with null), in date order. */
export async function referenceStates(db: PrismaClient, asOf: string | null, where: Prisma.DealWhereInput = {}): Promise<ReferenceState[]> {
  const rows = await db.deal.findMany({ where: { AND: [{ deletedAt: null }, where] }, select: stateSelect });
  const states = rows.flatMap(({ events, ...deal }) => {
    const state = asOf ? dealAsOf(deal, events, asOf) : deal;
    return state ? [state] : [];
  });
  return states.sort((a, b) => (a.announcedOn === b.announcedOn ? a.id - b.id : a.announcedOn < b.announcedOn ? -1 : 1));
}

/** referenceStates in the measures' shape. */
export async function referenceMeasureDeals(
  db: PrismaClient,
  asOf: string | null,
  where: Prisma.DealWhereInput = {},
): Promise<MeasureDeal[]> {
  // The round a deal is in is grouping, not a reported term: today's, on any date.
  const rounds = new Map(
    (await db.deal.findMany({ select: { id: true, roundRef: { select: { id: true, key: true, name: true, announcedOn: true } } } })).map(
      (d) => [d.id, d.roundRef],
    ),
  );
  return (await referenceStates(db, asOf, where)).map((d) => ({
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
    round: rounds.get(d.id) ?? null,
  }));
}
