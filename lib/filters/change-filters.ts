// The URL parameters of /changes and its Atom feed: the /deals filters (investor, recipient, kind, text; status, dates,
// amounts and asOf read on each change) plus `change`, the kinds of change to show.
import { CHANGE_KINDS, type ChangeKind } from "../story/changes";
import {
  allValues,
  DEAL_FILTER_PARAMS,
  dealFiltersToParams,
  parseDealFilters,
  type DealFilters,
  type FilterIssue,
  type ParamSource,
} from "./deal-filters";

export type ChangeView = { filters: DealFilters; changes: ChangeKind[] };

export const CHANGE_VIEW_PARAMS = [...DEAL_FILTER_PARAMS.filter((p) => p !== "sort"), "change"] as const;

export function parseChangeView(source: ParamSource): { view: ChangeView; issues: FilterIssue[] } {
  const { filters, issues } = parseDealFilters(source);
  const changes: ChangeKind[] = [];
  for (const value of allValues(source, "change")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "")) {
    if ((CHANGE_KINDS as readonly string[]).includes(value)) {
      if (!changes.includes(value as ChangeKind)) changes.push(value as ChangeKind);
    } else issues.push({ param: "change", value, message: `change must be one of ${CHANGE_KINDS.join(", ")}` });
  }
  return { view: { filters, changes }, issues };
}

/** The parameters that reproduce a view (defaults left out), for links, paging and the feed's address. */
export function changeViewToParams(view: ChangeView, overrides: Partial<DealFilters> = {}): URLSearchParams {
  const params = dealFiltersToParams({ ...view.filters, sort: "date_desc", ...overrides });
  for (const kind of view.changes) params.append("change", kind);
  return params;
}
