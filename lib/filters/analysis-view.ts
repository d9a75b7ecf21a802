// The URL parameters of /analysis and its /api/stats endpoints: the /deals filters plus the view's own (grain, side,
// what is counted, the pipeline switch, excluded organizations). Lenient like the /deals filters: a bad value falls
// back to its default and is reported, so the page can say so and the API can answer 400 naming it.
import { z } from "zod";
import { DEAL_KINDS, KIND_LABELS, type DealKind } from "../domain";
import { CAPITAL_KINDS, type CountingRule, type Grain } from "../measures/capital";
import type { Side } from "../measures/concentration";
import { DEFAULT_DEAL_FILTERS, dealFiltersToParams, parseDealFilters, type DealFilters, type FilterIssue } from "./deal-filters";

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

const analysisParamSchemas = {
  grain: z.enum(["year", "quarter"], { error: "grain must be year or quarter" }),
  side: z.enum(["recipient", "investor"], { error: "side must be recipient or investor" }),
  count: z.enum(COUNT_OPTIONS, { error: `count must be capital, all or one kind (${DEAL_KINDS.join(", ")})` }),
  pipeline: z.enum([...TRUE_VALUES, "0", "false", "off", "no"], { error: "pipeline must be 1 (add rumored and in-talks deals) or 0" }),
  exclude: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { error: "exclude must be an organization slug such as openai" }),
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(MAX_FLOW_LIMIT, { error: `limit must be at most ${MAX_FLOW_LIMIT}` }),
  nodes: z.coerce
    .number({ error: "nodes must be a whole number" })
    .int({ error: "nodes must be a whole number" })
    .min(2, { error: "nodes must be at least 2" })
    .max(MAX_NETWORK_SIZE, { error: `nodes must be at most ${MAX_NETWORK_SIZE}` }),
};

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

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(source: ParamSource, name: string): string[] {
  const raw = source instanceof URLSearchParams ? source.getAll(name) : [source[name] ?? []].flat();
  return raw
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function firstIssueMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? "invalid value";
}

export function parseAnalysisView(source: ParamSource): { view: AnalysisView; issues: FilterIssue[] } {
  const { filters, issues } = parseDealFilters(source);
  const view: AnalysisView = { filters, ...DEFAULT_ANALYSIS_VIEW, exclude: [] };
  const single = <K extends "grain" | "side" | "count" | "pipeline">(name: K): z.output<(typeof analysisParamSchemas)[K]> | null => {
    const values = valuesOf(source, name);
    if (values.length === 0) return null;
    if (values.length > 1) {
      issues.push({ param: name, value: values.join(","), message: `${name} takes one value` });
      return null;
    }
    const parsed = analysisParamSchemas[name].safeParse(values[0]);
    if (parsed.success) return parsed.data as z.output<(typeof analysisParamSchemas)[K]>;
    issues.push({ param: name, value: values[0], message: firstIssueMessage(parsed.error) });
    return null;
  };
  view.grain = single("grain") ?? view.grain;
  view.side = single("side") ?? view.side;
  view.count = single("count") ?? view.count;
  const pipeline = single("pipeline");
  if (pipeline !== null) view.pipeline = TRUE_VALUES.includes(pipeline);
  for (const slug of valuesOf(source, "exclude")) {
    const parsed = analysisParamSchemas.exclude.safeParse(slug);
    if (!parsed.success) issues.push({ param: "exclude", value: slug, message: firstIssueMessage(parsed.error) });
    else if (view.exclude.length >= MAX_EXCLUDED)
      issues.push({ param: "exclude", value: slug, message: `at most ${MAX_EXCLUDED} organizations can be excluded` });
    else if (!view.exclude.includes(slug)) view.exclude.push(slug);
  }
  return { view, issues };
}

/** A whole number parameter of its own (`limit`, `nodes`): its value, or the default and the issue with what was sent. */
function parseCount(source: ParamSource, name: "limit" | "nodes", fallback: number): { value: number; issues: FilterIssue[] } {
  const values = valuesOf(source, name);
  if (values.length === 0) return { value: fallback, issues: [] };
  const parsed = analysisParamSchemas[name].safeParse(values[0]);
  if (values.length === 1 && parsed.success) return { value: parsed.data, issues: [] };
  const message = values.length > 1 ? `${name} takes one value` : parsed.error ? firstIssueMessage(parsed.error) : "invalid value";
  return { value: fallback, issues: [{ param: name, value: values.join(","), message }] };
}

/** The number of flows a Sankey draws (`limit`, default DEFAULT_FLOW_LIMIT). */
export function parseFlowLimit(source: ParamSource): { limit: number; issues: FilterIssue[] } {
  const { value, issues } = parseCount(source, "limit", DEFAULT_FLOW_LIMIT);
  return { limit: value, issues };
}

/** How many organizations the network draws (`nodes`, default DEFAULT_NETWORK_SIZE). */
export function parseNetworkSize(source: ParamSource): { size: number; issues: FilterIssue[] } {
  const { value, issues } = parseCount(source, "nodes", DEFAULT_NETWORK_SIZE);
  return { size: value, issues };
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
