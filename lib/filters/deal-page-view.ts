// How /deals shows the deals its filters select: as a timeline grouped by month or quarter, or as a table.
// These parameters change the presentation only, never which deals are listed, so /api/deals accepts and ignores them.
import { dealFiltersToParams, type DealFilters, type FilterIssue } from "./deal-filters";
import { oneOfParam, readParams, type ParamSource } from "./params";

export const DEAL_VIEWS = ["timeline", "table"] as const;
export type DealView = (typeof DEAL_VIEWS)[number];
export const TIMELINE_GROUPS = ["month", "quarter"] as const;
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number];

export type DealPageView = { view: DealView; group: TimelineGroup };
export const DEFAULT_DEAL_PAGE_VIEW: DealPageView = { view: "timeline", group: "month" };

export const dealPageViewShape = { view: oneOfParam(DEAL_VIEWS), group: oneOfParam(TIMELINE_GROUPS) };
/** The parameters this module reads, on top of the filters'. */
export const DEAL_PAGE_VIEW_PARAMS = Object.keys(dealPageViewShape) as (keyof typeof dealPageViewShape)[];

/** Lenient like the filters: a bad value falls back to the default and is reported. */
export function parseDealPageView(source: ParamSource): { pageView: DealPageView; issues: FilterIssue[] } {
  const { values, issues } = readParams(source, dealPageViewShape);
  const pageView = { view: values.view ?? DEFAULT_DEAL_PAGE_VIEW.view, group: values.group ?? DEFAULT_DEAL_PAGE_VIEW.group };
  return { pageView, issues };
}

/** A link to /deals showing these filters in this view (defaults left out, so links stay short and stable). */
export function dealsPageHref(
  filters: DealFilters,
  pageView: DealPageView,
  overrides: { filters?: Partial<DealFilters>; pageView?: Partial<DealPageView> } = {},
): string {
  const params = dealFiltersToParams(filters, overrides.filters);
  const view = { ...pageView, ...overrides.pageView };
  if (view.view !== DEFAULT_DEAL_PAGE_VIEW.view) params.set("view", view.view);
  if (view.group !== DEFAULT_DEAL_PAGE_VIEW.group) params.set("group", view.group);
  const query = params.toString();
  return query ? `/deals?${query}` : "/deals";
}
