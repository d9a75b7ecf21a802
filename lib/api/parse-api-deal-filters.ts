// The API reads the same filters as /deals, but strictly: where the page falls back to defaults and says so, the API
// answers 400 naming each bad parameter, including unknown ones (a typo such as `investors=` would otherwise list
// every deal).
import { DEAL_FILTER_PARAMS, parseDealFilters, type DealFilters } from "../filters/deal-filters";
import { DEAL_PAGE_VIEW_PARAMS } from "../filters/deal-page-view";
import { resolveFilterNames } from "../data/filter-names";
import { invalidParameters, unknownParameters } from "./responses";

// The page's presentation parameters are accepted and ignored, so that any /deals URL works on /api/deals as it is.
const KNOWN = [...DEAL_FILTER_PARAMS, ...DEAL_PAGE_VIEW_PARAMS];

export async function parseApiDealFilters(
  request: Request,
): Promise<{ filters: DealFilters; error: null } | { filters: null; error: Response }> {
  const { params, issues: nameIssues } = await resolveFilterNames(new URL(request.url).searchParams);
  const { filters, issues: filterIssues } = parseDealFilters(params);
  const issues = [...nameIssues, ...filterIssues];
  const unknown = unknownParameters(params, KNOWN, DEAL_FILTER_PARAMS);
  const all = [...issues, ...unknown];
  return all.length > 0 ? { filters: null, error: invalidParameters(all) } : { filters, error: null };
}
