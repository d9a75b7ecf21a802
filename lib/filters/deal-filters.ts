// The filters of /deals, shared by the page, /api/deals, the CSV export, the feeds, the embeds and the analysis views,
// so that the same URL always means the same deals: one zod schema, `dealFilterSchema`, a field for each parameter
// (lib/filters/params.ts defines each kind once). Parsing never throws: each bad parameter is dropped (the default
// applies) and reported, so the page can say so and the API can answer 400 naming it.
import { z } from "zod";
import { DEAL_KINDS, DEAL_STATUSES, type DealKind, type DealStatus } from "../domain";
import {
  amountParam,
  dateParam,
  oneOfParam,
  readParams,
  slugParam,
  textParam,
  wholeNumberParam,
  type FilterIssue,
  type ParamSource,
} from "./params";

export { allValues, type FilterIssue, type ParamSource } from "./params";

export const DEAL_SORTS = ["date_desc", "date_asc", "amount_desc", "amount_asc"] as const;
export type DealSort = (typeof DEAL_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;
const MAX_QUERY_LENGTH = 200;
/**
 * How many deal ids `ids` takes: enough for every leg of a loop listed one link away (a few dozen in the data, a few
 * hundred in a large synthetic database), short enough that the address stays under the servers' header limits.
 */
export const MAX_DEAL_IDS = 500;
const MAX_DEAL_ID = 999_999_999;

/**
 * The /deals parameters, in the order their issues are reported; others (e.g. `format`) belong to the caller. Read
 * through `readParams` (parseDealFilters), which applies each field to its parameter's values and drops a bad one alone.
 */
export const dealFilterSchema = z.object({
  investor: z.array(slugParam("amazon")),
  recipient: slugParam("openai"),
  kind: z.array(oneOfParam(DEAL_KINDS)),
  status: z.array(oneOfParam(DEAL_STATUSES)),
  from: dateParam,
  to: dateParam,
  min: amountParam,
  max: amountParam,
  q: textParam(MAX_QUERY_LENGTH),
  /** Exactly these deals (a loop's legs, linked from /analysis): ids, repeated or separated by commas. */
  ids: z.array(wholeNumberParam(1, MAX_DEAL_ID, "from 1, a deal id")),
  sort: oneOfParam(DEAL_SORTS),
  page: wholeNumberParam(1, 999_999, "from 1"),
  pageSize: wholeNumberParam(1, MAX_PAGE_SIZE),
  /** As reported on this date; null is today. */
  asOf: dateParam,
});

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
  /** Only these deals (at most MAX_DEAL_IDS); empty is every deal. */
  ids: number[];
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
  ids: [],
  sort: "date_desc",
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  asOf: null,
};

export type ParsedDealFilters = { filters: DealFilters; issues: FilterIssue[] };

/** The parameters `dealFilterSchema` reads. */
export const DEAL_FILTER_PARAMS = dealFilterSchema.keyof().options;

export function parseDealFilters(source: ParamSource): ParsedDealFilters {
  const { values: v, issues } = readParams(source, dealFilterSchema.shape);
  const filters: DealFilters = {
    investors: v.investor,
    recipient: v.recipient,
    kinds: v.kind,
    statuses: v.status,
    from: v.from,
    to: v.to,
    min: v.min,
    max: v.max,
    q: v.q,
    ids: v.ids,
    sort: v.sort ?? DEFAULT_DEAL_FILTERS.sort,
    page: v.page ?? DEFAULT_DEAL_FILTERS.page,
    pageSize: v.pageSize ?? DEFAULT_DEAL_FILTERS.pageSize,
    asOf: v.asOf,
  };
  // The bounds checked against each other: the later one is dropped, reported where the schema reports its own.
  const bound = (param: "to" | "max" | "ids", value: string, message: string) => {
    const at = issues.findLastIndex((i) => (DEAL_FILTER_PARAMS as readonly string[]).indexOf(i.param) <= DEAL_FILTER_PARAMS.indexOf(param));
    issues.splice(at + 1, 0, { param, value, message });
  };
  if (filters.from && filters.to && filters.from > filters.to) {
    bound("to", filters.to, "to is before from");
    filters.to = null;
  }
  if (filters.min !== null && filters.max !== null && filters.min > filters.max) {
    bound("max", String(filters.max), "max is below min");
    filters.max = null;
  }
  // A list longer than the bound is dropped whole: a part of it would silently be other deals than those asked for.
  if (filters.ids.length > MAX_DEAL_IDS) {
    bound("ids", filters.ids.join(","), `ids takes at most ${MAX_DEAL_IDS} deal ids, ${filters.ids.length} were given`);
    filters.ids = [];
  }
  return { filters, issues };
}

/** The `asOf` parameter alone, for the pages and routes that take no other filter (null when absent or bad). */
export function parseAsOf(source: ParamSource): { asOf: string | null; issues: FilterIssue[] } {
  const { values, issues } = readParams(source, { asOf: dealFilterSchema.shape.asOf });
  return { asOf: values.asOf, issues };
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
  if (f.ids.length > 0) params.set("ids", f.ids.join(","));
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
    f.investors.length + f.kinds.length + f.statuses.length + f.ids.length > 0 ||
    [f.recipient, f.from, f.to, f.min, f.max, f.q].some((v) => v !== null)
  );
}
