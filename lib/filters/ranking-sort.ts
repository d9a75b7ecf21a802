// The order of the /investors and /companies rankings: `?sort=<column>` or `?sort=<column>_desc`, set by a link in each
// column's header, so a table sorts without JavaScript and the order is in the address. The rank stays each row's place
// in the whole ranking, whatever the order shown.
import type { FilterIssue } from "./deal-filters";

export const RANKING_COLUMNS = ["rank", "name", "type", "country", "capital", "counted", "deals"] as const;
export type RankingColumn = (typeof RANKING_COLUMNS)[number];
export type RankingSort = { column: RankingColumn; descending: boolean };
export const DEFAULT_RANKING_SORT: RankingSort = { column: "rank", descending: false };

/** Figures read largest first on a first click; words and the rank read from the top. */
const DESCENDING_FIRST: readonly RankingColumn[] = ["capital", "counted", "deals"];

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseRankingSort(source: ParamSource): { sort: RankingSort; issues: FilterIssue[] } {
  const raw = (source instanceof URLSearchParams ? source.getAll("sort") : [source.sort ?? []].flat())
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (raw.length === 0) return { sort: DEFAULT_RANKING_SORT, issues: [] };
  const value = raw[0];
  const column = value.replace(/_desc$/, "");
  if (raw.length > 1 || !(RANKING_COLUMNS as readonly string[]).includes(column)) {
    const message = `sort must be one of ${RANKING_COLUMNS.join(", ")}, each optionally followed by _desc`;
    return { sort: DEFAULT_RANKING_SORT, issues: [{ param: "sort", value: raw.join(","), message }] };
  }
  return { sort: { column: column as RankingColumn, descending: value.endsWith("_desc") }, issues: [] };
}

export function rankingSortParam(sort: RankingSort): string | null {
  if (sort.column === DEFAULT_RANKING_SORT.column && sort.descending === DEFAULT_RANKING_SORT.descending) return null;
  return sort.descending ? `${sort.column}_desc` : sort.column;
}

/** The sort a column's header link sets: the other direction when the table is sorted by it, else its first one. */
export function nextRankingSort(current: RankingSort, column: RankingColumn): RankingSort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: DESCENDING_FIRST.includes(column) };
}

export type SortableRankingRow = {
  rank: number;
  name: string;
  type: string;
  country: string | null;
  capital: bigint;
  countedDeals: number;
  deals: number;
};

function compareBy(column: RankingColumn, a: SortableRankingRow, b: SortableRankingRow): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  switch (column) {
    case "rank":
      return a.rank - b.rank;
    case "name":
      return text(a.name.toLowerCase(), b.name.toLowerCase());
    case "type":
      return text(a.type, b.type);
    case "country":
      return text(a.country ?? "", b.country ?? "");
    case "capital":
      return a.capital < b.capital ? -1 : a.capital > b.capital ? 1 : 0;
    case "counted":
      return a.countedDeals - b.countedDeals;
    case "deals":
      return a.deals - b.deals;
  }
}

/** The rows in this order; ties keep the ranking's order (by rank), in either direction. */
export function sortRanking<T extends SortableRankingRow>(rows: readonly T[], sort: RankingSort): T[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * compareBy(sort.column, a, b) || a.rank - b.rank);
}

/** The address of a ranking page with its search, this order and the view's date. */
export function rankingHref(
  path: string,
  filters: { q: string | null; type: string | null },
  sort: RankingSort,
  asOf: string | null,
): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.type) params.set("type", filters.type);
  const sortParam = rankingSortParam(sort);
  if (sortParam) params.set("sort", sortParam);
  if (asOf) params.set("asOf", asOf);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
