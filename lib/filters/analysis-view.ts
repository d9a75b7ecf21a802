// The URL parameters of /analysis and its /api/stats endpoints: the /deals filters plus the view's own (grain, side,
// what is counted, the pipeline switch, excluded organizations). Lenient like the /deals filters: a bad value falls
// back to its default and is reported, so the page can say so and the API can answer 400 naming it.
import { z } from "zod";
import { DEAL_KINDS, KIND_LABELS, type DealKind } from "../domain";
import { CAPITAL_KINDS, type CountingRule, type Grain } from "../measures/capital";
import type { Side } from "../measures/concentration";
import { DEFAULT_DEAL_FILTERS, dealFiltersToParams, parseDealFilters, type DealFilters, type FilterIssue } from "./deal-filters";
import { grainParam, oneOfParam, readParams, slugParam, wholeNumberParam, type ParamSource } from "./params";

/**
 * The sections of /analysis that have a page of their own, by the last segment of their address (/analysis/flows).
 * Each is rendered per request with a query, and at its bare address once per data version (proxy.ts).
 */
export const ANALYSIS_SECTIONS = ["top-shares", "flows", "circular-flows", "loops", "network", "kinds"] as const;
export type AnalysisSection = (typeof ANALYSIS_SECTIONS)[number];

export function isAnalysisSection(segment: string): segment is AnalysisSection {
  return (ANALYSIS_SECTIONS as readonly string[]).includes(segment);
}

/** A section's page address, without a view. */
export function analysisSectionPath(section: AnalysisSection): string {
  return `/analysis/${section}`;
}

/** What is counted: equity and convertible capital (the default), every kind, or one kind alone. */
export const COUNT_OPTIONS = ["capital", "all", ...DEAL_KINDS] as const;
export type CountOption = (typeof COUNT_OPTIONS)[number];

export const COUNT_LABELS: Record<CountOption, string> = {
  capital: "Capital: equity and convertible",
  all: "All kinds, commitments included",
  ...KIND_LABELS,
};

export const MAX_EXCLUDED = 20;
export const DEFAULT_FLOW_LIMIT = 20;
export const MAX_FLOW_LIMIT = 200;
/** How many organizations the network draws (`nodes`): the choices its control offers, the default and the bounds. */
export const NETWORK_SIZES = [10, 20, 40] as const;
export const DEFAULT_NETWORK_SIZE = 20;
export const MAX_NETWORK_SIZE = 50;

const TRUE_VALUES = ["1", "true", "on", "yes"];

/** The view's own parameters, read beside the /deals filters (dealFilterSchema). */
export const analysisParamShape = {
  grain: grainParam,
  side: oneOfParam(["recipient", "investor"], "must be recipient or investor"),
  count: oneOfParam(COUNT_OPTIONS, `must be capital, all or one kind (${DEAL_KINDS.join(", ")})`),
  pipeline: oneOfParam(["1", "true", "on", "yes", "0", "false", "off", "no"], "must be 1 (add rumored and in-talks deals) or 0"),
  exclude: z.array(slugParam("openai")),
};
export const flowLimitShape = { limit: wholeNumberParam(1, MAX_FLOW_LIMIT) };
export const networkSizeShape = { nodes: wholeNumberParam(2, MAX_NETWORK_SIZE) };

export type AnalysisView = {
  filters: DealFilters;
  grain: Grain;
  side: Side;
  count: CountOption;
  pipeline: boolean;
  exclude: string[];
};

export const DEFAULT_ANALYSIS_VIEW: Omit<AnalysisView, "filters"> = {
  grain: "year",
  side: "recipient",
  count: "capital",
  pipeline: false,
  exclude: [],
};

export function parseAnalysisView(source: ParamSource): { view: AnalysisView; issues: FilterIssue[] } {
  const parsed = parseDealFilters(source);
  const { values: v, issues } = readParams(source, analysisParamShape);
  const view: AnalysisView = {
    filters: parsed.filters,
    grain: v.grain ?? DEFAULT_ANALYSIS_VIEW.grain,
    side: v.side ?? DEFAULT_ANALYSIS_VIEW.side,
    count: v.count ?? DEFAULT_ANALYSIS_VIEW.count,
    pipeline: v.pipeline === null ? DEFAULT_ANALYSIS_VIEW.pipeline : TRUE_VALUES.includes(v.pipeline),
    exclude: v.exclude.slice(0, MAX_EXCLUDED),
  };
  for (const slug of v.exclude.slice(MAX_EXCLUDED))
    issues.push({ param: "exclude", value: slug, message: `at most ${MAX_EXCLUDED} organizations can be excluded` });
  return { view, issues: [...parsed.issues, ...issues] };
}

/** The number of flows a Sankey draws (`limit`, default DEFAULT_FLOW_LIMIT). */
export function parseFlowLimit(source: ParamSource): { limit: number; issues: FilterIssue[] } {
  const { values, issues } = readParams(source, flowLimitShape);
  return { limit: values.limit ?? DEFAULT_FLOW_LIMIT, issues };
}

/** How many organizations the network draws (`nodes`, default DEFAULT_NETWORK_SIZE). */
export function parseNetworkSize(source: ParamSource): { size: number; issues: FilterIssue[] } {
  const { values, issues } = readParams(source, networkSizeShape);
  return { size: values.nodes ?? DEFAULT_NETWORK_SIZE, issues };
}

/** The URL parameters that reproduce a view (defaults left out; sorting and paging do not apply here). */
export function analysisViewToParams(view: AnalysisView, overrides: Partial<Omit<AnalysisView, "filters">> = {}): URLSearchParams {
  const v = { ...view, ...overrides };
  const params = dealFiltersToParams({ ...v.filters, sort: DEFAULT_DEAL_FILTERS.sort, page: 1, pageSize: DEFAULT_DEAL_FILTERS.pageSize });
  if (v.grain !== DEFAULT_ANALYSIS_VIEW.grain) params.set("grain", v.grain);
  if (v.side !== DEFAULT_ANALYSIS_VIEW.side) params.set("side", v.side);
  if (v.count !== DEFAULT_ANALYSIS_VIEW.count) params.set("count", v.count);
  if (v.pipeline) params.set("pipeline", "1");
  for (const slug of v.exclude) params.append("exclude", slug);
  return params;
}

/** The counting rule a view asks for (docs/domain.md, "Capital counted"): which kinds, and whether the pipeline counts. */
export function countingRule(view: Pick<AnalysisView, "count" | "pipeline">): CountingRule {
  const kinds: readonly DealKind[] = view.count === "capital" ? CAPITAL_KINDS : view.count === "all" ? DEAL_KINDS : [view.count];
  return { kinds, includePipeline: view.pipeline };
}

/** What a view counts, repeated in every JSON answer so that a saved file says what it holds. */
export function countingOf(view: AnalysisView, excluded: { key: string; name: string }[]) {
  return {
    kinds: countingRule(view).kinds,
    pipeline: view.pipeline,
    excluded: excluded.map((e) => ({ slug: e.key, name: e.name })),
  };
}
