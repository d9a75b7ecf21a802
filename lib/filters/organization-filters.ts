// The search of /investors, /companies and /api/organizations: free text and organization type. Parsing never throws:
// a bad parameter is dropped (no filter applies) and reported, so a page can say so and the API can answer 400.
import { ORGANIZATION_TYPES, type OrganizationType } from "../domain";
import type { FilterIssue } from "./deal-filters";

export type OrganizationFilters = { q: string | null; type: OrganizationType | null };
export type ParsedOrganizationFilters = { filters: OrganizationFilters; issues: FilterIssue[] };

export const ORGANIZATION_FILTER_PARAMS = ["q", "type"] as const;
const MAX_QUERY_LENGTH = 100;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(source: ParamSource, name: string): string[] {
  const raw = source instanceof URLSearchParams ? source.getAll(name) : [source[name] ?? []].flat();
  // An untouched form field sends an empty value: that means "no filter", not an error.
  return raw.map((v) => v.trim()).filter((v) => v !== "");
}

export function parseOrganizationFilters(source: ParamSource): ParsedOrganizationFilters {
  const issues: FilterIssue[] = [];
  const filters: OrganizationFilters = { q: null, type: null };
  const q = valuesOf(source, "q");
  if (q.length > 1) issues.push({ param: "q", value: q.join(","), message: "q takes one value" });
  else if (q.length === 1) {
    if (q[0].length <= MAX_QUERY_LENGTH) filters.q = q[0];
    else issues.push({ param: "q", value: `${q[0].slice(0, 20)}…`, message: `q must be at most ${MAX_QUERY_LENGTH} characters` });
  }
  const type = valuesOf(source, "type");
  if (type.length > 1) issues.push({ param: "type", value: type.join(","), message: "type takes one value" });
  else if (type.length === 1) {
    if ((ORGANIZATION_TYPES as readonly string[]).includes(type[0])) filters.type = type[0] as OrganizationType;
    else issues.push({ param: "type", value: type[0], message: `type must be one of ${ORGANIZATION_TYPES.join(", ")}` });
  }
  return { filters, issues };
}

/** True when a search or a type narrows the list. */
export function hasOrganizationFilters(filters: OrganizationFilters): boolean {
  return filters.q !== null || filters.type !== null;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** A path segment that could be an organization slug; anything else is not looked up. */
export function isOrganizationSlug(value: string): boolean {
  return SLUG.test(value);
}
