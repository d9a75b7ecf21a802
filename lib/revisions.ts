// Every write leaves a revision with its before and after, so nothing an editor does loses data.
import type { Prisma } from "./generated/prisma/client";

export type RevisionAction = "create" | "update" | "delete" | "import" | "restore" | "seed";

/** JSON that keeps BigInt money exact (as a string of digits). */
export function toRevisionJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}

export async function recordRevision(
  tx: Prisma.TransactionClient,
  revision: { entityType: string; entityId: number; action: RevisionAction; actor: string; before: unknown; after: unknown },
): Promise<void> {
  await tx.revision.create({
    data: {
      entityType: revision.entityType,
      entityId: revision.entityId,
      action: revision.action,
      actor: revision.actor,
      before: revision.before === null ? null : toRevisionJson(revision.before),
      after: revision.after === null ? null : toRevisionJson(revision.after),
    },
  });
}

/** The whole of one deal as stored: what a revision keeps and a restore puts back. */
export async function snapshotDeal(tx: Prisma.TransactionClient, dealId: number) {
  return tx.deal.findUnique({
    where: { id: dealId },
    include: { participations: { orderBy: { position: "asc" } }, sources: { orderBy: { id: "asc" } } },
  });
}

/**
 * Who made a revision, as shown to a reader. A revision records its actor as the editor's email (or `cli:<user>` for
 * the import command, `seed` for the shipped data); an email is private, so visitors and editors see "an editor",
 * and only admins, who manage the accounts, see which one. Applied where the revisions are read, so no page's
 * HTML or React payload carries an email it should not.
 */
export function revisionActorName(actor: string, viewer: { email: string; role: string } | null): string {
  if (viewer?.role === "admin") return actor;
  if (viewer && actor === viewer.email) return "you";
  if (actor.includes("@")) return "an editor";
  if (actor.startsWith("cli:")) return "an operator";
  return actor;
}
