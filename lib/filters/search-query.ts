// The parameters of the site search (/search, GET /api/search): q, the text typed, and limit, how many of each kind
// of result. Parsing never throws: a bad parameter is dropped (the default applies) and reported, so the page can go
// on and the API can answer 400 naming it.
import type { FilterIssue } from "./deal-filters";

export const SEARCH_PARAMS = ["q", "limit"] as const;
export const DEFAULT_SEARCH_LIMIT = 8;
export const MAX_SEARCH_LIMIT = 50;
const MAX_QUERY_LENGTH = 200;

export type SearchQuery = { q: string; limit: number };
type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(source: ParamSource, name: string): string[] {
  return source instanceof URLSearchParams ? source.getAll(name) : [source[name] ?? []].flat();
}

export function parseSearchQuery(source: ParamSource): { query: SearchQuery; issues: FilterIssue[] } {
  const issues: FilterIssue[] = [];
  const query: SearchQuery = { q: "", limit: DEFAULT_SEARCH_LIMIT };
  const q = valuesOf(source, "q");
  if (q.length > 1) issues.push({ param: "q", value: q.join(","), message: "q takes one value" });
  else if (q.length === 1) {
    if (q[0].length <= MAX_QUERY_LENGTH) query.q = q[0].trim();
    else issues.push({ param: "q", value: `${q[0].slice(0, 20)}…`, message: `q must be at most ${MAX_QUERY_LENGTH} characters` });
  }
  const limit = valuesOf(source, "limit").filter((v) => v.trim() !== "");
  if (limit.length > 1) issues.push({ param: "limit", value: limit.join(","), message: "limit takes one value" });
  else if (limit.length === 1) {
    const value = limit[0].trim();
    if (/^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_SEARCH_LIMIT) query.limit = Number(value);
    else issues.push({ param: "limit", value, message: `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}` });
  }
  return { query, issues };
}
