// The search of /investors, /companies and /api/organizations: free text and organization type. Parsing never throws:
// a bad parameter is dropped (no filter applies) and reported, so a page can say so and the API can answer 400.
import { ORGANIZATION_TYPES, type OrganizationType } from "../domain";
import { oneOfParam, readParams, SLUG_PATTERN, textParam, type FilterIssue, type ParamSource } from "./params";

export type OrganizationFilters = { q: string | null; type: OrganizationType | null };
export type ParsedOrganizationFilters = { filters: OrganizationFilters; issues: FilterIssue[] };

export const organizationFilterShape = { q: textParam(100), type: oneOfParam(ORGANIZATION_TYPES) };
export const ORGANIZATION_FILTER_PARAMS = Object.keys(organizationFilterShape) as (keyof typeof organizationFilterShape)[];

export function parseOrganizationFilters(source: ParamSource): ParsedOrganizationFilters {
  const { values, issues } = readParams(source, organizationFilterShape);
  return { filters: values, issues };
}

/** True when a search or a type narrows the list. */
export function hasOrganizationFilters(filters: OrganizationFilters): boolean {
  return filters.q !== null || filters.type !== null;
}

/** A path segment that could be an organization slug; anything else is not looked up. */
export function isOrganizationSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}
