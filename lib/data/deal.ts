// One deal with everything its page shows.
import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import { dealsAsOf } from "./deal-state";
import { readsOf } from "./kysely";
import { revisionActorName } from "../revisions";
import { publishedBy } from "../story/as-of";
import type { AmountQualifier, DealKind, DealStatus, ParticipationRole } from "../domain";

export type DealDetail = NonNullable<Awaited<ReturnType<typeof getDeal>>>;

/**
 * Once per request (React's cache): the page's metadata, its share card and the page itself all read the deal, and
 * each read used to be three round trips of its own.
 */
export const getDeal = cache(async (id: number) => {
  const db = await getDb();
  const deal = await db.deal.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      kind: true,
      status: true,
      round: true,
      announcedOn: true,
      amountUsdLow: true,
      amountUsdHigh: true,
      amountQualifier: true,
      originalCurrency: true,
      originalAmount: true,
      postMoneyValuationUsd: true,
      stakeBps: true,
      summary: true,
      updatedAt: true,
      recipient: { select: { slug: true, name: true } },
      // The round this deal is a part or tranche of: the page names it and links its other deals (read below).
      roundRef: { select: { id: true, key: true, name: true, announcedOn: true } },
      participations: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          role: true,
          note: true,
          partyLabel: true,
          committedUsd: true,
          organization: { select: { slug: true, name: true } },
        },
      },
      sources: {
        orderBy: [{ publishedOn: "asc" }, { id: "asc" }],
        select: { id: true, url: true, publisher: true, publishedOn: true, title: true, unverified: true },
      },
      events: {
        orderBy: [{ occurredOn: "asc" }, { id: "asc" }],
        // Everything an event reports (REPORTED_FIELDS in lib/story/as-of.ts): the page lists the steps up to its date.
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
          note: true,
          source: { select: { url: true, publisher: true } },
        },
      },
    },
  });
  if (!deal) return null;
  const { roundRef } = deal;
  // The round's deals are read only when there is a round: nested in the select above, Prisma asks for the deals
  // with `roundId IN (NULL)` even without one, which SQLite answers by scanning every live deal (0.4-0.9 s at
  // 100,000 deals, on every deal page).
  const [revisions, roundDeals] = await Promise.all([
    db.revision.findMany({
      where: { entityType: "deal", entityId: id },
      orderBy: { id: "desc" },
      take: 20,
      select: { id: true, action: true, actor: true, createdAt: true },
    }),
    roundRef
      ? db.deal.findMany({
          where: { roundId: roundRef.id, deletedAt: null },
          orderBy: [{ announcedOn: "asc" }, { id: "asc" }],
          select: { id: true, round: true, announcedOn: true },
        })
      : [],
  ]);
  return {
    ...deal,
    roundRef: roundRef && { key: roundRef.key, name: roundRef.name, announcedOn: roundRef.announcedOn, deals: roundDeals },
    kind: deal.kind as DealKind,
    status: deal.status as DealStatus,
    amountQualifier: deal.amountQualifier as AmountQualifier,
    participations: deal.participations.map((p) => ({ ...p, role: p.role as ParticipationRole })),
    events: deal.events.map((e) => ({ ...e, status: e.status as DealStatus, amountQualifier: e.amountQualifier as AmountQualifier })),
    unverified: deal.sources.some((s) => s.unverified),
    // The public page is the same for everyone (and cached), so it never names an editor.
    revisions: revisions.map((r) => ({ ...r, actor: revisionActorName(r.actor, null), createdAt: r.createdAt.toISOString() })),
  };
});

/**
 * The deal as reported on `asOf`: its state (status, amounts, terms, first-report date) read from the one relation of
 * the deals' states (lib/data/deal-state.ts), as every list and figure reads it, with its steps and its sources published
 * by then (undated sources stay: nothing says they are later) and its parties as today. Null when the deal had not
 * been reported yet.
 */
export const getDealAsOf = cache(async (id: number, asOf: string) => {
  const current = await getDeal(id);
  if (!current) return null;
  const state = await dealsAsOf(readsOf(await getDb()), asOf)
    .where("d.id", "=", id)
    .select([
      "d.status",
      "d.round",
      "d.announcedOn",
      "d.amountUsdLow",
      "d.amountUsdHigh",
      "d.amountQualifier",
      "d.originalCurrency",
      "d.originalAmount",
      "d.postMoneyValuationUsd",
      "d.stakeBps",
      "d.summary",
    ])
    .executeTakeFirst();
  if (!state) return null;
  return {
    ...current,
    ...state,
    status: state.status as DealStatus,
    amountQualifier: state.amountQualifier as AmountQualifier,
    events: current.events.filter((e) => e.occurredOn <= asOf),
    sources: current.sources.filter((s) => publishedBy(s, asOf)),
  };
});
