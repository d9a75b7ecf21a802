// The one way a deal is written, whether by the editor's form or a CSV import: fields, participations, sources,
// a lifecycle event when any reported field changes, a version for optimistic concurrency, and a revision.
import type { Prisma } from "../generated/prisma/client";
import type { PlannedDeal } from "../import/plan-deal-import";
import { amountKey } from "../measures/capital";
import { REPORTED_FIELDS } from "../story/as-of";
import { recordRevision, recordRevisions, snapshotDeal, type RevisionAction } from "../revisions";
import { insertRows, insertRowsReturningIds, refreshStatistics } from "../insert-rows";
import { roundIdsFor } from "./deal-rounds";
import { insertDealSearch, refreshDealSearch } from "./deal-search";
import { keepEventColumns } from "./change-kinds";
import { addToMarketCells, keepingMarketCells } from "./market-cells";

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

function byDeal<T extends { dealId: number }>(rows: T[]): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.dealId);
    if (list) list.push(row);
    else grouped.set(row.dealId, [row]);
  }
  return grouped;
}

/** Deals per round of statements: bounds the rounds and organizations a round of statements lists by id. */
const BATCH = 500;
/**
 * Deals written between refreshes of PostgreSQL's statistics of the tables the market cells' deltas read by deal id.
 * Planned for the tables as they were before, the deltas of a 100,000-row import grew from 2-8 to 15-40 ms a batch
 * (the import 60.6 s in process); refreshed every 10,000 deals, it took 48-50 s. InvestorPart is left out: refreshed
 * too, one statement of the circular flows chose a plan that grew to 70 ms a batch.
 */
const REFRESH_STATISTICS_EVERY = 10_000;
const READ_BY_DEAL = ["Deal", "Participation", "DealEvent"];

/**
 * Creates deals in batches, each with its participations, its source, its first lifecycle event, its search row and
 * its revision (the search row and the revision are built from what was written, not read back): a handful of multi-row statements per 500 deals instead of several per deal, so a 10,000-row import
 * takes seconds. Returns the new ids in the order of `deals`.
 */
export async function createDeals(
  tx: Prisma.TransactionClient,
  deals: readonly DealInput[],
  actor: string,
  action: RevisionAction = "create",
): Promise<number[]> {
  const ids: number[] = [];
  const now = new Date();
  for (let start = 0; start < deals.length; start += BATCH) {
    const batch = deals.slice(start, start + BATCH);
    if (start > 0 && start % REFRESH_STATISTICS_EVERY === 0) await refreshStatistics(tx, READ_BY_DEAL);
    const roundIds = await roundIdsFor(tx, batch, actor, action);
    const batchIds = await insertRowsReturningIds(
      tx,
      "Deal",
      // Its first event is the one written below, dated by the deal and reporting what the row holds: keepEventColumns
      // then finds both dates set and rewrites no row (on PostgreSQL that rewrite touched every index of Deal: 3.4 s of
      // a 100,000-row import).
      batch.map((deal, i) => ({
        ...dealFields(deal),
        version: 1,
        createdAt: now,
        updatedAt: now,
        roundId: roundIds[i] ?? null,
        firstEventOn: deal.announcedOn,
        stateSince: deal.announcedOn,
      })),
    );
    const participations = batch.flatMap((deal, i) =>
      deal.participations.map((p) => ({
        id: 0,
        dealId: batchIds[i],
        organizationId: p.organizationId,
        partyLabel: p.partyLabel,
        role: p.role,
        note: p.note,
        committedUsd: null,
        position: p.position,
      })),
    );
    const participationIds = await insertRowsReturningIds(
      tx,
      "Participation",
      participations.map((p) => ({
        dealId: p.dealId,
        organizationId: p.organizationId,
        partyLabel: p.partyLabel,
        role: p.role,
        note: p.note,
        position: p.position,
      })),
    );
    participations.forEach((p, i) => (p.id = participationIds[i]));
    const sourced = batch.flatMap((deal, i) => (deal.source ? [{ dealId: batchIds[i], source: deal.source }] : []));
    const sourceIds = await insertRowsReturningIds(
      tx,
      "Source",
      sourced.map(({ dealId, source }) => ({
        dealId,
        url: source.url,
        publisher: source.publisher,
        publishedOn: source.publishedOn,
        unverified: source.unverified,
        createdAt: now,
      })),
    );
    await addToMarketCells(tx, batchIds);
    const sourceOf = new Map(sourced.map(({ dealId }, i) => [dealId, sourceIds[i]]));
    await insertRows(
      tx,
      "DealEvent",
      batch.map((deal, i) => ({
        dealId: batchIds[i],
        occurredOn: deal.announcedOn,
        ...reportedState(deal),
        note: "",
        sourceId: sourceOf.get(batchIds[i]) ?? null,
        createdAt: now,
      })),
    );
    await keepEventColumns(tx, batchIds);
    await insertDealSearch(
      tx,
      batch.map((deal, i) => ({
        dealId: batchIds[i],
        recipientId: deal.recipientId,
        round: deal.round,
        summary: deal.summary,
        parties: [...deal.participations]
          .sort((a, b) => a.position - b.position)
          .map((p) => ({ organizationId: p.organizationId, label: p.partyLabel })),
      })),
    );
    // The revisions' "after" is what snapshotDeal would read back, built from what was just written (reading 500 deals
    // back through findMany cost as much as writing them); tests/integration/import.test.ts compares the two.
    const partsOf = byDeal(participations);
    const sourceRows = sourced.map(({ dealId, source }, i) => ({
      id: sourceIds[i],
      dealId,
      url: source.url,
      publisher: source.publisher,
      publishedOn: source.publishedOn,
      title: null,
      unverified: source.unverified,
      createdAt: now,
    }));
    const sourcesOf = byDeal(sourceRows);
    await recordRevisions(
      tx,
      batch.map((deal, i) => {
        const id = batchIds[i];
        const after: DealSnapshot = {
          id,
          ...dealFields(deal),
          version: 1,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
          roundId: roundIds[i] ?? null,
          participations: (partsOf.get(id) ?? []).sort((a, b) => a.position - b.position),
          sources: sourcesOf.get(id) ?? [],
        };
        return { entityType: "deal", entityId: id, action, actor, before: null, after };
      }),
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
  const [roundId] = await roundIdsFor(tx, [deal], options.actor, options.action ?? "update");
  // The deal's fields and participations change: its contribution to the market's cells is taken out and put back.
  await keepingMarketCells(tx, [id], async () => {
    const bumped = await tx.deal.updateMany({
      where: { id, deletedAt: null, ...(options.expectedVersion !== undefined ? { version: options.expectedVersion } : {}) },
      // An undefined roundId (the deal does not say) leaves the stored round.
      data: { ...dealFields(deal), roundId, version: { increment: 1 } },
    });
    if (bumped.count === 0) throw new DealConflictError(before, options.expectedVersion ?? before.version);
    await tx.participation.deleteMany({ where: { dealId: id } });
    await tx.participation.createMany({ data: deal.participations.map((p) => ({ ...p, dealId: id })) });
  });

  let sourceId: number | null = null;
  const source = options.change?.source ?? deal.source;
  if (source && (source.url || source.publisher)) {
    const existing = before.sources.find((s) => s.url !== null && s.url === source.url);
    sourceId = existing ? existing.id : (await tx.source.create({ data: { ...source, dealId: id } })).id;
  }
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
    await keepEventColumns(tx, [id]);
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
