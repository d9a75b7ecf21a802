// The one way a deal is written, whether by the editor's form or a CSV import: fields, participations, sources,
// a lifecycle event when any reported field changes, a version for optimistic concurrency, and a revision.
import type { Prisma } from "../generated/prisma/client";
import type { PlannedDeal } from "../import/plan-deal-import";
import { amountKey } from "../measures/capital";
import { REPORTED_FIELDS } from "../story/as-of";
import { recordRevision, recordRevisions, snapshotDeal, snapshotDeals, type RevisionAction } from "../revisions";
import { refreshDealSearch } from "./deal-search";

export type DealSnapshot = NonNullable<Awaited<ReturnType<typeof snapshotDeal>>>;

/** Someone saved the deal since this editor loaded it: nothing was written; both versions go back to the editor. */
export class DealConflictError extends Error {
  constructor(
    readonly current: DealSnapshot,
    readonly expectedVersion: number,
  ) {
    super(`deal ${current.id} was changed by someone else (version ${current.version}, you edited version ${expectedVersion})`);
  }
}

export class DealNotFoundError extends Error {
  constructor(readonly dealId: number) {
    super(`no deal with id ${dealId}`);
  }
}

/** What a lifecycle step is dated and sourced with when an edit changes a reported field. */
export type DealChange = {
  occurredOn: string;
  note: string;
  source: { url: string; publisher: string | null; publishedOn: string | null } | null;
};

type DealInput = Omit<PlannedDeal, "row" | "id">;

function dealFields(deal: DealInput) {
  return {
    recipientId: deal.recipientId,
    kind: deal.kind,
    status: deal.status,
    round: deal.round,
    announcedOn: deal.announcedOn,
    amountUsdLow: deal.amountUsdLow,
    amountUsdHigh: deal.amountUsdHigh,
    amountQualifier: deal.amountQualifier,
    amountUsdKey: amountKey(deal.amountUsdLow, deal.amountUsdHigh),
    originalCurrency: deal.originalCurrency,
    originalAmount: deal.originalAmount,
    postMoneyValuationUsd: deal.postMoneyValuationUsd,
    stakeBps: deal.stakeBps,
    summary: deal.summary,
  };
}

/** What a lifecycle event records of a deal: every reported field (lib/story/as-of.ts REPORTED_FIELDS), as it now stands. */
function reportedState(deal: DealInput) {
  return {
    status: deal.status,
    amountUsdLow: deal.amountUsdLow,
    amountUsdHigh: deal.amountUsdHigh,
    amountQualifier: deal.amountQualifier,
    round: deal.round,
    postMoneyValuationUsd: deal.postMoneyValuationUsd,
    stakeBps: deal.stakeBps,
    summary: deal.summary,
    originalCurrency: deal.originalCurrency,
    originalAmount: deal.originalAmount,
  } satisfies Record<(typeof REPORTED_FIELDS)[number], unknown>;
}

export async function createDeal(
  tx: Prisma.TransactionClient,
  deal: DealInput,
  actor: string,
  action: RevisionAction = "create",
): Promise<number> {
  return (await createDeals(tx, [deal], actor, action))[0];
}

/** Rows per multi-row INSERT: well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535 for the widest table (Deal). */
const INSERT_BATCH = 500;

/**
 * Creates deals in batches, each with its participations, its source, its first lifecycle event, its search row and
 * its revision: a handful of multi-row statements per 500 deals instead of several per deal, so a 10,000-row import
 * takes seconds. Returns the new ids in the order of `deals`.
 */
export async function createDeals(
  tx: Prisma.TransactionClient,
  deals: readonly DealInput[],
  actor: string,
  action: RevisionAction = "create",
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < deals.length; start += INSERT_BATCH) {
    const batch = deals.slice(start, start + INSERT_BATCH);
    // One INSERT assigns its ids in the order of its rows on both databases (SQLite's rowid under the write lock,
    // PostgreSQL's sequence read row by row), so the ids sorted ascending are the batch's rows in order, whatever
    // order RETURNING lists them in.
    const created = await tx.deal.createManyAndReturn({ data: batch.map(dealFields), select: { id: true } });
    const batchIds = created.map((d) => d.id).sort((a, b) => a - b);
    if (batchIds.length !== batch.length) throw new Error(`created ${batchIds.length} deals of ${batch.length}`);
    await tx.participation.createMany({
      data: batch.flatMap((deal, i) =>
        deal.participations.map((p) => ({
          dealId: batchIds[i],
          organizationId: p.organizationId,
          partyLabel: p.partyLabel,
          role: p.role,
          note: p.note,
          position: p.position,
        })),
      ),
    });
    const withSource = batch.flatMap((deal, i) => (deal.source ? [{ ...deal.source, dealId: batchIds[i] }] : []));
    // At most one source per new deal, so a source is found again by its deal.
    const sources = withSource.length
      ? await tx.source.createManyAndReturn({ data: withSource, select: { id: true, dealId: true } })
      : [];
    const sourceOf = new Map(sources.map((s) => [s.dealId, s.id]));
    await tx.dealEvent.createMany({
      data: batch.map((deal, i) => ({
        dealId: batchIds[i],
        occurredOn: deal.announcedOn,
        ...reportedState(deal),
        note: "",
        sourceId: sourceOf.get(batchIds[i]) ?? null,
      })),
    });
    await refreshDealSearch(tx, batchIds);
    const snapshots = await snapshotDeals(tx, batchIds);
    await recordRevisions(
      tx,
      batchIds.map((id) => ({ entityType: "deal", entityId: id, action, actor, before: null, after: snapshots.get(id) })),
    );
    ids.push(...batchIds);
  }
  return ids;
}

/**
 * Whether the edit changes the status or an amount: a new step of the deal's story, which the form accepts only with
 * the date it was reported and a source.
 */
export function changesStatusOrAmount(
  before: { status: string; amountUsdLow: bigint | null; amountUsdHigh: bigint | null; amountQualifier: string },
  after: DealInput,
): boolean {
  return (
    before.status !== after.status ||
    before.amountUsdLow !== after.amountUsdLow ||
    before.amountUsdHigh !== after.amountUsdHigh ||
    before.amountQualifier !== after.amountQualifier
  );
}

/**
 * Whether the edit changes anything a lifecycle event records (the status and amounts, or a term: round, valuation,
 * stake, summary, original amount). Then the writer records an event, so that the deal as of an earlier date keeps
 * showing what was reported then and the new value shows from the change's date on.
 */
export function changesReport(before: Record<(typeof REPORTED_FIELDS)[number], unknown>, after: DealInput): boolean {
  const now: Record<string, unknown> = reportedState(after);
  return REPORTED_FIELDS.some((field) => before[field] !== now[field]);
}

/**
 * Updates a deal. With `expectedVersion` the write only lands if nobody saved in between (the version is checked
 * and bumped in the same UPDATE, so two concurrent saves cannot both pass).
 */
export async function updateDeal(
  tx: Prisma.TransactionClient,
  id: number,
  deal: DealInput,
  options: { actor: string; action?: RevisionAction; expectedVersion?: number; change?: DealChange },
): Promise<void> {
  const before = await snapshotDeal(tx, id);
  if (!before || before.deletedAt) throw new DealNotFoundError(id);
  const bumped = await tx.deal.updateMany({
    where: { id, deletedAt: null, ...(options.expectedVersion !== undefined ? { version: options.expectedVersion } : {}) },
    data: { ...dealFields(deal), version: { increment: 1 } },
  });
  if (bumped.count === 0) throw new DealConflictError(before, options.expectedVersion ?? before.version);

  let sourceId: number | null = null;
  const source = options.change?.source ?? deal.source;
  if (source && (source.url || source.publisher)) {
    const existing = before.sources.find((s) => s.url !== null && s.url === source.url);
    sourceId = existing ? existing.id : (await tx.source.create({ data: { ...source, dealId: id } })).id;
  }
  await tx.participation.deleteMany({ where: { dealId: id } });
  await tx.participation.createMany({ data: deal.participations.map((p) => ({ ...p, dealId: id })) });
  // Dated by the change (required for a status or amount change, optional for a term), else by the source, else today.
  if (changesReport(before, deal)) {
    await tx.dealEvent.create({
      data: {
        dealId: id,
        occurredOn: options.change?.occurredOn ?? deal.source?.publishedOn ?? new Date().toISOString().slice(0, 10),
        ...reportedState(deal),
        note: options.change?.note ?? "",
        sourceId,
      },
    });
  }
  await refreshDealSearch(tx, [id]);
  await recordRevision(tx, {
    entityType: "deal",
    entityId: id,
    action: options.action ?? "update",
    actor: options.actor,
    before,
    after: await snapshotDeal(tx, id),
  });
}
