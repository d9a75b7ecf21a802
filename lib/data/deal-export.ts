// The deals a CSV export writes: every deal the filters select, in their order, with the fields of the interchange
// format, as the list shows them (today, or as reported on the filters' asOf), read and written a batch at a time.
import "server-only";
import { getDb } from "../db";
import { toDealCsvRow, type DealCsvCell, type DealCsvSource } from "../csv/deal-csv-row";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import type { DealFilters } from "../filters/deal-filters";
import { dealsAsOf, STATE_COLUMNS } from "./deal-state";
import { selectedDeals, selectInDealOrder } from "./deal-where";
import { ID_CHUNK, idChunks, partiesOf } from "./deals";
import { readsOf } from "./kysely";

/**
 * The deals the filters select as rows of the CSV interchange format, in their order, a batch at a time. The matching
 * ids are read first, in order (a number each); each batch (as many as one IN list holds) then reads its deals'
 * fields, parties and first sources by id. Reading every deal's row at once held all of them and their CSV text
 * together: at a million deals the export took 67 s and the server 3.3 GB.
 */
export async function* dealCsvBatches(filters: DealFilters, batchSize = ID_CHUNK): AsyncGenerator<DealCsvCell[][]> {
  const reads = readsOf(await getDb());
  const ordered = await selectInDealOrder(selectedDeals(reads, filters, "by-list", filters.sort).select("d.id"), filters.sort, 0, null);
  const ids = ordered.map((d) => d.id);
  ordered.length = 0;
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize);
    const [rows, parties, sources] = await Promise.all([
      dealsAsOf(reads, filters.asOf)
        .innerJoin("Organization as r", "r.id", "d.recipientId")
        .leftJoin("Round as g", "g.id", "d.roundId")
        .where("d.id", "in", batch)
        .select(["g.key as roundKey", "d.id", "d.kind", ...STATE_COLUMNS, "r.name as recipientName"])
        .execute(),
      partiesOf(reads, batch),
      firstSources(reads, batch),
    ]);
    const byId = new Map(rows.map((d) => [d.id, d]));
    yield batch.flatMap((id) => {
      const d = byId.get(id);
      // A deal deleted between the two reads is left out, as if the export had begun after.
      if (!d) return [];
      return [
        toDealCsvRow({
          announcedOn: d.announcedOn,
          investors: (parties.get(d.id) ?? []).map(({ name, role, note }) => ({ name, role, note })),
          recipientName: d.recipientName,
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
          source: sources.get(d.id) ?? null,
          roundKey: d.roundKey,
        }),
      ];
    });
  }
}

type FirstSource = NonNullable<DealCsvSource["source"]>;

/** Each deal's first source: the one it was imported with (later ones document lifecycle events). */
async function firstSources(reads: ReturnType<typeof readsOf>, ids: number[]): Promise<Map<number, FirstSource>> {
  const first = new Map<number, FirstSource>();
  for (const chunk of idChunks(ids)) {
    const rows = await reads
      .selectFrom("Source as s")
      .where("s.dealId", "in", chunk)
      .select(["s.dealId", "s.url", "s.publisher", "s.publishedOn", "s.unverified"])
      .orderBy("s.dealId")
      .orderBy("s.id")
      .execute();
    for (const s of rows)
      if (!first.has(s.dealId))
        first.set(s.dealId, { url: s.url, publisher: s.publisher, publishedOn: s.publishedOn, unverified: Boolean(s.unverified) });
  }
  return first;
}
