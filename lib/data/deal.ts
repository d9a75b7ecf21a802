// One deal with everything its page shows.
import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import { dealsAsOf, STATE_COLUMNS } from "./deal-state";
import { isoTime } from "./data-version";
import { readsOf } from "./kysely";
import { revisionActorName } from "../revisions";
import { publishedBy } from "../story/as-of";
import type { AmountQualifier, DealKind, DealStatus, ParticipationRole } from "../domain";

export type DealDetail = NonNullable<Awaited<ReturnType<typeof getDeal>>>;

/**
 * Once per request (React's cache): the page's metadata, its share card and the page itself all read the deal. Read
 * through Kysely, the deal with its recipient and round first, then its parties, sources, steps, revisions and the
 * round's deals together: through Prisma the same reads took several times the database's own time in turning rows
 * into objects (most of a deal page's time beside the related deals).
 */
export const getDeal = cache(async (id: number) => {
  const reads = readsOf(await getDb());
  const deal = await reads
    .selectFrom("Deal as d")
    .innerJoin("Organization as r", "r.id", "d.recipientId")
    .leftJoin("Round as rd", "rd.id", "d.roundId")
    .where("d.id", "=", id)
    .where("d.deletedAt", "is", null)
    .select([
      "d.id",
      "d.kind",
      ...STATE_COLUMNS,
      "r.slug as recipientSlug",
      "r.name as recipientName",
      "rd.id as roundId",
      "rd.key as roundKey",
      "rd.name as roundName",
      "rd.announcedOn as roundAnnouncedOn",
    ])
    .executeTakeFirst();
  if (!deal) return null;
  const [participations, sources, events, revisions, roundDeals] = await Promise.all([
    reads
      .selectFrom("Participation as p")
      .leftJoin("Organization as o", "o.id", "p.organizationId")
      .where("p.dealId", "=", id)
      .orderBy("p.position")
      .orderBy("p.id")
      .select(["p.id", "p.role", "p.note", "p.partyLabel", "p.committedUsd", "o.slug", "o.name"])
      .execute(),
    reads
      .selectFrom("Source as s")
      .where("s.dealId", "=", id)
      .orderBy("s.publishedOn")
      .orderBy("s.id")
      .select(["s.id", "s.url", "s.publisher", "s.publishedOn", "s.title", "s.unverified"])
      .execute(),
    // Everything an event reports (REPORTED_FIELDS in lib/story/as-of.ts): the page lists the steps up to its date.
    reads
      .selectFrom("DealEvent as e")
      .leftJoin("Source as s", "s.id", "e.sourceId")
      .where("e.dealId", "=", id)
      .orderBy("e.occurredOn")
      .orderBy("e.id")
      .select([
        "e.id",
        "e.occurredOn",
        "e.status",
        "e.amountUsdLow",
        "e.amountUsdHigh",
        "e.amountQualifier",
        "e.round",
        "e.postMoneyValuationUsd",
        "e.stakeBps",
        "e.summary",
        "e.originalCurrency",
        "e.originalAmount",
        "e.note",
        "s.id as sourceId",
        "s.url as sourceUrl",
        "s.publisher as sourcePublisher",
      ])
      .execute(),
    reads
      .selectFrom("Revision as v")
      .where("v.entityType", "=", "deal")
      .where("v.entityId", "=", id)
      .orderBy("v.id", "desc")
      .limit(20)
      .select(["v.id", "v.action", "v.actor", "v.createdAt"])
      .execute(),
    deal.roundId === null
      ? []
      : reads
          .selectFrom("Deal as d")
          .where("d.roundId", "=", deal.roundId)
          .where("d.deletedAt", "is", null)
          .orderBy("d.announcedOn")
          .orderBy("d.id")
          .select(["d.id", "d.round", "d.announcedOn"])
          .execute(),
  ]);
  const { recipientSlug, recipientName, roundId, roundKey, roundName, roundAnnouncedOn, ...own } = deal;
  const sourceList = sources.map((s) => ({ ...s, unverified: Boolean(s.unverified) }));
  return {
    ...own,
    recipient: { slug: recipientSlug, name: recipientName },
    roundRef:
      roundId === null
        ? null
        : { key: roundKey as string, name: roundName as string, announcedOn: roundAnnouncedOn as string, deals: roundDeals },
    kind: deal.kind as DealKind,
    status: deal.status as DealStatus,
    amountQualifier: deal.amountQualifier as AmountQualifier,
    participations: participations.map(({ slug, name, ...p }) => ({
      ...p,
      role: p.role as ParticipationRole,
      organization: slug === null || name === null ? null : { slug, name },
    })),
    sources: sourceList,
    events: events.map(({ sourceId, sourceUrl, sourcePublisher, ...e }) => ({
      ...e,
      status: e.status as DealStatus,
      amountQualifier: e.amountQualifier as AmountQualifier,
      source: sourceId === null ? null : { url: sourceUrl, publisher: sourcePublisher },
    })),
    unverified: sourceList.some((s) => s.unverified),
    // The public page is the same for everyone (and cached), so it never names an editor.
    revisions: revisions.map((r) => ({ ...r, actor: revisionActorName(r.actor, null), createdAt: isoTime(r.createdAt) as string })),
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
    .select(STATE_COLUMNS)
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
