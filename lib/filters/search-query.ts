// The parameters of the site search (/search, GET /api/search): q, the text typed, and limit, how many of each kind
// of result. Parsing never throws: a bad parameter is dropped (the default applies) and reported, so the page can go
// on and the API can answer 400 naming it.
import { readParams, textParam, wholeNumberParam, type FilterIssue, type ParamSource } from "./params";

export const DEFAULT_SEARCH_LIMIT = 8;
export const MAX_SEARCH_LIMIT = 50;
export const searchShape = { q: textParam(200), limit: wholeNumberParam(1, MAX_SEARCH_LIMIT) };
export const SEARCH_PARAMS = Object.keys(searchShape) as (keyof typeof searchShape)[];

export type SearchQuery = { q: string; limit: number };

export function parseSearchQuery(source: ParamSource): { query: SearchQuery; issues: FilterIssue[] } {
  const { values, issues } = readParams(source, searchShape);
  return { query: { q: values.q ?? "", limit: values.limit ?? DEFAULT_SEARCH_LIMIT }, issues };
}
