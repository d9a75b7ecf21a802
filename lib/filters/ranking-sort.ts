// The order of a sortable table: `?<param>=<column>` or `?<param>=<column>_desc`, set by a link in each column's
// header, so a table sorts without JavaScript and the order is in the address. The /investors and /companies rankings
// use `sort`; an organization page, which has several tables, one parameter per table (`recipientsSort`, ...). The
// rank stays each row's place in the whole ranking, whatever the order shown, and ties keep the ranking's order.
import { z } from "zod";
import { readParams, wholeNumberParam, type FilterIssue, type ParamSource } from "./params";

export type TableSort<C extends string> = { column: C; descending: boolean };

/** A table's sortable columns, its default order, the columns that read largest first on a first click. */
export type TableSortSpec<C extends string> = {
  param: string;
  columns: readonly C[];
  defaultSort: TableSort<C>;
  descendingFirst: readonly C[];
};

/** A table's sort parameter as a field schema: a column, optionally followed by _desc. */
export function tableSortField<C extends string>(spec: TableSortSpec<C>) {
  return z.string().transform((value, ctx): TableSort<C> => {
    const column = value.replace(/_desc$/, "");
    if ((spec.columns as readonly string[]).includes(column)) return { column: column as C, descending: value.endsWith("_desc") };
    ctx.issues.push({
      code: "custom",
      input: value,
      message: `must be one of ${spec.columns.join(", ")}, each optionally followed by _desc`,
    });
    return z.NEVER;
  });
}

export function parseTableSort<C extends string>(
  spec: TableSortSpec<C>,
  source: ParamSource,
): { sort: TableSort<C>; issues: FilterIssue[] } {
  const { values, issues } = readParams(source, { [spec.param]: tableSortField(spec) });
  return { sort: values[spec.param] ?? spec.defaultSort, issues };
}

/** The parameter's value for this order; null for the default order, which the address leaves out. */
export function tableSortParam<C extends string>(spec: TableSortSpec<C>, sort: TableSort<C>): string | null {
  if (sort.column === spec.defaultSort.column && sort.descending === spec.defaultSort.descending) return null;
  return sort.descending ? `${sort.column}_desc` : sort.column;
}

/** The sort a column's header link sets: the other direction when the table is sorted by it, else its first one. */
export function nextTableSort<C extends string>(spec: TableSortSpec<C>, current: TableSort<C>, column: C): TableSort<C> {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: spec.descendingFirst.includes(column) };
}

/** A column header's aria-sort: the direction when the table is sorted by this column, else null. */
export function sortedAs<C extends string>(sort: TableSort<C>, column: C): "ascending" | "descending" | null {
  return sort.column === column ? (sort.descending ? "descending" : "ascending") : null;
}

/** Compares by text (case-insensitively), number, or exact BigInt amount; null (no figure) first. */
export function compareValues(a: string | number | bigint | null, b: string | number | bigint | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const x = typeof a === "string" ? a.toLowerCase() : a;
  const y = typeof b === "string" ? (b as string).toLowerCase() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The rows in this order, by each row's value in the column; ties keep the rows' given order, in either direction. */
export function sortTable<T, C extends string>(
  rows: readonly T[],
  sort: TableSort<C>,
  value: (row: T, column: C) => string | number | bigint | null,
): T[] {
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compareValues(value(a.row, sort.column), value(b.row, sort.column)) || a.index - b.index)
    .map(({ row }) => row);
}

/** The address of the current page with one table's order changed, its other parameters kept. */
export function tableSortHref<C extends string>(path: string, search: ParamSource, spec: TableSortSpec<C>, sort: TableSort<C>): string {
  const params = new URLSearchParams();
  if (search instanceof URLSearchParams) for (const [name, value] of search) params.append(name, value);
  else for (const [name, value] of Object.entries(search)) for (const v of [value ?? []].flat()) params.append(name, v);
  params.delete(spec.param);
  const value = tableSortParam(spec, sort);
  if (value) params.set(spec.param, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export const RANKING_COLUMNS = ["rank", "name", "type", "country", "capital", "counted", "deals"] as const;
export type RankingColumn = (typeof RANKING_COLUMNS)[number];
export type RankingSort = TableSort<RankingColumn>;
export const DEFAULT_RANKING_SORT: RankingSort = { column: "rank", descending: false };

/** Figures read largest first on a first click; words and the rank read from the top. */
const RANKING_SORT: TableSortSpec<RankingColumn> = {
  param: "sort",
  columns: RANKING_COLUMNS,
  defaultSort: DEFAULT_RANKING_SORT,
  descendingFirst: ["capital", "counted", "deals"],
};

export function parseRankingSort(source: ParamSource): { sort: RankingSort; issues: FilterIssue[] } {
  return parseTableSort(RANKING_SORT, source);
}

export function rankingSortParam(sort: RankingSort): string | null {
  return tableSortParam(RANKING_SORT, sort);
}

export function nextRankingSort(current: RankingSort, column: RankingColumn): RankingSort {
  return nextTableSort(RANKING_SORT, current, column);
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

function rankingValue(row: SortableRankingRow, column: RankingColumn): string | number | bigint | null {
  switch (column) {
    case "rank":
      return row.rank;
    case "name":
      return row.name;
    case "type":
      return row.type;
    case "country":
      return row.country;
    case "capital":
      return row.capital;
    case "counted":
      return row.countedDeals;
    case "deals":
      return row.deals;
  }
}

/** The rows in this order; ties keep the ranking's order (by rank), in either direction. */
export function sortRanking<T extends SortableRankingRow>(rows: readonly T[], sort: RankingSort): T[] {
  return sortTable(
    [...rows].sort((a, b) => a.rank - b.rank),
    sort,
    rankingValue,
  );
}

/**
 * Rows per page of a ranking: at 100,000 deals /companies ranks about 2,600 organizations, and one page of them all
 * was megabytes of HTML; a page of 100 was still 185 kB (each row twice, in the HTML and in React's payload), over the
 * 100 kB every page keeps to.
 */
export const RANKING_PAGE_SIZE = 50;

/** The `page` parameter of a ranking (1 when absent). */
export function parseRankingPage(source: ParamSource): { page: number; issues: FilterIssue[] } {
  const { values, issues } = readParams(source, { page: wholeNumberParam(1, 1_000_000) });
  return { page: values.page ?? 1, issues };
}

/**
 * One page of the ranking in this order: the rows, where they start, and how many pages there are. A page past the
 * last shows the last, and says so.
 */
export function rankingPage<T extends SortableRankingRow>(
  rows: readonly T[],
  sort: RankingSort,
  page: number,
): { rows: T[]; page: number; pageCount: number; first: number; issues: FilterIssue[] } {
  const pageCount = Math.max(1, Math.ceil(rows.length / RANKING_PAGE_SIZE));
  const shown = Math.min(page, pageCount);
  const issues =
    shown === page ? [] : [{ param: "page", value: String(page), message: `must be from 1 to ${pageCount}; the last page is shown` }];
  const start = (shown - 1) * RANKING_PAGE_SIZE;
  return { rows: sortRanking(rows, sort).slice(start, start + RANKING_PAGE_SIZE), page: shown, pageCount, first: start + 1, issues };
}

/** The address of a ranking page with its search, this order, the view's date and the page (left out when 1). */
export function rankingHref(
  path: string,
  filters: { q: string | null; type: string | null },
  sort: RankingSort,
  asOf: string | null,
  page = 1,
): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.type) params.set("type", filters.type);
  const sortParam = rankingSortParam(sort);
  if (sortParam) params.set("sort", sortParam);
  if (asOf) params.set("asOf", asOf);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
