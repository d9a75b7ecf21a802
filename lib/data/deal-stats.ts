// The headline figures of a filtered set of deals: how many match, and the capital counted among them.
import "server-only";
import { getDb } from "../db";
import { hasActiveFilters, type DealFilters } from "../filters/deal-filters";
import { addCapital, DEFAULT_RULE, type CapitalSummary } from "../measures/capital";
import type { InvestorCapital } from "../measures/investor-capital";
import { dealFilterCondition, partFilterCondition, quarterSplit } from "./deal-where";
import { countDeals } from "./deals";
import { countSum, moneySum, readsOf, toMoney } from "./kysely";
import { investorsCapitalAmong } from "./investor-parts";
import { selectedCells, type Cells } from "./raw/market-cells";
import { countedCells } from "./raw/overview-figures";
import { viewDeals } from "./raw/view-deals";
import { cachedView, viewKey } from "./view-cache";

export type DealStats = {
  /** Every deal the filters select, of any kind and status (the same count as the /deals list). */
  dealCount: number;
  /**
   * Capital counted (lib/measures) over those deals: equity and convertible, announced or closed, at their whole
   * amounts (with an investor filter: the total of the rounds the investors joined).
   */
  capital: CapitalSummary;
  /** With an investor filter, the investors' attributed parts of the same counted deals; null without one. */
  attributed: InvestorCapital | null;
};

/** Cached per data version and filters (paging and order do not change the figures). */
export function getDealStats(filters: DealFilters): Promise<DealStats> {
  const selecting = { ...filters, page: 1, pageSize: 0, sort: null };
  return cachedView(viewKey("deal-stats", selecting), () => computeDealStats(filters));
}

/**
 * Counted in the database rather than by loading every matching deal: the same rule as capitalCounted (counted kinds
 * and statuses, the amount key: low, else "up to"; undisclosed where there is none; upper bound where only the high
 * figure is known), summed over what the writers keep where it can stand for the filters (the market's cells, the
 * investors' parts), else over the deals' states the filters select (today, or as of their date). Tests compare each
 * with the measure over the deals.
 */
async function computeDealStats(filters: DealFilters): Promise<DealStats> {
  const db = await getDb();
  const [dealCount, figures] = await Promise.all([
    countDeals(filters),
    filters.investors.length > 0
      ? investorsFigures(db, filters)
      : capitalInSql(db, filters).then((capital) => ({ capital, attributed: null })),
  ]);
  return { dealCount, ...figures };
}

/**
 * With an investor filter, both figures from the filter's investors' parts of the counted deals the filters select
 * (lib/data/investor-parts.ts: today the rows the writers keep): their attributed parts, and the whole amounts of
 * those deals (the rounds joined), so that no request splits its deals among their investors again (0.1-0.9 s of SQL
 * for a large investor at 100,000 deals) or reads the deals once more for their amounts. The investors' deals are named
 * by their parts (partsOfInvestors), so the condition passed on is the other filters': on the parts where they can
 * stand for the filters (partFilterCondition), else on the deals.
 */
async function investorsFigures(
  db: Awaited<ReturnType<typeof getDb>>,
  filters: DealFilters,
): Promise<{ capital: CapitalSummary; attributed: InvestorCapital }> {
  const reads = readsOf(db);
  const investors = await reads
    .selectFrom("Organization")
    .where("slug", "in", filters.investors)
    .where("deletedAt", "is", null)
    .select("id")
    .execute();
  const onParts = partFilterCondition(filters);
  const { attributed, roundsJoined } = await investorsCapitalAmong(
    reads,
    filters.asOf,
    investors.map((o) => o.id),
    onParts ? { parts: onParts } : { deals: dealFilterCondition({ ...filters, investors: [] }, reads) },
  );
  return { capital: roundsJoined, attributed };
}

/**
 * capitalCounted over the deals the filters select, summed by the database (sums read as exact text): over the
 * market's cells in the whole quarters where they can stand for the filters (today, by kind, status and recipient:
 * quarterSplit) plus the deals of a part quarter at either end, else over the deals the filters select (viewDeals: as
 * of a date without filters, the deals then).
 */
async function capitalInSql(db: Awaited<ReturnType<typeof getDb>>, filters: DealFilters): Promise<CapitalSummary> {
  const reads = readsOf(db);
  const ofDeals = (f: DealFilters) =>
    capitalCountedSql(viewDeals(reads, { asOf: f.asOf, condition: hasActiveFilters(f) ? dealFilterCondition(f, reads) : null }).cells);
  const split = quarterSplit(filters);
  if (!split) return ofDeals(filters);
  return addCapital(await Promise.all([capitalCountedSql(selectedCells(reads, split.cells)), ...split.days.map(ofDeals)]));
}

/**
 * capitalCounted over some deals' cells (lib/data/raw/market-cells.ts: the market's cells, or deals' states read as
 * cells, dealCells): the /deals headline figures, a company's funding, the methodology's example. The counting rule
 * narrows the rows in WHERE rather than in a CASE around each sum, so that the sums read only the counted deals and
 * the rule is tested once a row, not once a sum (the whole market's figures took 66 ms with four CASEs against 25 ms
 * so, in better-sqlite3 at 100,000 deals).
 */
export async function capitalCountedSql(cells: Pick<Cells, "periods">): Promise<CapitalSummary> {
  const row = await cells
    .periods(countedCells(DEFAULT_RULE))
    .select((eb) => [
      moneySum(eb.ref("c.amount")).as("total"),
      countSum(eb.ref("c.deals")).as("deals"),
      countSum(eb.ref("c.undisclosed")).as("undisclosed"),
      moneySum(eb.ref("c.upperBound")).as("upper"),
    ])
    .executeTakeFirst();
  return {
    total: toMoney(row?.total),
    dealCount: row?.deals ?? 0,
    undisclosedCount: row?.undisclosed ?? 0,
    upperBoundTotal: toMoney(row?.upper),
  };
}
