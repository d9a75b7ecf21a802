// Merging two organizations that are one entity: the merged one becomes an alias of the one kept. Its deals received,
// its deal parties, its units (parent links) and its aliases move to the kept one; it is deleted (soft) with
// `mergedIntoId` set, so that its slug's pages redirect to the kept one. The merge records a revision holding
// everything it moved, and `restoreOrganizationMerge` puts it all back from that revision.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { aliasKey, PARTICIPATION_ROLES, type ParticipationRole } from "../domain";
import { refreshDealSearch } from "../deals/deal-search";
import { keepingLoopFamilies, keepingMarketCells } from "../deals/market-cells";
import { revisionMoney } from "../deals/restore-deal";
import { recordRevisions, snapshotDeals, type RevisionInput } from "../revisions";

export class MergeError extends Error {}

type OrganizationRef = { id: number; slug: string; name: string };
type PartyRow = {
  id: number;
  dealId: number;
  organizationId: number | null;
  partyLabel: string | null;
  role: string;
  note: string | null;
  committedUsd: bigint | null;
  position: number;
};
type DealRef = { id: number; recipient: string; announcedOn: string };

export type MergePlan = {
  keep: OrganizationRef;
  merge: OrganizationRef;
  /** Deals the merged organization received: their recipient becomes the kept one. */
  receivedDealIds: number[];
  /** Parties of the merged organization in deals the kept one is not in: they move as they are. */
  movedParties: PartyRow[];
  /** Deals listing both as parties: one row remains, the kept one's, with the two combined (`combineParties`). */
  combined: { dealId: number; kept: PartyRow; merged: PartyRow }[];
  /** Units whose parent is the merged organization: their parent becomes the kept one. */
  childIds: number[];
  /** The merged organization's aliases, and its name, which become the kept one's aliases (those it lacks). */
  aliasesAdded: string[];
  /** Every deal whose parties or recipient change, with what a reader recognises it by. */
  deals: DealRef[];
};

const ROLE_RANK: Record<ParticipationRole, number> = { lead: 0, co_lead: 1, participant: 2 };

/**
 * One party row for an organization listed twice in a deal. The higher role stays (lead over co-lead over participant);
 * the committed amounts add up when both are stated, and are unstated when either is not, since the combined part is
 * then not known (a deal's capital is its own amount, so what the market counts does not change either way; an
 * unstated part takes an equal share of what the stated ones leave); the notes are joined.
 */
export function combineParties(kept: PartyRow, merged: PartyRow): Pick<PartyRow, "role" | "committedUsd" | "note" | "position"> {
  const rank = (role: string) => ROLE_RANK[role as ParticipationRole] ?? PARTICIPATION_ROLES.length;
  const notes = [kept.note, merged.note].filter((note): note is string => !!note && note.trim() !== "");
  return {
    role: rank(merged.role) < rank(kept.role) ? merged.role : kept.role,
    committedUsd: kept.committedUsd !== null && merged.committedUsd !== null ? kept.committedUsd + merged.committedUsd : null,
    note: notes.length === 0 ? null : [...new Set(notes)].join("; "),
    position: Math.min(kept.position, merged.position),
  };
}

const PARTY_SELECT = {
  id: true,
  dealId: true,
  organizationId: true,
  partyLabel: true,
  role: true,
  note: true,
  committedUsd: true,
  position: true,
} as const;

function describeDeals(deals: DealRef[]): string {
  const shown = deals.slice(0, 10).map((d) => `deal ${d.id} (${d.recipient}, ${d.announcedOn})`);
  return shown.join(", ") + (deals.length > 10 ? ` and ${deals.length - 10} more` : "");
}

/** What merging `mergeId` into `keepId` would move, or a MergeError saying why it cannot be done. Writes nothing. */
export async function planMerge(tx: Prisma.TransactionClient, keepId: number, mergeId: number): Promise<MergePlan> {
  if (keepId === mergeId) throw new MergeError("Choose two different organizations: an organization cannot be merged into itself.");
  const [keep, merge] = await Promise.all(
    [keepId, mergeId].map((id) =>
      tx.organization.findUnique({ where: { id }, select: { id: true, slug: true, name: true, parentId: true, deletedAt: true } }),
    ),
  );
  if (!keep || keep.deletedAt) throw new MergeError(`There is no organization ${keepId} to keep.`);
  if (!merge || merge.deletedAt) throw new MergeError(`There is no organization ${mergeId} to merge.`);
  // Its units move to the kept organization: if the kept one is among them, or below them, that would be a cycle.
  for (let cursor = keep.parentId, depth = 0; cursor !== null && depth < 50; depth++) {
    if (cursor === merge.id)
      throw new MergeError(`${keep.name} is a unit below ${merge.name}: change its parent first, or keep ${merge.name} instead.`);
    cursor = (await tx.organization.findUnique({ where: { id: cursor }, select: { parentId: true } }))?.parentId ?? null;
  }

  const [received, mergedParties, keptParties, children, mergedAliases, keptAliases] = await Promise.all([
    tx.deal.findMany({ where: { recipientId: merge.id }, select: { id: true }, orderBy: { id: "asc" } }),
    tx.participation.findMany({ where: { organizationId: merge.id }, select: PARTY_SELECT, orderBy: { dealId: "asc" } }),
    tx.participation.findMany({ where: { organizationId: keep.id }, select: PARTY_SELECT }),
    tx.organization.findMany({ where: { parentId: merge.id }, select: { id: true }, orderBy: { id: "asc" } }),
    tx.organizationAlias.findMany({ where: { organizationId: merge.id }, select: { alias: true }, orderBy: { alias: "asc" } }),
    tx.organizationAlias.findMany({ where: { organizationId: keep.id }, select: { key: true } }),
  ]);
  const receivedIds = received.map((d) => d.id);
  const keptByDeal = new Map(keptParties.map((p) => [p.dealId, p]));

  // A deal in which one of the two receives and the other invests would have the kept organization invest in itself.
  const keptReceived = await tx.deal.findMany({
    where: { recipientId: keep.id, id: { in: mergedParties.map((p) => p.dealId) } },
    select: { id: true },
  });
  const selfDealIds = [...keptReceived.map((d) => d.id), ...receivedIds.filter((id) => keptByDeal.has(id))];
  const refs = async (ids: number[]): Promise<DealRef[]> =>
    ids.length === 0
      ? []
      : (
          await tx.deal.findMany({
            where: { id: { in: ids } },
            select: { id: true, announcedOn: true, recipient: { select: { name: true } } },
            orderBy: { id: "asc" },
          })
        ).map((d) => ({ id: d.id, recipient: d.recipient.name, announcedOn: d.announcedOn }));
  if (selfDealIds.length > 0)
    throw new MergeError(
      `${merge.name} and ${keep.name} are on both sides of ${describeDeals(await refs(selfDealIds))}: merged, ${keep.name} would invest in itself. Correct those deals first.`,
    );

  const combined = mergedParties.flatMap((merged) => {
    const kept = keptByDeal.get(merged.dealId);
    return kept ? [{ dealId: merged.dealId, kept, merged }] : [];
  });
  const movedParties = mergedParties.filter((p) => !keptByDeal.has(p.dealId));
  const keys = new Set(keptAliases.map((a) => a.key));
  keys.add(aliasKey(keep.name));
  const aliasesAdded: string[] = [];
  for (const alias of [merge.name, ...mergedAliases.map((a) => a.alias)]) {
    if (keys.has(aliasKey(alias))) continue;
    keys.add(aliasKey(alias));
    aliasesAdded.push(alias);
  }
  const dealIds = [...new Set([...receivedIds, ...mergedParties.map((p) => p.dealId)])].sort((a, b) => a - b);
  return {
    keep: { id: keep.id, slug: keep.slug, name: keep.name },
    merge: { id: merge.id, slug: merge.slug, name: merge.name },
    receivedDealIds: receivedIds,
    movedParties,
    combined,
    childIds: children.map((c) => c.id),
    aliasesAdded,
    deals: await refs(dealIds),
  };
}

/** Deal revisions for the deals a merge or its restore changed: their snapshots before and after. */
async function dealRevisions(
  tx: Prisma.TransactionClient,
  dealIds: number[],
  before: Awaited<ReturnType<typeof snapshotDeals>>,
  action: "update" | "restore",
  actor: string,
): Promise<RevisionInput[]> {
  const after = await snapshotDeals(tx, dealIds);
  return dealIds.map((id) => ({
    entityType: "deal",
    entityId: id,
    action,
    actor,
    before: before.get(id) ?? null,
    after: after.get(id) ?? null,
  }));
}

/** Merges `mergeId` into `keepId` inside the caller's transaction; returns the plan carried out. */
export async function mergeOrganizations(tx: Prisma.TransactionClient, keepId: number, mergeId: number, actor: string): Promise<MergePlan> {
  const plan = await planMerge(tx, keepId, mergeId);
  const { keep, merge } = plan;
  const dealIds = plan.deals.map((d) => d.id);
  const dealsBefore = await snapshotDeals(tx, dealIds);
  const organizationBefore = await tx.organization.findUnique({
    where: { id: merge.id },
    include: { aliases: { select: { alias: true } } },
  });

  // The deals received and the parties move: the market's cells of both organizations change with them.
  await keepingMarketCells(tx, dealIds, async () => {
    await tx.deal.updateMany({ where: { id: { in: plan.receivedDealIds } }, data: { recipientId: keep.id } });
    await tx.participation.updateMany({ where: { id: { in: plan.movedParties.map((p) => p.id) } }, data: { organizationId: keep.id } });
    for (const { kept, merged } of plan.combined) {
      await tx.participation.delete({ where: { id: merged.id } });
      await tx.participation.update({ where: { id: kept.id }, data: combineParties(kept, merged) });
    }
  });
  await keepingLoopFamilies(tx, plan.childIds, () =>
    tx.organization.updateMany({ where: { id: { in: plan.childIds } }, data: { parentId: keep.id } }),
  );
  await tx.organizationAlias.deleteMany({ where: { organizationId: merge.id } });
  await tx.organizationAlias.createMany({
    data: plan.aliasesAdded.map((alias) => ({ organizationId: keep.id, alias, key: aliasKey(alias) })),
  });
  await tx.organization.update({ where: { id: merge.id }, data: { deletedAt: new Date(), mergedIntoId: keep.id } });
  // An editor's open form for one of these deals is now stale: its save must see the change (version check).
  await tx.deal.updateMany({ where: { id: { in: dealIds } }, data: { version: { increment: 1 } } });
  // The kept organization's deals all carry its new aliases in their search text, the moved ones its name too.
  const keptDeals = await tx.deal.findMany({
    where: { OR: [{ recipientId: keep.id }, { participations: { some: { organizationId: keep.id } } }] },
    select: { id: true },
  });
  await refreshDealSearch(
    tx,
    keptDeals.map((d) => d.id),
  );

  await recordRevisions(tx, [
    {
      entityType: "organization",
      entityId: merge.id,
      action: "merge",
      actor,
      before: {
        organization: organizationBefore,
        receivedDealIds: plan.receivedDealIds,
        movedParties: plan.movedParties,
        combined: plan.combined,
        childIds: plan.childIds,
      },
      after: { mergedIntoId: keep.id, keptSlug: keep.slug, aliasesAdded: plan.aliasesAdded },
    },
    ...(await dealRevisions(tx, dealIds, dealsBefore, "update", actor)),
  ]);
  return plan;
}

const partySchema = z.object({
  id: z.number().int(),
  dealId: z.number().int(),
  organizationId: z.number().int().nullable(),
  partyLabel: z.string().nullable(),
  role: z.string(),
  note: z.string().nullable(),
  committedUsd: revisionMoney,
  position: z.number().int(),
});
// The merge revision as mergeOrganizations wrote it (BigInt as digit strings).
const mergeRevisionSchema = z.object({
  before: z.object({
    organization: z.object({ aliases: z.array(z.object({ alias: z.string() })) }),
    receivedDealIds: z.array(z.number().int()),
    movedParties: z.array(partySchema),
    combined: z.array(z.object({ dealId: z.number().int(), kept: partySchema, merged: partySchema })),
    childIds: z.array(z.number().int()),
  }),
  after: z.object({ mergedIntoId: z.number().int(), aliasesAdded: z.array(z.string()) }),
});

/**
 * Undoes the merge a revision recorded: the merged organization is live again with its aliases, its units, the deals
 * it received and its parties (a combined row is split back into the two rows it was). Whatever was edited since on
 * the kept organization stays, except that what the merge moved goes back. Returns the restored organization's slug.
 */
export async function restoreOrganizationMerge(tx: Prisma.TransactionClient, revisionId: number, actor: string): Promise<string> {
  const revision = await tx.revision.findUnique({ where: { id: revisionId } });
  if (!revision || revision.entityType !== "organization" || revision.action !== "merge" || !revision.before || !revision.after)
    throw new MergeError(`Revision ${revisionId} is not the merge of an organization.`);
  const parsed = mergeRevisionSchema.safeParse({ before: JSON.parse(revision.before), after: JSON.parse(revision.after) });
  if (!parsed.success) throw new MergeError(`Revision ${revisionId} cannot be read back: ${parsed.error.issues[0]?.message}`);
  const { before, after } = parsed.data;
  const mergedId = revision.entityId;
  const keptId = after.mergedIntoId;
  const merged = await tx.organization.findUnique({ where: { id: mergedId }, select: { slug: true, name: true, mergedIntoId: true } });
  if (!merged || merged.mergedIntoId !== keptId)
    throw new MergeError(`${merged?.name ?? `Organization ${mergedId}`} is no longer merged: nothing to restore.`);

  const partyDealIds = [...before.movedParties.map((p) => p.dealId), ...before.combined.map((c) => c.dealId)];
  const dealIds = [...new Set([...before.receivedDealIds, ...partyDealIds])].sort((a, b) => a - b);
  const dealsBefore = await snapshotDeals(tx, dealIds);

  await tx.organization.update({ where: { id: mergedId }, data: { deletedAt: null, mergedIntoId: null } });
  const aliasKeys = [...new Set([...after.aliasesAdded, ...before.organization.aliases.map((a) => a.alias)].map(aliasKey))];
  await tx.organizationAlias.deleteMany({ where: { organizationId: keptId, key: { in: aliasKeys } } });
  const taken = await tx.organizationAlias.findMany({ where: { key: { in: aliasKeys } }, select: { alias: true } });
  if (taken.length > 0)
    throw new MergeError(`Another organization now has the alias ${taken.map((a) => a.alias).join(", ")}: remove it there first.`);
  await tx.organizationAlias.createMany({
    data: before.organization.aliases.map(({ alias }) => ({ organizationId: mergedId, alias, key: aliasKey(alias) })),
  });
  await keepingMarketCells(tx, dealIds, async () => {
    await tx.deal.updateMany({ where: { id: { in: before.receivedDealIds }, recipientId: keptId }, data: { recipientId: mergedId } });
    await tx.participation.updateMany({
      where: { id: { in: before.movedParties.map((p) => p.id) }, organizationId: keptId },
      data: { organizationId: mergedId },
    });
    for (const { dealId, kept, merged: row } of before.combined) {
      const keptNow = await tx.participation.findFirst({ where: { dealId, organizationId: keptId }, select: { id: true } });
      if (keptNow)
        await tx.participation.update({
          where: { id: keptNow.id },
          data: { role: kept.role, committedUsd: kept.committedUsd, note: kept.note, position: kept.position },
        });
      await tx.participation.create({
        data: {
          dealId,
          organizationId: mergedId,
          partyLabel: row.partyLabel,
          role: row.role,
          note: row.note,
          committedUsd: row.committedUsd,
          position: row.position,
        },
      });
    }
  });
  await keepingLoopFamilies(tx, before.childIds, () =>
    tx.organization.updateMany({ where: { id: { in: before.childIds }, parentId: keptId }, data: { parentId: mergedId } }),
  );
  await tx.deal.updateMany({ where: { id: { in: dealIds } }, data: { version: { increment: 1 } } });
  const keptDeals = await tx.deal.findMany({
    where: { OR: [{ recipientId: keptId }, { participations: { some: { organizationId: keptId } } }] },
    select: { id: true },
  });
  await refreshDealSearch(tx, [...dealIds, ...keptDeals.map((d) => d.id)]);

  await recordRevisions(tx, [
    {
      entityType: "organization",
      entityId: mergedId,
      action: "restore",
      actor,
      before: { mergedIntoId: keptId },
      after: { mergedIntoId: null, restoredMerge: revisionId },
    },
    ...(await dealRevisions(tx, dealIds, dealsBefore, "restore", actor)),
  ]);
  return merged.slug;
}

/** The merges into an organization that can still be undone, newest first (the admin's list). */
export async function listMerges(tx: Prisma.TransactionClient, limit = 20) {
  const merged = await tx.organization.findMany({
    where: { mergedIntoId: { not: null } },
    select: { id: true, name: true, slug: true, mergedIntoId: true, deletedAt: true },
    orderBy: { deletedAt: "desc" },
    take: limit,
  });
  const kept = await tx.organization.findMany({
    where: { id: { in: merged.map((m) => m.mergedIntoId!) } },
    select: { id: true, name: true, slug: true },
  });
  const revisions = await tx.revision.findMany({
    where: { entityType: "organization", action: "merge", entityId: { in: merged.map((m) => m.id) } },
    select: { id: true, entityId: true },
    orderBy: { id: "desc" },
  });
  return merged.flatMap((m) => {
    const revision = revisions.find((r) => r.entityId === m.id);
    const into = kept.find((k) => k.id === m.mergedIntoId);
    return revision && into ? [{ revisionId: revision.id, merged: { name: m.name, slug: m.slug }, kept: into, mergedAt: m.deletedAt }] : [];
  });
}
