// Reads for the editors' pages. Callers have checked the session (the admin layout and each page).
import "server-only";
import { roundFormValues } from "../deals/round-form";
import type { Actor } from "../auth/roles";
import { getDb } from "../db";
import { revisionActorName } from "../revisions";
import { containsText } from "./text-search";
import { listMerges } from "../organizations/merge-organizations";
import { dealToFormValues, EDITABLE_DEAL_SELECT } from "../deals/deal-form-values";

const PAGE_SIZE = 50;

export async function listDealsForEditing(q: string, showDeleted: boolean) {
  const db = await getDb();
  const where = {
    deletedAt: showDeleted ? { not: null } : null,
    ...(q
      ? {
          OR: [
            { recipient: { name: containsText(q) } },
            { round: containsText(q) },
            { participations: { some: { organization: { name: containsText(q) } } } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.deal.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: PAGE_SIZE,
      select: {
        id: true,
        announcedOn: true,
        status: true,
        round: true,
        version: true,
        updatedAt: true,
        recipient: { select: { name: true } },
      },
    }),
    db.deal.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })), total, shown: rows.length };
}

export async function getDealForEditing(id: number) {
  const db = await getDb();
  const deal = await db.deal.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, ...EDITABLE_DEAL_SELECT },
  });
  if (!deal) return null;
  return { id: deal.id, version: deal.version, values: dealToFormValues(deal) };
}

export async function listOrganizationNames() {
  const db = await getDb();
  return db.organization.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } });
}

/** The rounds a deal form offers by key: of one recipient (by name) when editing its deal, else every round. */
export async function listRoundChoices(recipientName: string | null = null) {
  const db = await getDb();
  const rounds = await db.round.findMany({
    where: recipientName === null ? {} : { recipient: { name: recipientName } },
    orderBy: [{ announcedOn: "asc" }, { id: "asc" }],
    select: { id: true, key: true, name: true, announcedOn: true, recipient: { select: { name: true } } },
  });
  return rounds.map((r) => ({ id: r.id, key: r.key, label: `${r.recipient.name}: ${r.name} (${r.announcedOn})` }));
}

/** A Round with its form values (lib/deals/round-form.ts), its company and its deals, for /admin/rounds/[id]. */
export async function getRoundForEditing(id: number) {
  const db = await getDb();
  const round = await db.round.findUnique({
    where: { id },
    include: {
      recipient: { select: { slug: true, name: true } },
      deals: {
        where: { deletedAt: null },
        orderBy: [{ announcedOn: "asc" }, { id: "asc" }],
        select: { id: true, round: true, announcedOn: true },
      },
    },
  });
  if (!round) return null;
  return { id: round.id, key: round.key, recipient: round.recipient, deals: round.deals, values: roundFormValues(round) };
}

export async function listOrganizationsForEditing(q: string) {
  const db = await getDb();
  return db.organization.findMany({
    where: {
      deletedAt: null,
      ...(q ? { OR: [{ name: containsText(q) }, { slug: containsText(q) }, { aliases: { some: { alias: containsText(q) } } }] } : {}),
    },
    orderBy: { name: "asc" },
    take: 200,
    select: {
      id: true,
      slug: true,
      name: true,
      type: true,
      country: true,
      parent: { select: { name: true } },
      _count: { select: { aliases: true } },
    },
  });
}

export async function getOrganizationForEditing(id: number) {
  const db = await getDb();
  const org = await db.organization.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      slug: true,
      name: true,
      type: true,
      country: true,
      website: true,
      parentId: true,
      aliases: { orderBy: { alias: "asc" }, select: { alias: true } },
    },
  });
  if (!org) return null;
  return {
    id: org.id,
    values: {
      name: org.name,
      slug: org.slug,
      type: org.type,
      country: org.country ?? "",
      website: org.website ?? "",
      parentId: org.parentId === null ? "" : String(org.parentId),
      aliases: org.aliases.map((a) => a.alias).join("\n"),
    },
  };
}

export async function getDealHistory(id: number, viewer: Actor) {
  const db = await getDb();
  const deal = await db.deal.findUnique({
    where: { id },
    select: { id: true, deletedAt: true, round: true, recipient: { select: { name: true } } },
  });
  if (!deal) return null;
  const revisions = await db.revision.findMany({
    where: { entityType: "deal", entityId: id },
    orderBy: { id: "desc" },
    select: { id: true, action: true, actor: true, createdAt: true, before: true, after: true },
  });
  return {
    deal: { id: deal.id, deleted: deal.deletedAt !== null, title: `${deal.recipient.name}${deal.round ? `: ${deal.round}` : ""}` },
    revisions: revisions.map((r) => ({ ...r, actor: revisionActorName(r.actor, viewer), createdAt: r.createdAt.toISOString() })),
  };
}

export async function listTokens(userId: number, all: boolean) {
  const db = await getDb();
  const rows = await db.apiToken.findMany({
    where: all ? {} : { userId },
    orderBy: { id: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { email: true } } },
  });
  return rows.map((t) => ({
    ...t,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  }));
}

export async function listUsers() {
  const db = await getDb();
  const rows = await db.user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, role: true, createdAt: true, disabledAt: true },
  });
  return rows.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), disabledAt: u.disabledAt?.toISOString() ?? null }));
}

/** The organizations merged into others, newest first, with the revision that undoes each (the merge page's list). */
export async function listRecentMerges() {
  return listMerges(await getDb());
}
