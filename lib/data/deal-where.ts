// The /deals filters and order in SQL, once: `applyDealFilters` narrows and `selectInDealOrder` orders any Kysely
// query over the deals' states aliased `d` (lib/data/deal-state.ts: today the Deal table, as of a date each deal's
// latest event), so a filter or a sort means the same on every page, the API, the export, the figures and the
// measures, today and as of a date.
import { expressionBuilder, sql, type Expression, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { DB, Deal } from "../generated/kysely/types";
import { countAll, isPostgresReads, notThroughIndex, type Reads } from "./kysely";
import { dealsAsOf, type DealStates } from "./deal-state";
import { onDeal } from "./raw/overview-figures";
import { quarterDays, type CellSelection, type InvestorPartRow } from "./raw/market-cells";
import { SEARCH_SEPARATOR } from "../deals/deal-search";
import type { DealFilters } from "../filters/deal-filters";
import { periodAfter, periodOf } from "../measures/capital";

/**
 * The /deals filters as one Kysely condition on the deals' states `d` (status, dates and amounts are the state's: as
 * of a date, the rebuilt ones). Organizations are named by slug in
 * uncorrelated subqueries (each read once into a list, not probed for every deal): investors as `id IN (their
 * participations' deals)`, the recipient as `recipientId IN (its id)`. Text search as the database's own LIKE
 * (ILIKE on PostgreSQL, as Prisma's case-insensitive `contains`) with the pattern Prisma binds (`%q%`, wildcards not
 * escaped) over the search text (lib/deals/deal-search.ts), `id IN (SELECT "dealId" FROM "DealSearch" WHERE "text"
 * LIKE ?)`; on SQLite the rows LIKE reads are first narrowed by the trigram index over that text (trigramPhrase), on
 * PostgreSQL it is one scan of the narrow table. A q holding the search text's separator, which could match across
 * two fields there, is searched field by field. The text searched is the deal's current one (DealSearch).
 */
export function dealFilterCondition(f: DealFilters, reads: Reads, reading: DealReading = "by-list"): Expression<SqlBool> {
  const eb = onDeal;
  const and: Expression<SqlBool>[] = [eb("d.deletedAt", "is", null)];
  // In order (SQLite): a unary plus keeps the planner from reading the listed deals by id and sorting them, so it walks
  // the order's index and tests each deal against the list instead.
  const dealId = reading === "in-order" ? notThroughIndex<number>(reads, "d.id") : eb.ref("d.id");
  if (f.investors.length > 0) {
    const investorDeals = eb
      .selectFrom("Participation as p")
      .where("p.organizationId", "in", eb.selectFrom("Organization as o").where("o.slug", "in", f.investors).select("o.id"))
      .select("p.dealId");
    and.push(eb(dealId, "in", investorDeals));
  }
  if (f.recipient) and.push(eb("d.recipientId", "in", eb.selectFrom("Organization as o").where("o.slug", "=", f.recipient).select("o.id")));
  if (f.ids.length > 0) and.push(eb(dealId, "in", f.ids));
  if (f.kinds.length > 0) and.push(eb("d.kind", "in", f.kinds));
  if (f.statuses.length > 0) and.push(eb("d.status", "in", f.statuses));
  if (f.from) and.push(eb("d.announcedOn", ">=", f.from));
  if (f.to) and.push(eb("d.announcedOn", "<=", f.to));
  // Amount bounds apply to the counted amount: the low figure, or the "up to" figure where there is no low one.
  if (f.min !== null) and.push(eb("d.amountUsdKey", ">=", f.min));
  if (f.max !== null) and.push(eb("d.amountUsdKey", "<=", f.max));
  if (f.q) {
    const like = isPostgresReads(reads) ? "ilike" : "like";
    const pattern = `%${f.q}%`;
    if (!f.q.includes(SEARCH_SEPARATOR)) {
      const texts = eb.selectFrom("DealSearch as s").where("s.text", like, pattern);
      const phrase = isPostgresReads(reads) ? null : trigramPhrase(f.q);
      // The index names the candidates and LIKE decides, so the answer is LIKE's whatever the index's folding.
      const matching =
        phrase === null
          ? texts
          : texts.where("s.dealId", "in", sql<number>`(SELECT rowid FROM "DealSearchTrigram" WHERE "DealSearchTrigram" MATCH ${phrase})`);
      and.push(eb(dealId, "in", matching.select("s.dealId")));
    } else {
      // Field by field: the same fields the search text joins.
      const aliased = eb.selectFrom("OrganizationAlias as a").where("a.alias", like, pattern).select("a.organizationId");
      const parties = eb
        .selectFrom("Participation as p")
        .leftJoin("Organization as o", "o.id", "p.organizationId")
        .where((w) => w.or([w("o.name", like, pattern), w("p.partyLabel", like, pattern), w("p.organizationId", "in", aliased)]))
        .select("p.dealId");
      and.push(
        eb.or([
          eb("d.recipientId", "in", eb.selectFrom("Organization as o").where("o.name", like, pattern).select("o.id")),
          eb("d.recipientId", "in", aliased),
          eb("d.round", like, pattern),
          eb("d.summary", like, pattern),
          eb("d.id", "in", parties),
        ]),
      );
    }
  }
  return eb.and(and);
}

/**
 * The /deals filters as a selection of the market's cells (lib/data/raw/market-cells.ts), where the cells can stand
 * for the deals: today, narrowed by nothing but kinds, statuses, a recipient and whole quarters (a from on a quarter's
 * first day, a to on its last), which are keys of the cells. Dates within a quarter, amounts, investors, text and ids
 * are not: null.
 */
export function cellSelection(f: DealFilters): CellSelection | null {
  const beyondCells = f.investors.length > 0 || f.ids.length > 0 || [f.min, f.max, f.q].some((v) => v !== null);
  // A date's quarter where the date is that quarter's first (from) or last (to) day.
  const quarterAt = (date: string | null, end: "first" | "last") =>
    date === null ? null : quarterDays(periodOf(date, "quarter"))[end] === date ? periodOf(date, "quarter") : undefined;
  const [from, to] = [quarterAt(f.from, "first"), quarterAt(f.to, "last")];
  if (f.asOf !== null || beyondCells || from === undefined || to === undefined) return null;
  return {
    kinds: f.kinds.length > 0 ? f.kinds : null,
    statuses: f.statuses.length > 0 ? f.statuses : null,
    recipient: f.recipient,
    quarters: { from, to },
  };
}

/** Expressions over the investors' kept parts aliased `p`. */
const onPart = expressionBuilder<DB & { p: InvestorPartRow }, "p">();

/**
 * The /deals filters but the investors as a condition on the investors' kept parts `p` (InvestorPart: one row per
 * named investor and live deal, with the deal's kind, status, date and recipient), where the parts can stand for the
 * deals: today, with an investor filter and otherwise nothing but kinds, statuses, dates and a recipient, which a part
 * carries. Null where they cannot. The investors' deals are then read as their parts, by their key, without a deal.
 */
export function partFilterCondition(f: DealFilters): Expression<SqlBool> | null {
  if (f.asOf !== null || f.investors.length === 0 || f.ids.length > 0 || [f.min, f.max, f.q].some((v) => v !== null)) return null;
  const and: Expression<SqlBool>[] = [];
  if (f.recipient)
    and.push(onPart("p.recipientId", "in", onPart.selectFrom("Organization as o").where("o.slug", "=", f.recipient).select("o.id")));
  if (f.kinds.length > 0) and.push(onPart("p.kind", "in", f.kinds));
  if (f.statuses.length > 0) and.push(onPart("p.status", "in", f.statuses));
  if (f.from) and.push(onPart("p.announcedOn", ">=", f.from));
  if (f.to) and.push(onPart("p.announcedOn", "<=", f.to));
  return onPart.and(and);
}

/**
 * The /deals filters split at whole quarters, for the figures that add up over deals (a count, the capital counted):
 * the whole quarters between the dates as a selection of the market's cells, and the days of a part quarter at
 * either end as filters of their own, which read only those days' deals (a date's index reads a few weeks, not every
 * deal since `from`). The parts share no deal, so each figure is the sum of its parts'. Null where the cells cannot
 * stand for the other filters (cellSelection), or where no whole quarter lies between the dates (then the deals are
 * few).
 */
export function quarterSplit(f: DealFilters): { cells: CellSelection; days: DealFilters[] } | null {
  const days: DealFilters[] = [];
  let [from, to] = [f.from, f.to];
  if (from !== null && quarterDays(periodOf(from, "quarter")).first !== from) {
    const quarter = periodOf(from, "quarter");
    const last = quarterDays(quarter).last;
    days.push({ ...f, to: to !== null && to < last ? to : last });
    from = quarterDays(periodAfter(quarter, "quarter", 1)).first;
  }
  if (to !== null && quarterDays(periodOf(to, "quarter")).last !== to) {
    const quarter = periodOf(to, "quarter");
    const first = quarterDays(quarter).first;
    if (from !== null && from > first) return null;
    days.push({ ...f, from: first });
    to = quarterDays(periodAfter(quarter, "quarter", -1)).last;
  }
  if (from !== null && to !== null && from > to) return null;
  const cells = cellSelection({ ...f, from, to });
  return cells ? { cells, days } : null;
}

/**
 * q as a phrase of SQLite's trigram index over the search text (the migration `deal_search_trigram`): every text
 * LIKE `%q%` holds q's trigrams in a row, folded as the index folds them, so the phrase's rows include LIKE's. None
 * when the index cannot narrow: q shorter than one trigram, or holding LIKE's wildcards, which a phrase takes
 * literally.
 */
export function trigramPhrase(q: string): string | null {
  if ([...q].length < 3 || /[%_]/.test(q)) return null;
  return `"${q.replaceAll('"', '""')}"`;
}

type DealQuery<DBx extends { d: Deal }, TB extends keyof DBx, O> = SelectQueryBuilder<DBx, TB, O>;

/**
 * The deals' states the /deals filters select (dealsAsOf narrowed by dealFilterCondition), for a query that reads
 * nothing of them but what the filters read and, given `sort`, that order's key: a count, a page's ids. As of a date
 * their events are joined only where those read a reported term (a status, an amount, the amount order), so the
 * deals of a date counted or ordered by date read the Deal table alone.
 */
export function selectedDeals(reads: Reads, f: DealFilters, reading: DealReading = "by-list", sort?: DealFilters["sort"]): DealStates {
  const condition = dealFilterCondition(f, reads, reading);
  const order =
    sort === undefined ? [] : [onDeal.ref(sort === "amount_desc" || sort === "amount_asc" ? "d.amountUsdKey" : "d.announcedOn")];
  return dealsAsOf(reads, f.asOf, [condition, ...order]).where(condition);
}

/** A Kysely query over the deals' states `d` narrowed to the deals the /deals filters select (dealFilterCondition). */
export function applyDealFilters<DBx extends { d: Deal }, TB extends keyof DBx, O>(
  query: DealQuery<DBx, TB, O>,
  f: DealFilters,
  reads: Reads,
  reading: DealReading = "by-list",
): DealQuery<DBx, TB, O> {
  return query.where(dealFilterCondition(f, reads, reading));
}

/**
 * How a page reads the deals that the filters list by id (investors' deals, a text search, ids): "by-list" reads the
 * listed deals and sorts them (the cost grows with the list), "in-order" walks the order's index and tests each deal
 * against the list until the page is full (the cost grows with the deals passed). The same deals either way.
 */
export type DealReading = "by-list" | "in-order";

/**
 * The cheaper reading of a page, from the filters' count and the count of every deal (`all`, asked only when needed):
 * walking passes about (offset + page) × all / count deals, a sort reads count deals, each about five times a step of
 * the walk. At 100,000 deals a page of Google's 6,000 deals took 4-6 ms by list and 0.7-1.7 ms in order, one of an
 * investor's 39 deals 0.1 ms by list and 3-6 ms in order (better-sqlite3, best of 3). As of a date the states' order
 * has no index to walk (the date is the event's), so a walk reads every deal's state: by list (Microsoft's deals as of
 * a date 51 ms by list and 63-66 in order, `q=cloud` 44 and 53), and the count of every deal as of that date (90 ms
 * at 100,000 deals, for each date) is not taken.
 */
export async function pageReading(f: DealFilters, count: number, all: () => Promise<number>): Promise<DealReading> {
  if ((f.investors.length === 0 && f.ids.length === 0 && !f.q) || f.asOf) return "by-list";
  const passed = ((f.page - 1) * f.pageSize + f.pageSize) * (await all());
  return count > 0 && passed < 5 * count * count ? "in-order" : "by-list";
}

/**
 * The rows of `query` in the /deals order, `limit` of them from `offset` (all with a null limit): by date, or by the
 * counted amount with the deals without one last in both directions; the id breaks ties in the same direction. An
 * amount order is read in two parts, the deals with an amount in the amount index's order, then (only when the page
 * runs past them) those without one by id: one ORDER BY on "nulls last" is a CASE that no index serves, and every
 * amount page was a sort of all matching deals (0.7-1.3 s at 100,000).
 */
export async function selectInDealOrder<DBx extends { d: Deal }, TB extends keyof DBx, O>(
  query: DealQuery<DBx, TB, O>,
  sort: DealFilters["sort"],
  offset: number,
  limit: number | null,
): Promise<O[]> {
  const direction = sort === "date_desc" || sort === "amount_desc" ? "desc" : "asc";
  const slice = (q: DealQuery<DBx, TB, O>, from: number, count: number | null) =>
    (count === null ? q : q.limit(count).offset(from)).execute();
  if (sort === "date_desc" || sort === "date_asc")
    return slice(query.orderBy(onDeal.ref("d.announcedOn"), direction).orderBy(onDeal.ref("d.id"), direction), offset, limit);
  const withAmount = query.where(onDeal("d.amountUsdKey", "is not", null));
  const first = await slice(
    withAmount.orderBy(onDeal.ref("d.amountUsdKey"), direction).orderBy(onDeal.ref("d.id"), direction),
    offset,
    limit,
  );
  if (limit !== null && first.length === limit) return first;
  const amountCount =
    limit === null || first.length > 0
      ? offset + first.length
      : (((await withAmount.clearSelect().select(countAll().as("n")).executeTakeFirst()) as { n: number } | undefined)?.n ?? 0);
  const rest = await slice(
    query.where(onDeal("d.amountUsdKey", "is", null)).orderBy(onDeal.ref("d.id"), direction),
    Math.max(0, offset - amountCount),
    limit === null ? null : limit - first.length,
  );
  return [...first, ...rest];
}
