// The headline figures of a filtered set of deals: how many match, and the capital counted among them.
import "server-only";
import { getDb } from "../db";
import type { DealFilters } from "../filters/deal-filters";
import { CAPITAL_KINDS, capitalCounted, COUNTED_STATUSES, DEFAULT_RULE, type CapitalSummary } from "../measures/capital";
import { dealWhere, resolvedDealWhere } from "./deal-where";
import { countDeals, filterSql } from "./deals";
import { bulkReaderOf } from "./raw/bulk-reader";
import { countedWhere } from "./raw/overview-figures";
import { asOfScope, loadMeasureDeals } from "./measure-deals";
import { cachedView, viewKey } from "./view-cache";

export type DealStats = {
  /** Every deal the filters select, of any kind and status (the same count as the /deals list). */
  dealCount: number;
  /** Capital counted (lib/measures) over those deals: equity and convertible, announced or closed. */
  capital: CapitalSummary;
};

/** Cached per data version and filters (paging and order do not change the figures). */
export function getDealStats(filters: DealFilters): Promise<DealStats> {
  const selecting = { ...filters, page: 1, pageSize: 0, sort: null };
  return cachedView(viewKey("deal-stats", selecting), () => computeDealStats(filters));
}

async function computeDealStats(filters: DealFilters): Promise<DealStats> {
  const db = await getDb();
  const where = dealWhere(filters);
  if (filters.asOf) {
    // As of a date, statuses and amounts are those rebuilt from the events: the measure runs on the rebuilt deals.
    const deals = await loadMeasureDeals(db, where, asOfScope(filters));
    return { dealCount: deals.length, capital: capitalCounted(deals) };
  }
  // Today, counted in the database rather than by loading every matching deal: the same rule as capitalCounted
  // (counted kinds and statuses, the amount key: low, else "up to"; undisclosed where there is none; upper bound where
  // only the high figure is known). A test checks that the two agree.
  const [dealCount, inSql] = await Promise.all([countDeals(filters), capitalInSql(db, filters)]);
  if (inSql) return { dealCount, capital: inSql };
  const resolved = await resolvedDealWhere(db, filters);
  const counted = { AND: [resolved, { kind: { in: [...CAPITAL_KINDS] }, status: { in: [...COUNTED_STATUSES] } }] };
  // Through Prisma only for what filterSql does not write (a q holding the search separator).
  const [total, undisclosedCount, upperBound] = await Promise.all([
    db.deal.aggregate({ where: counted, _sum: { amountUsdKey: true }, _count: { _all: true } }),
    db.deal.count({ where: { AND: [counted, { amountUsdKey: null }] } }),
    db.deal.aggregate({ where: { AND: [counted, { amountUsdLow: null }] }, _sum: { amountUsdKey: true } }),
  ]);
  return {
    dealCount,
    capital: {
      total: total._sum.amountUsdKey ?? 0n,
      dealCount: total._count._all,
      undisclosedCount,
      upperBoundTotal: upperBound._sum.amountUsdKey ?? 0n,
    },
  };
}

/**
 * The same figures in one SQL pass over the matching deals (lib/data/deals.ts `filterSql`), where Prisma took three
 * (each an EXISTS per deal for an investor filter, a join of the search text per deal for q). Sums cast to TEXT, so no
 * driver rounds them. Null when filterSql cannot say the filters (as of a date).
 */
async function capitalInSql(db: Awaited<ReturnType<typeof getDb>>, filters: DealFilters): Promise<CapitalSummary | null> {
  const sql = await filterSql(db, filters);
  if (sql === null) return null;
  if (sql === "none") return { total: 0n, dealCount: 0, undisclosedCount: 0, upperBoundTotal: 0n };
  // The counted rule as the other SQL figures write it (its placeholders come before the filters', once per use).
  const { sql: counted, params: countedParams } = countedWhere(DEFAULT_RULE, "d");
  const [row] = await bulkReaderOf(db).all<{ total: string | null; deals: number | string; undisclosed: number | string; upper: string | null }>(
    `SELECT CAST(SUM(CASE WHEN ${counted} THEN d."amountUsdKey" END) AS TEXT) AS "total",
            COUNT(CASE WHEN ${counted} THEN 1 END) AS "deals",
            COUNT(CASE WHEN ${counted} AND d."amountUsdKey" IS NULL THEN 1 END) AS "undisclosed",
            CAST(SUM(CASE WHEN ${counted} AND d."amountUsdLow" IS NULL THEN d."amountUsdKey" END) AS TEXT) AS "upper"
       ${sql.from}`,
    [...countedParams, ...countedParams, ...countedParams, ...countedParams, ...sql.params],
  );
  return {
    total: BigInt(row?.total ?? 0),
    dealCount: Number(row?.deals ?? 0),
    undisclosedCount: Number(row?.undisclosed ?? 0),
    upperBoundTotal: BigInt(row?.upper ?? 0),
  };
}
