// Every write leaves a revision with its before and after, so nothing an editor does loses data.
import type { Prisma } from "./generated/prisma/client";
import { insertRows } from "./insert-rows";

export type RevisionAction = "create" | "update" | "delete" | "import" | "restore" | "seed" | "merge";

/** JSON that keeps BigInt money exact (as a string of digits). */
export function toRevisionJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}

export type RevisionInput = {
  entityType: string;
  entityId: number;
  action: RevisionAction;
  actor: string;
  before: unknown;
  after: unknown;
};

export async function recordRevision(tx: Prisma.TransactionClient, revision: RevisionInput): Promise<void> {
  await recordRevisions(tx, [revision]);
}

/** Many revisions in multi-row INSERTs (a batch import leaves one per deal and per new organization). */
export async function recordRevisions(tx: Prisma.TransactionClient, revisions: readonly RevisionInput[]): Promise<void> {
  const createdAt = new Date();
  await insertRows(
    tx,
    "Revision",
    revisions.map((revision) => ({
      entityType: revision.entityType,
      entityId: revision.entityId,
      action: revision.action,
      actor: revision.actor,
      before: revision.before === null ? null : toRevisionJson(revision.before),
      after: revision.after === null ? null : toRevisionJson(revision.after),
      createdAt,
    })),
  );
}

const SNAPSHOT_INCLUDE = {
  participations: { orderBy: { position: "asc" } },
  sources: { orderBy: { id: "asc" } },
} satisfies Prisma.DealInclude;
/** What a revision does not record: the event dates are read off the events, which the revision's writer keeps. */
const SNAPSHOT_OMIT = { firstEventOn: true, stateSince: true } satisfies Prisma.DealOmit;

export async function snapshotDeal(tx: Prisma.TransactionClient, dealId: number) {
  return tx.deal.findUnique({ where: { id: dealId }, include: SNAPSHOT_INCLUDE, omit: SNAPSHOT_OMIT });
}

/** The snapshots of many deals in one query, by id (a merge of two organizations touches each of their deals). */
export async function snapshotDeals(tx: Prisma.TransactionClient, dealIds: readonly number[]) {
  const deals =
    dealIds.length === 0
      ? []
      : await tx.deal.findMany({ where: { id: { in: [...dealIds] } }, include: SNAPSHOT_INCLUDE, omit: SNAPSHOT_OMIT });
  return new Map(deals.map((deal) => [deal.id, deal]));
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
