// The URL parameters of /changes and its Atom feed: the /deals filters (investor, recipient, kind, text; status, dates,
// amounts and asOf read on each change) plus `change`, the kinds of change to show.
import { z } from "zod";
import { CHANGE_KINDS, type ChangeKind } from "../story/changes";
import { DEAL_FILTER_PARAMS, dealFiltersToParams, parseDealFilters, type DealFilters, type FilterIssue } from "./deal-filters";
import { oneOfParam, readParams, type ParamSource } from "./params";

export type ChangeView = { filters: DealFilters; changes: ChangeKind[] };

export const CHANGE_VIEW_PARAMS = [...DEAL_FILTER_PARAMS.filter((p) => p !== "sort"), "change"] as const;
export const changeShape = { change: z.array(oneOfParam(CHANGE_KINDS)) };

export function parseChangeView(source: ParamSource): { view: ChangeView; issues: FilterIssue[] } {
  const { filters, issues } = parseDealFilters(source);
  const { values, issues: changeIssues } = readParams(source, changeShape);
  return { view: { filters, changes: values.change }, issues: [...issues, ...changeIssues] };
}

/** The parameters that reproduce a view (defaults left out), for links, paging and the feed's address. */
export function changeViewToParams(view: ChangeView, overrides: Partial<DealFilters> = {}): URLSearchParams {
  const params = dealFiltersToParams({ ...view.filters, sort: "date_desc", ...overrides });
  for (const kind of view.changes) params.append("change", kind);
  return params;
}
