// Puts a deal back as a revision recorded it. Restoring is itself a write, with its own revision.
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";
import { recordRevision, snapshotDeal } from "../revisions";
import { refreshDealSearch } from "./deal-search";
import { keepEventColumns } from "./change-kinds";
import { keepingMarketCells } from "./market-cells";
import { REPORTED_FIELDS } from "../story/as-of";

/** Money as a revision's JSON holds it (toRevisionJson): a string of digits, or null. */
export const revisionMoney = z.union([z.string().regex(/^\d+$/), z.null()]).transform((v) => (v === null ? null : BigInt(v)));

// The shape snapshotDeal wrote as JSON (BigInt as digit strings, dates as ISO strings).
const snapshotSchema = z.object({
  recipientId: z.number().int(),
  kind: z.string(),
  status: z.string(),
  round: z.string().nullable(),
  announcedOn: z.string(),
  amountUsdLow: revisionMoney,
  amountUsdHigh: revisionMoney,
  amountQualifier: z.string(),
  amountUsdKey: revisionMoney.optional(),
  originalCurrency: z.string(),
  originalAmount: revisionMoney,
  postMoneyValuationUsd: revisionMoney,
  stakeBps: z.number().int().nullable(),
  summary: z.string(),
  deletedAt: z.string().nullable(),
  participations: z.array(
    z.object({
      organizationId: z.number().int().nullable(),
      partyLabel: z.string().nullable(),
      role: z.string(),
      note: z.string().nullable(),
      committedUsd: revisionMoney,
      position: z.number().int(),
    }),
  ),
});

export class RestoreError extends Error {}

export async function restoreDealRevision(tx: Prisma.TransactionClient, revisionId: number, actor: string): Promise<number> {
  const revision = await tx.revision.findUnique({ where: { id: revisionId } });
  if (!revision || revision.entityType !== "deal" || !revision.after)
    throw new RestoreError(`revision ${revisionId} is not a restorable deal revision`);
  const parsed = snapshotSchema.safeParse(JSON.parse(revision.after));
  if (!parsed.success) throw new RestoreError(`revision ${revisionId} cannot be read back: ${parsed.error.issues[0]?.message}`);
  const snap = parsed.data;
  const dealId = revision.entityId;
  const before = await snapshotDeal(tx, dealId);
  if (!before) throw new RestoreError(`deal ${dealId} no longer exists`);

  const { participations, deletedAt, amountUsdKey, ...fields } = snap;
  await keepingMarketCells(tx, [dealId], async () => {
    await tx.deal.update({
      where: { id: dealId },
      data: {
        ...fields,
        amountUsdKey: amountUsdKey ?? fields.amountUsdLow ?? fields.amountUsdHigh,
        deletedAt: deletedAt ? new Date(deletedAt) : null,
        version: { increment: 1 },
      },
    });
    await tx.participation.deleteMany({ where: { dealId } });
    await tx.participation.createMany({ data: participations.map((p) => ({ ...p, dealId })) });
  });
  // The restored terms are the deal's story from today on (as the writer's edits are): the latest lifecycle event is
  // what the deal shows "as of" any date, so it must match the row again.
  const reported = Object.fromEntries(REPORTED_FIELDS.map((field) => [field, fields[field]])) as Pick<
    typeof fields,
    (typeof REPORTED_FIELDS)[number]
  >;
  if (REPORTED_FIELDS.some((field) => before[field] !== reported[field])) {
    await tx.dealEvent.create({
      data: { dealId, occurredOn: new Date().toISOString().slice(0, 10), ...reported, note: `Restored revision ${revisionId}` },
    });
    await keepEventColumns(tx, [dealId]);
  }
  await refreshDealSearch(tx, [dealId]);
  await recordRevision(tx, {
    entityType: "deal",
    entityId: dealId,
    action: "restore",
    actor,
    before,
    after: await snapshotDeal(tx, dealId),
  });
  return dealId;
}
