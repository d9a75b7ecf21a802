// Lists of deals: the one summary shape every list, the API and the export share, read from the deals' states
// (lib/data/deal-state.ts) with the /deals filters and order (lib/data/deal-where.ts).
import "server-only";
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { DB, Deal } from "../generated/kysely/types";
import type { PrismaClient } from "../generated/prisma/client";
import { getDb } from "../db";
import { DEAL_KINDS, type AmountQualifier, type DealKind, type DealStatus, type ParticipationRole } from "../domain";
import { DEFAULT_DEAL_FILTERS, type DealFilters } from "../filters/deal-filters";
import { dealsAsOf, type DealStates } from "./deal-state";
import {
  applyDealFilters,
  pageReading,
  partFilterCondition,
  quarterSplit,
  selectedDeals,
  selectInDealOrder,
  type DealReading,
} from "./deal-where";
import { onDeal } from "./raw/overview-figures";
import { selectedCells } from "./raw/market-cells";
import { cachedView, viewKey } from "./view-cache";
import { countAll, countSum, readsOf, type Reads } from "./kysely";

export type DealSummary = {
  id: number;
  announcedOn: string;
  kind: DealKind;
  status: DealStatus;
  round: string | null;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier;
  postMoneyValuationUsd: bigint | null;
  recipient: { slug: string; name: string };
  /** slug is null for a party reported without a name ("Undisclosed buyers"). */
  investors: { slug: string | null; name: string; role: ParticipationRole }[];
  sourceCount: number;
};

export type Paged<T> = { data: T[]; total: number; page: number; pageSize: number };

/** A summary's own columns and its recipient, on a query over the deals' states. */
function summaryColumns(states: DealStates) {
  return states
    .innerJoin("Organization as r", "r.id", "d.recipientId")
    .select([
      "d.id",
      "d.announcedOn",
      "d.kind",
      "d.status",
      "d.round",
      "d.amountUsdLow",
      "d.amountUsdHigh",
      "d.amountQualifier",
      "d.postMoneyValuationUsd",
      "r.slug as recipientSlug",
      "r.name as recipientName",
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryColumns>["execute"]>>[number];

// Ids are bound one parameter each, and SQLite takes at most 32,766 in a statement.
export const ID_CHUNK = 900;

/** The ids in chunks a statement can bind. */
export function idChunks(ids: readonly number[]): number[][] {
  const chunks: number[][] = [];
  for (let start = 0; start < ids.length; start += ID_CHUNK) chunks.push(ids.slice(start, start + ID_CHUNK));
  return chunks;
}

export type Party = {
  slug: string | null;
  name: string;
  role: ParticipationRole;
  note: string | null;
  /** The amount the party stated it committed, if any (how attributeToInvestors splits the deal). */
  committedUsd: bigint | null;
};

/** The parties of each deal, in their listed order (an unnamed party by its label). */
export async function partiesOf(reads: Reads, ids: readonly number[]): Promise<Map<number, Party[]>> {
  const byDeal = new Map<number, Party[]>();
  for (const chunk of idChunks(ids)) {
    const rows = await reads
      .selectFrom("Participation as p")
      .leftJoin("Organization as o", "o.id", "p.organizationId")
      .where("p.dealId", "in", chunk)
      .select(["p.dealId", "p.role", "p.note", "p.partyLabel", "p.committedUsd", "o.slug", "o.name"])
      .orderBy("p.dealId")
      .orderBy("p.position")
      .orderBy("p.id")
      .execute();
    for (const p of rows) {
      const party = {
        slug: p.slug,
        name: p.name ?? p.partyLabel ?? "Undisclosed",
        role: p.role as ParticipationRole,
        note: p.note,
        committedUsd: p.committedUsd,
      };
      const list = byDeal.get(p.dealId);
      if (list) list.push(party);
      else byDeal.set(p.dealId, [party]);
    }
  }
  return byDeal;
}

/** The rows as summaries, with their parties and how many sources each has, in the rows' order. */
async function summariesOf(reads: Reads, rows: SummaryRow[]): Promise<DealSummary[]> {
  const ids = rows.map((r) => r.id);
  const parties = await partiesOf(reads, ids);
  const sourceCounts = new Map<number, number>();
  for (const chunk of idChunks(ids)) {
    const counts = await reads
      .selectFrom("Source as s")
      .where("s.dealId", "in", chunk)
      .groupBy("s.dealId")
      .select(["s.dealId", countAll().as("n")])
      .execute();
    for (const c of counts) sourceCounts.set(c.dealId, c.n);
  }
  return rows.map((d) => ({
    id: d.id,
    announcedOn: d.announcedOn,
    kind: d.kind as DealKind,
    status: d.status as DealStatus,
    round: d.round,
    amountUsdLow: d.amountUsdLow,
    amountUsdHigh: d.amountUsdHigh,
    amountQualifier: d.amountQualifier as AmountQualifier,
    postMoneyValuationUsd: d.postMoneyValuationUsd,
    recipient: { slug: d.recipientSlug, name: d.recipientName },
    investors: (parties.get(d.id) ?? []).map(({ slug, name, role }) => ({ slug, name, role })),
    sourceCount: sourceCounts.get(d.id) ?? 0,
  }));
}

/**
 * The live deals that meet `condition` (a condition on the deals' states `d`), as of `asOf` (today with null). `terms`:
 * the query reads their reported terms beyond what `condition` reads (see dealsAsOf).
 */
function liveDeals(reads: Reads, condition: Expression<SqlBool>, asOf: string | null, terms = true): DealStates {
  return dealsAsOf(reads, asOf, terms ? undefined : [condition])
    .where("d.deletedAt", "is", null)
    .where(condition);
}

/** The deals that meet `condition` (the newest `limit` of them, all with null), newest first, as they are today or as reported on `asOf`. */
export async function listDealSummaries(
  db: PrismaClient,
  condition: Expression<SqlBool>,
  asOf: string | null,
  limit: number | null = null,
): Promise<DealSummary[]> {
  const reads = readsOf(db);
  return summariesOf(reads, await selectInDealOrder(summaryColumns(liveDeals(reads, condition, asOf)), "date_desc", 0, limit));
}

/** How many live deals meet `condition`, as they are today or as reported on `asOf`: a list's count without its rows. */
export async function countLiveDeals(db: PrismaClient, condition: Expression<SqlBool>, asOf: string | null): Promise<number> {
  const row = await liveDeals(readsOf(db), condition, asOf, false).select(countAll().as("n")).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The ids and dates of some live deals, aliased `d`: what the newest of a list are picked from. */
export type DatedDeals = SelectQueryBuilder<DB & { d: Deal }, "d", { id: number; announcedOn: string }>;

/** The ids and dates of the live deals that meet `condition` (on the deals' states `d`), as of `asOf` (today with null). */
export function datedDeals(reads: Reads, condition: Expression<SqlBool>, asOf: string | null): DatedDeals {
  return liveDeals(reads, condition, asOf, false).select(["d.id", "d.announcedOn"]);
}

/**
 * The newest `limit` of the deals `dated` (datedDeals, or rows kept with the same ids and dates: an investor's parts)
 * and how many there are in all, their summaries as they are today or as reported on `asOf`: the lists of
 * organization pages and of a deal page, which link to /deals for the rest (a large investor has thousands). Only ids
 * and dates are read for every matching deal, so a recipient's deals stay in its index.
 * - Today those rows are an index's (the recipient's list index; the investor's parts by their key, and in date order
 *   by the index on investor, date and deal), so the count and the newest are two reads, the newest walked in order:
 *   with the count beside the rows (COUNT(*) OVER) every row was sorted, 171 ms for Microsoft's 192,165 parts at a
 *   million deals.
 * - As of a date each row is a deal's state, read by the deal's key: the newest ids and the count are one read
 *   (COUNT(*) OVER the same rows), then the summaries of those ids; a count beside the page read them all a second
 *   time (about half of a deal page's 0.1-0.6 s at 100,000 deals).
 */
export async function listNewestDealSummaries(
  db: PrismaClient,
  dated: DatedDeals,
  asOf: string | null,
  limit: number,
): Promise<{ deals: DealSummary[]; total: number }> {
  const reads = readsOf(db);
  // Typed as the deals' states for the order (the date and id are theirs).
  const rows = () => reads.selectFrom(dated.as("d")) as unknown as DealStates;
  // Today: the count and the newest apart, each from its index.
  const countedApart = async () => {
    const [{ n }, newest] = await Promise.all([
      rows().select(countAll().as("n")).executeTakeFirstOrThrow(),
      selectInDealOrder(rows().select("d.id"), "date_desc", 0, limit),
    ]);
    return { ids: newest.map((r) => r.id), total: n };
  };
  // As of a date: the count over every matching deal in a subquery, ordered and cut outside it. PostgreSQL's planner
  // took the window under the LIMIT for a stream and walked the date index through every deal to find an investor's
  // (130-160 ms whatever the investor at 100,000 deals).
  const countedBeside = async () => {
    const counted = rows().select((eb) => ["d.id", "d.announcedOn", eb.cast<number>(eb.fn.countAll().over(), "integer").as("total")]);
    const newest = await selectInDealOrder(
      (reads.selectFrom(counted.as("d")) as unknown as DealStates).select(["d.id", sql.ref<number>("d.total").as("total")]),
      "date_desc",
      0,
      limit,
    );
    return { ids: newest.map((r) => r.id), total: newest[0]?.total ?? 0 };
  };
  const { ids, total } = asOf === null ? await countedApart() : await countedBeside();
  return { deals: ids.length === 0 ? [] : await listDealSummaries(db, onDeal("d.id", "in", ids), asOf), total };
}

/**
 * One page of the deals matching the filters, in the filters' order. A page past the end is empty, not an error. Read
 * once per data version and address (filters, order and page): a shared or bookmarked list is opened again and again
 * between writes, and /deals and /api/deals read the same page.
 */
export function listDeals(filters: DealFilters): Promise<Paged<DealSummary>> {
  return cachedView(viewKey("deal-page", filters), async () => {
    // The counts first (each once per data version and filter set): they pick how the page is read.
    const total = await countDeals(filters);
    const reading = await pageReading(filters, total, () => countDeals(DEFAULT_DEAL_FILTERS));
    const data = await findDealPage(await getDb(), filters, reading);
    return { data, total, page: filters.page, pageSize: filters.pageSize };
  });
}

/**
 * How many deals the filters select, counted once per data version and filter set: the pages of one list and the
 * /deals figures (lib/data/deal-stats.ts) share it, and paging or sorting does not change it.
 */
export function countDeals(filters: DealFilters): Promise<number> {
  const selecting = { ...filters, page: 1, pageSize: 0, sort: null };
  return cachedView(viewKey("deal-count", selecting), async () => countDealsIn(await getDb(), filters));
}

/**
 * The count itself, uncached: the deals the market's cells hold in the whole quarters where they can stand for the
 * filters (quarterSplit: at a million deals a kind or status filter counted 300,000 deals in 50 ms), plus the deals of
 * a part quarter at either end; with an investor filter the investors' kept parts where they can stand for the
 * filters (partFilterCondition: Microsoft's deals at a million counted by its parts' key, not by reading each deal); else
 * the deals the filters select.
 */
export async function countDealsIn(db: PrismaClient, filters: DealFilters): Promise<number> {
  const reads = readsOf(db);
  const countRows = async (f: DealFilters) => (await selectedDeals(reads, f).select(countAll().as("n")).executeTakeFirst())?.n ?? 0;
  const onParts = partFilterCondition(filters);
  if (onParts) {
    const parts = reads
      .selectFrom("InvestorPart as p")
      .where("p.organizationId", "in", reads.selectFrom("Organization as o").where("o.slug", "in", filters.investors).select("o.id"))
      .where(onParts);
    // One part per investor and deal: with one investor the parts are the deals.
    const deals = filters.investors.length === 1 ? parts.select("p.dealId") : parts.select("p.dealId").distinct();
    return (await reads.selectFrom(deals.as("deals")).select(countAll().as("n")).executeTakeFirst())?.n ?? 0;
  }
  const split = quarterSplit(filters);
  if (!split) return countRows(filters);
  const counts = await Promise.all([
    selectedCells(reads, split.cells)
      .periods({ kinds: DEAL_KINDS, statuses: null })
      .select((eb) => countSum(eb.ref("c.deals")).as("n"))
      .executeTakeFirst()
      .then((row) => row?.n ?? 0),
    ...split.days.map(countRows),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * The page's rows, in the filters' order: the page's ids first, then their summaries. As of a date the ids are chosen
 * on what the filters and the order read (selectedDeals), so that only the page's deals have their terms read.
 */
export async function findDealPage(db: PrismaClient, filters: DealFilters, reading: DealReading = "by-list"): Promise<DealSummary[]> {
  const reads = readsOf(db);
  const page = await selectInDealOrder(
    selectedDeals(reads, filters, reading, filters.sort).select("d.id"),
    filters.sort,
    (filters.page - 1) * filters.pageSize,
    filters.pageSize,
  );
  if (page.length === 0) return [];
  const ids = page.map((d) => d.id);
  const rows = new Map(
    (await summaryColumns(dealsAsOf(reads, filters.asOf).where("d.id", "in", ids)).execute()).map((row) => [row.id, row]),
  );
  return summariesOf(
    reads,
    ids.flatMap((id) => rows.get(id) ?? []),
  );
}

/** Every deal matching the filters, in the filters' order. */
export async function listAllDeals(filters: DealFilters): Promise<DealSummary[]> {
  const reads = readsOf(await getDb());
  const matching = applyDealFilters(dealsAsOf(reads, filters.asOf), filters, reads);
  return summariesOf(reads, await selectInDealOrder(summaryColumns(matching), filters.sort, 0, null));
}
