// The rounds deals are written into: a deal names its round by key within its recipient (the `round_key` of the CSV
// interchange, the deal form and PATCH), and the deal writer finds that round or creates it here, in the deal's own
// transaction, a batch at a time (docs/domain.md, "Rounds").
import type { Prisma } from "../generated/prisma/client";
import { insertRowsReturningIds } from "../insert-rows";
import { recordRevisions, type RevisionAction } from "../revisions";

type RoundNaming = { recipientId: number; roundKey?: string | null; round: string | null; announcedOn: string };

const keyOf = (recipientId: number, key: string) => `${recipientId}\u001f${key}`;

/**
 * Each deal's round id, in the order of `deals`: the round of its recipient with its key, created when there is none
 * (named by the first deal's round name, else the key, and dated by its earliest deal; its reported total and
 * valuation are left for an editor to add); null for a deal in no round; undefined where the deal does not say
 * (an update then keeps the deal's round). A new round leaves a revision.
 */
export async function roundIdsFor(
  tx: Prisma.TransactionClient,
  deals: readonly RoundNaming[],
  actor: string,
  action: RevisionAction,
): Promise<(number | null | undefined)[]> {
  const wanted = new Map<string, { recipientId: number; key: string; name: string; announcedOn: string }>();
  for (const deal of deals) {
    if (!deal.roundKey) continue;
    const k = keyOf(deal.recipientId, deal.roundKey);
    const entry = wanted.get(k);
    if (!entry)
      wanted.set(k, {
        recipientId: deal.recipientId,
        key: deal.roundKey,
        name: deal.round ?? deal.roundKey,
        announcedOn: deal.announcedOn,
      });
    else if (deal.announcedOn < entry.announcedOn) entry.announcedOn = deal.announcedOn;
  }
  const idOf = new Map<string, number>();
  if (wanted.size > 0) {
    const recipients = [...new Set([...wanted.values()].map((w) => w.recipientId))];
    const keys = [...new Set([...wanted.values()].map((w) => w.key))];
    // Bound parameters stay under SQLite's limit: a batch of deals names at most 500 of each.
    const existing = await tx.round.findMany({
      where: { recipientId: { in: recipients }, key: { in: keys } },
      select: { id: true, recipientId: true, key: true },
    });
    for (const round of existing) idOf.set(keyOf(round.recipientId, round.key), round.id);
    const missing = [...wanted.entries()].filter(([k]) => !idOf.has(k));
    const now = new Date();
    const rows = missing.map(([, w]) => ({
      recipientId: w.recipientId,
      key: w.key,
      name: w.name,
      announcedOn: w.announcedOn,
      amountQualifier: "undisclosed",
      createdAt: now,
      updatedAt: now,
    }));
    const ids = await insertRowsReturningIds(tx, "Round", rows);
    missing.forEach(([k], i) => idOf.set(k, ids[i]));
    await recordRevisions(
      tx,
      rows.map((row, i) => ({ entityType: "round", entityId: ids[i], action, actor, before: null, after: { id: ids[i], ...row } })),
    );
  }
  return deals.map((deal) =>
    deal.roundKey === undefined ? undefined : deal.roundKey === null ? null : idOf.get(keyOf(deal.recipientId, deal.roundKey)),
  );
}
