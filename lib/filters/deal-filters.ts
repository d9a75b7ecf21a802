// The filters of /deals, shared by the page, /api/deals, the CSV export and the stats endpoints, so that the same
// URL always means the same deals. Parsing never throws: each bad parameter is dropped (the default applies) and
// reported, so the page can say so and the API can answer 400 naming it.
import { DEAL_KINDS, DEAL_STATUSES, type DealKind, type DealStatus } from "../domain";
import { isIsoDate } from "../validation";
import { AMOUNT_EXAMPLES, parseAmount } from "./amount-input";

export const DEAL_SORTS = ["date_desc", "date_asc", "amount_desc", "amount_asc"] as const;
export type DealSort = (typeof DEAL_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;
const MAX_QUERY_LENGTH = 200;
const MAX_DOLLARS = 10n ** 15n;

export type DealFilters = {
  investors: string[];
  recipient: string | null;
  kinds: DealKind[];
  statuses: DealStatus[];
  from: string | null;
  to: string | null;
  min: bigint | null;
  max: bigint | null;
  q: string | null;
  sort: DealSort;
  page: number;
  pageSize: number;
  /** Show deals as reported on this date (YYYY-MM-DD), rebuilt from their lifecycle events; null is today. */
  asOf: string | null;
};

export const DEFAULT_DEAL_FILTERS: DealFilters = {
  investors: [],
  recipient: null,
  kinds: [],
  statuses: [],
  from: null,
  to: null,
  min: null,
  max: null,
  q: null,
  sort: "date_desc",
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  asOf: null,
};

export type FilterIssue = { param: string; value: string; message: string };
export type ParsedDealFilters = { filters: DealFilters; issues: FilterIssue[] };

/** The parameters this schema reads; others (e.g. `format`) belong to the caller. */
export const DEAL_FILTER_PARAMS = [
  "investor",
  "recipient",
  "kind",
  "status",
  "from",
  "to",
  "min",
  "max",
  "q",
  "sort",
  "page",
  "pageSize",
  "asOf",
] as const;

export type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

/** Every value of one parameter, from a URL or from Next's searchParams object. */
export function allValues(source: ParamSource, name: string): string[] {
  if (source instanceof URLSearchParams) return source.getAll(name);
  const value = source[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function parseDealFilters(source: ParamSource): ParsedDealFilters {
  const issues: FilterIssue[] = [];
  const filters: DealFilters = { ...DEFAULT_DEAL_FILTERS, investors: [], kinds: [], statuses: [] };
  const bad = (param: string, value: string, message: string) => issues.push({ param, value, message });
  // Empty values (an untouched form field) mean "no filter", not an error.
  const values = (name: string) =>
    allValues(source, name)
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter((v) => v !== "");
  const single = (name: string): string | null => {
    const all = values(name);
    if (all.length > 1) bad(name, all.join(","), `${name} takes one value`);
    return all.length === 1 ? all[0] : null;
  };

  for (const slug of values("investor")) {
    if (SLUG.test(slug)) {
      if (!filters.investors.includes(slug)) filters.investors.push(slug);
    } else bad("investor", slug, "investor must be an organization slug such as amazon");
  }
  const recipient = single("recipient");
  if (recipient !== null) {
    if (SLUG.test(recipient)) filters.recipient = recipient;
    else bad("recipient", recipient, "recipient must be an organization slug such as openai");
  }
  for (const kind of values("kind")) {
    if ((DEAL_KINDS as readonly string[]).includes(kind)) {
      if (!filters.kinds.includes(kind as DealKind)) filters.kinds.push(kind as DealKind);
    } else bad("kind", kind, `kind must be one of ${DEAL_KINDS.join(", ")}`);
  }
  for (const status of values("status")) {
    if ((DEAL_STATUSES as readonly string[]).includes(status)) {
      if (!filters.statuses.includes(status as DealStatus)) filters.statuses.push(status as DealStatus);
    } else bad("status", status, `status must be one of ${DEAL_STATUSES.join(", ")}`);
  }
  for (const name of ["from", "to"] as const) {
    const value = single(name);
    if (value === null) continue;
    if (isIsoDate(value)) filters[name] = value;
    else bad(name, value, `${name} must be a date written YYYY-MM-DD`);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    bad("to", filters.to, "to is before from");
    filters.to = null;
  }
  // Amounts are read whole, not split on commas: "1,000,000" is one amount.
  for (const name of ["min", "max"] as const) {
    const all = allValues(source, name)
      .map((v) => v.trim())
      .filter((v) => v !== "");
    if (all.length === 0) continue;
    if (all.length > 1) {
      bad(name, all.join(" "), `${name} takes one value`);
      continue;
    }
    const dollars = parseAmount(all[0]);
    if (dollars !== null && dollars <= MAX_DOLLARS) filters[name] = dollars;
    else bad(name, all[0], `${name} must be an amount in US dollars such as ${AMOUNT_EXAMPLES}, whole dollars, at most ${MAX_DOLLARS}`);
  }
  if (filters.min !== null && filters.max !== null && filters.min > filters.max) {
    bad("max", String(filters.max), "max is below min");
    filters.max = null;
  }
  const q = single("q");
  if (q !== null) {
    if (q.length <= MAX_QUERY_LENGTH) filters.q = q;
    else bad("q", `${q.slice(0, 20)}…`, `q must be at most ${MAX_QUERY_LENGTH} characters`);
  }
  const sort = single("sort");
  if (sort !== null) {
    if ((DEAL_SORTS as readonly string[]).includes(sort)) filters.sort = sort as DealSort;
    else bad("sort", sort, `sort must be one of ${DEAL_SORTS.join(", ")}`);
  }
  const page = single("page");
  if (page !== null) {
    if (/^\d{1,6}$/.test(page) && Number(page) >= 1) filters.page = Number(page);
    else bad("page", page, "page must be a whole number from 1");
  }
  const pageSize = single("pageSize");
  if (pageSize !== null) {
    if (/^\d{1,4}$/.test(pageSize) && Number(pageSize) >= 1 && Number(pageSize) <= MAX_PAGE_SIZE) filters.pageSize = Number(pageSize);
    else bad("pageSize", pageSize, `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  const asOf = single("asOf");
  if (asOf !== null) {
    if (isIsoDate(asOf)) filters.asOf = asOf;
    else bad("asOf", asOf, "asOf must be a date written YYYY-MM-DD");
  }
  return { filters, issues };
}

/** The URL parameters that reproduce these filters (defaults left out), for links, pagination and exports. */
export function dealFiltersToParams(filters: DealFilters, overrides: Partial<DealFilters> = {}): URLSearchParams {
  const f = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const slug of f.investors) params.append("investor", slug);
  if (f.recipient) params.set("recipient", f.recipient);
  for (const kind of f.kinds) params.append("kind", kind);
  for (const status of f.statuses) params.append("status", status);
  if (f.from) params.set("from", f.from);
  if (f.to) params.set("to", f.to);
  if (f.min !== null) params.set("min", f.min.toString());
  if (f.max !== null) params.set("max", f.max.toString());
  if (f.q) params.set("q", f.q);
  if (f.sort !== DEFAULT_DEAL_FILTERS.sort) params.set("sort", f.sort);
  if (f.page !== 1) params.set("page", String(f.page));
  if (f.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(f.pageSize));
  if (f.asOf) params.set("asOf", f.asOf);
  return params;
}

/**
 * Rewrites the amounts read from these parameters ("10B", "1,000,000") as whole dollars, the form the address keeps;
 * true when one was written otherwise, so a page can send the browser to the address that is shared and bookmarked.
 */
export function writeAmountsAsDollars(params: URLSearchParams, filters: DealFilters): boolean {
  let rewritten = false;
  for (const name of ["min", "max"] as const) {
    const dollars = filters[name];
    if (dollars === null || params.get(name) === dollars.toString()) continue;
    params.set(name, dollars.toString());
    rewritten = true;
  }
  return rewritten;
}

/** True when any filter other than sort and paging is set. */
export function hasActiveFilters(f: DealFilters): boolean {
  return (
    f.investors.length + f.kinds.length + f.statuses.length > 0 || [f.recipient, f.from, f.to, f.min, f.max, f.q].some((v) => v !== null)
  );
}
