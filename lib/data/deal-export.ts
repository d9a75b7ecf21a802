// The deals a CSV export writes: every deal the filters select, in their order, with the fields of the interchange format.
import "server-only";
import { getDb } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import type { DealCsvSource } from "../csv/deal-csv-row";
import type { AmountQualifier, DealKind, DealStatus, ParticipationRole } from "../domain";
import type { DealFilters } from "../filters/deal-filters";
import { dealOrderBy, dealWhere } from "./deal-where";

export async function listDealsForCsv(filters: DealFilters): Promise<DealCsvSource[]> {
  const db = await getDb();
  // Ids first, then the rows a chunk at a time, in order: Prisma loads relations with one SQL parameter per deal,
  // which Prisma refuses past 999 on SQLite (a 100,000-deal export failed).
  const ids = (await db.deal.findMany({ where: dealWhere(filters), orderBy: dealOrderBy(filters), select: { id: true } })).map((d) => d.id);
  const byId = new Map<number, ExportRow>();
  for (let start = 0; start < ids.length; start += 900) for (const r of await exportRows(db, ids.slice(start, start + 900))) byId.set(r.id, r);
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  return rows.map((d) => ({
    announcedOn: d.announcedOn,
    investors: d.participations.map((p) => ({ name: p.organization?.name ?? p.partyLabel ?? "Undisclosed", role: p.role as ParticipationRole, note: p.note })),
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

type ExportRow = Awaited<ReturnType<typeof exportRows>>[number];

function exportRows(db: PrismaClient, ids: number[]) {
  return db.deal.findMany({
    where: { id: { in: ids } },
    select: {
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
      participations: { orderBy: { position: "asc" }, select: { role: true, note: true, partyLabel: true, organization: { select: { name: true } } } },
      // The first source recorded is the one the deal was imported with; later ones document lifecycle events.
      sources: { orderBy: { id: "asc" }, take: 1, select: { url: true, publisher: true, publishedOn: true, unverified: true } },
    },
  });
}
