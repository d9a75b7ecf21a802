// Writes planned deals in one transaction: all rows land, or none do. Each deal gets its first lifecycle event and a revision.
import type { PrismaClient, Prisma } from "../generated/prisma/client";
import { amountKey } from "../measures/capital";
import { buildDirectory } from "../organizations/directory";
import { recordRevision, snapshotDeal, type RevisionAction } from "../revisions";
import { parseDealCsv, type RowError } from "./parse-deal-csv";
import { planDealImport, type PlannedDeal } from "./plan-deal-import";

export type ImportResult = { ok: true; created: number; updated: number; dealIds: number[] } | { ok: false; errors: RowError[] };

class RowFailure extends Error {
  constructor(readonly rowError: RowError) {
    super(rowError.message);
  }
}

export async function loadDirectory(db: PrismaClient | Prisma.TransactionClient) {
  const organizations = await db.organization.findMany({
    where: { deletedAt: null },
    select: { id: true, slug: true, name: true, aliases: { select: { alias: true } } },
  });
  return buildDirectory(organizations);
}

/** Validates the whole file first; with `dryRun` it stops there and writes nothing. */
export async function importDealCsv(
  db: PrismaClient,
  text: string,
  options: { actor: string; action?: RevisionAction; dryRun?: boolean },
): Promise<ImportResult & { planned?: PlannedDeal[] }> {
  const plan = planDealImport(parseDealCsv(text), await loadDirectory(db));
  if (plan.errors.length > 0) return { ok: false, errors: plan.errors };
  if (options.dryRun) {
    return { ok: true, created: plan.deals.filter((d) => d.id === null).length, updated: plan.deals.filter((d) => d.id !== null).length, dealIds: [], planned: plan.deals };
  }
  try {
    return await db.$transaction(
      async (tx) => {
        const dealIds: number[] = [];
        let created = 0;
        let updated = 0;
        for (const deal of plan.deals) {
          if (deal.id === null) {
            dealIds.push(await createDeal(tx, deal, options.actor, options.action ?? "import"));
            created++;
          } else {
            dealIds.push(await updateDeal(tx, deal, options.actor));
            updated++;
          }
        }
        return { ok: true as const, created, updated, dealIds };
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof RowFailure) return { ok: false, errors: [error.rowError] };
    throw error;
  }
}

function dealFields(deal: PlannedDeal) {
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

async function createDeal(tx: Prisma.TransactionClient, deal: PlannedDeal, actor: string, action: RevisionAction): Promise<number> {
  const created = await tx.deal.create({
    data: {
      ...dealFields(deal),
      participations: { create: deal.participations },
      sources: deal.source ? { create: [deal.source] } : undefined,
    },
    select: { id: true, sources: { select: { id: true } } },
  });
  await tx.dealEvent.create({
    data: {
      dealId: created.id,
      occurredOn: deal.announcedOn,
      status: deal.status,
      amountUsdLow: deal.amountUsdLow,
      amountUsdHigh: deal.amountUsdHigh,
      amountQualifier: deal.amountQualifier,
      note: "",
      sourceId: created.sources[0]?.id ?? null,
    },
  });
  await recordRevision(tx, { entityType: "deal", entityId: created.id, action, actor, before: null, after: await snapshotDeal(tx, created.id) });
  return created.id;
}

async function updateDeal(tx: Prisma.TransactionClient, deal: PlannedDeal, actor: string): Promise<number> {
  const id = deal.id as number;
  const before = await snapshotDeal(tx, id);
  if (!before || before.deletedAt) throw new RowFailure({ row: deal.row, field: "id", message: `no deal with id ${id}` });

  let sourceId: number | null = null;
  if (deal.source) {
    const existing = before.sources.find((s) => s.url !== null && s.url === deal.source?.url);
    sourceId = existing ? existing.id : (await tx.source.create({ data: { ...deal.source, dealId: id } })).id;
  }
  await tx.participation.deleteMany({ where: { dealId: id } });
  await tx.deal.update({
    where: { id },
    data: { ...dealFields(deal), version: { increment: 1 }, participations: { create: deal.participations } },
  });
  const changed =
    before.status !== deal.status ||
    before.amountUsdLow !== deal.amountUsdLow ||
    before.amountUsdHigh !== deal.amountUsdHigh ||
    before.amountQualifier !== deal.amountQualifier;
  if (changed) {
    await tx.dealEvent.create({
      data: {
        dealId: id,
        occurredOn: deal.source?.publishedOn ?? new Date().toISOString().slice(0, 10),
        status: deal.status,
        amountUsdLow: deal.amountUsdLow,
        amountUsdHigh: deal.amountUsdHigh,
        amountQualifier: deal.amountQualifier,
        note: "Updated by import",
        sourceId,
      },
    });
  }
  await recordRevision(tx, { entityType: "deal", entityId: id, action: "import", actor, before, after: await snapshotDeal(tx, id) });
  return id;
}
