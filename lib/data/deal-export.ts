// The deals a CSV export writes: every deal the filters select, in their order, with the fields of the interchange
// format, as the list shows them (today, or as reported on the filters' asOf).
import "server-only";
import { getDb } from "../db";
import type { DealCsvSource } from "../csv/deal-csv-row";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import type { DealFilters } from "../filters/deal-filters";
import { dealsAsOf, STATE_COLUMNS } from "./deal-state";
import { applyDealFilters, selectInDealOrder } from "./deal-where";
import { idChunks, partiesOf } from "./deals";
import { readsOf } from "./kysely";

export async function listDealsForCsv(filters: DealFilters): Promise<DealCsvSource[]> {
  const reads = readsOf(await getDb());
  const matching = applyDealFilters(dealsAsOf(reads, filters.asOf), filters, reads)
    .innerJoin("Organization as r", "r.id", "d.recipientId")
    .leftJoin("Round as g", "g.id", "d.roundId")
    .select(["g.key as roundKey", "d.id", "d.kind", ...STATE_COLUMNS, "r.name as recipientName"]);
  const rows = await selectInDealOrder(matching, filters.sort, 0, null);
  const ids = rows.map((d) => d.id);
  const [parties, sources] = await Promise.all([partiesOf(reads, ids), firstSources(reads, ids)]);
  return rows.map((d) => ({
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
  }));
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
