// The deals a CSV export writes: every deal the filters select, in their order, with the fields of the interchange format.
import "server-only";
import { getDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { DealCsvSource } from "../csv/deal-csv-row";
import type { AmountQualifier, DealKind, DealStatus, ParticipationRole } from "../domain";
import type { DealFilters } from "../filters/deal-filters";
import { dealOrderBy, dealWhere } from "./deal-where";
import { findDealsInChunks } from "./deals";

export async function listDealsForCsv(filters: DealFilters): Promise<DealCsvSource[]> {
  const db = await getDb();
  // In chunks of ids (findDealsInChunks): a 100,000-deal export failed on SQLite's parameter limit otherwise.
  const rows = await findDealsInChunks(db, dealWhere(filters), dealOrderBy(filters), exportSelect);
  return rows.map((d) => ({
    announcedOn: d.announcedOn,
    investors: d.participations.map((p) => ({
      name: p.organization?.name ?? p.partyLabel ?? "Undisclosed",
      role: p.role as ParticipationRole,
      note: p.note,
    })),
    recipientName: d.recipient.name,
    kind: d.kind as DealKind,
    status: d.status as DealStatus,
    round: d.round,
    amountUsdLow: d.amountUsdLow,
    amountUsdHigh: d.amountUsdHigh,
    amountQualifier: d.amountQualifier as AmountQualifier,
    originalCurrency: d.originalCurrency,
    originalAmount: d.originalAmount,
    postMoneyValuationUsd: d.postMoneyValuationUsd,
    stakeBps: d.stakeBps,
    summary: d.summary,
    source: d.sources[0] ?? null,
  }));
}

const exportSelect = {
  id: true,
  announcedOn: true,
  kind: true,
  status: true,
  round: true,
  amountUsdLow: true,
  amountUsdHigh: true,
  amountQualifier: true,
  originalCurrency: true,
  originalAmount: true,
  postMoneyValuationUsd: true,
  stakeBps: true,
  summary: true,
  recipient: { select: { name: true } },
  participations: {
    orderBy: { position: "asc" },
    select: { role: true, note: true, partyLabel: true, organization: { select: { name: true } } },
  },
  // The first source recorded is the one the deal was imported with; later ones document lifecycle events.
  sources: { orderBy: { id: "asc" }, take: 1, select: { url: true, publisher: true, publishedOn: true, unverified: true } },
} satisfies Prisma.DealSelect;
