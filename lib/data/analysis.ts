// What /analysis and its /api/stats endpoints show: concentration, flows, circular flows, capital by kind and the
// largest deals, all for the /deals filters, the counting switches and the excluded organizations of one view.
import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { getDb } from "../db";
import { cachedView, viewKey } from "./view-cache";
import { DEAL_KINDS, type DealKind } from "../domain";
import { countingRule, DEFAULT_FLOW_LIMIT, type AnalysisView } from "../filters/analysis-view";
import {
  capitalByInvestor,
  capitalByPeriod,
  capitalByRecipient,
  capitalCounted,
  UNDISCLOSED_KEY,
  type CapitalSummary,
  type CountingRule,
  type EntityTotal,
  type MeasureDeal,
  type PeriodTotal,
} from "../measures/capital";
import { findCircularFlows, loopsInvolving, type CircularFlow } from "../measures/circular-flows";
import { concentrationSeries, type ConcentrationPeriod } from "../measures/concentration";
import { excludeOrganizations } from "../measures/exclusion";
import { capitalFlows, sankeyGraph, type SankeyGraph } from "../measures/flows";
import { largestDeals, type RankedDeal } from "../measures/largest-deals";
import { nameOf, withDivisions, type OrganizationDirectory } from "../measures/organization-groups";
import { dealFilterCondition, selectsEveryDeal } from "./deal-where";
import { listDealSummaries, type DealSummary } from "./deals";
import { readsOf } from "./kysely";
import { loadMeasureDeals } from "./measure-deals";
import { onDeal } from "./raw/overview-figures";
import { concentrationSeriesSql } from "./raw/concentration-figures";
import { circularFlowLegsSql, flowsSql, largestDealsSql, marketTotalsSql } from "./raw/analysis-figures";
import { capitalByPeriodSql } from "./raw/capital-by-period";
import { loadOrganizationDirectory } from "./organization-directory";

type Party = { key: string; name: string };

type AnalysisInput = {
  /** The filtered deals before exclusion (for the choice of whom to exclude) and after it (for every measure). */
  allDeals: MeasureDeal[];
  deals: MeasureDeal[];
  directory: OrganizationDirectory;
  rule: CountingRule;
  excluded: Party[];
};

async function loadAnalysisInput(db: PrismaClient, view: AnalysisView, filters = view.filters): Promise<AnalysisInput> {
  const [allDeals, directory] = await Promise.all([
    loadMeasureDeals(db, dealFilterCondition(filters, readsOf(db)), filters.asOf),
    loadOrganizationDirectory(db),
  ]);
  const known = view.exclude.filter((slug) => directory.has(slug));
  return {
    allDeals,
    deals: excludeOrganizations(allDeals, withDivisions(known, directory)),
    directory,
    rule: countingRule(view),
    excluded: known.map((key) => ({ key, name: nameOf(key, directory) })),
  };
}

/** What an endpoint answers, with the organizations actually excluded (unknown slugs are ignored). */
type WithExcluded<T> = T & { excluded: Party[] };

function concentrationOf(input: AnalysisInput, view: AnalysisView): ConcentrationPeriod[] {
  return concentrationSeries(input.deals, { rule: input.rule, grain: view.grain, side: view.side });
}

/**
 * Whether the view is every live deal today with nobody excluded: then its figures can be summed in the database
 * (lib/data/raw) instead of measured over every deal loaded into memory.
 */
function isWholeMarket(view: AnalysisView): boolean {
  return view.exclude.length === 0 && view.filters.asOf === null && selectsEveryDeal(view.filters);
}

export function getConcentration(view: AnalysisView): Promise<WithExcluded<{ periods: ConcentrationPeriod[] }>> {
  return cachedView(viewKey("concentration", view), async () => {
    const db = await getDb();
    if (isWholeMarket(view))
      return { periods: await concentrationSeriesSql(db, { rule: countingRule(view), grain: view.grain, side: view.side }), excluded: [] };
    const input = await loadAnalysisInput(db, view);
    return { periods: concentrationOf(input, view), excluded: input.excluded };
  });
}

export type FlowsData = { graph: SankeyGraph; undisclosedDeals: number };

function flowsOf(input: AnalysisInput, limit: number): FlowsData {
  const { flows, undisclosedDeals } = capitalFlows(input.deals, input.rule);
  return { graph: sankeyGraph(flows, limit), undisclosedDeals };
}

export function getFlows(view: AnalysisView, limit = DEFAULT_FLOW_LIMIT): Promise<WithExcluded<FlowsData>> {
  return cachedView(viewKey("flows", { view, limit }), async () => {
    const db = await getDb();
    if (isWholeMarket(view)) {
      const rule = countingRule(view);
      return { ...(await flowsSql(db, rule, await marketTotalsSql(db, rule), limit)), excluded: [] };
    }
    const input = await loadAnalysisInput(db, view);
    return { ...flowsOf(input, limit), excluded: input.excluded };
  });
}

/**
 * A loop needs both its capital leg and its spending leg, so the kind filter and the free text, which would drop one
 * of them, do not apply; investor and recipient filters pick the loops of those organizations instead of deals.
 * Dates, statuses, amounts, the pipeline switch and exclusions apply to every leg.
 */
async function circularFlowsOf(
  db: PrismaClient,
  view: AnalysisView,
  loaded?: Promise<AnalysisInput>,
): Promise<WithExcluded<{ loops: CircularFlow[] }>> {
  const legFilters = legFiltersOf(view);
  const input = await (loaded && sameFilters(legFilters, view.filters) ? loaded : loadAnalysisInput(db, view, legFilters));
  const loops = findCircularFlows(input.deals, input.directory, { includePipeline: view.pipeline });
  return {
    loops: loopsInvolving(loops, { investors: view.filters.investors, recipient: view.filters.recipient }, input.directory),
    excluded: input.excluded,
  };
}

function legFiltersOf(view: AnalysisView): AnalysisView["filters"] {
  return { ...view.filters, kinds: [], investors: [], recipient: null, q: null };
}

/** Whether two filter sets select the same deals (paging and order aside), so one load of them serves both. */
function sameFilters(a: AnalysisView["filters"], b: AnalysisView["filters"]): boolean {
  const selecting = (f: AnalysisView["filters"]) => viewKey("filters", { ...f, page: 1, pageSize: 0, sort: null });
  return selecting(a) === selecting(b);
}

export function getCircularFlows(view: AnalysisView): Promise<WithExcluded<{ loops: CircularFlow[] }>> {
  return cachedView(viewKey("circular-flows", view), async () => {
    const db = await getDb();
    return isWholeMarket(view) ? { loops: await wholeMarketLoops(db, view), excluded: [] } : circularFlowsOf(db, view);
  });
}

export type CapitalByKindData = { kinds: DealKind[]; periods: PeriodTotal[] };

function capitalByKindOf(input: AnalysisInput, view: AnalysisView): CapitalByKindData {
  const periods = capitalByPeriod(input.deals, { rule: input.rule, grain: view.grain, stackBy: "kind" });
  const present = new Set(periods.flatMap((p) => Object.keys(p.byKey)));
  return { kinds: DEAL_KINDS.filter((k) => present.has(k)), periods };
}

export function getCapitalByKind(view: AnalysisView): Promise<WithExcluded<CapitalByKindData>> {
  return cachedView(viewKey("capital-by-kind", view), async () => {
    const db = await getDb();
    if (isWholeMarket(view)) return { ...(await wholeMarketCapitalByKind(db, view)), excluded: [] };
    const input = await loadAnalysisInput(db, view);
    return { ...capitalByKindOf(input, view), excluded: input.excluded };
  });
}

export type Analysis = {
  summary: CapitalSummary;
  excluded: Party[];
  /** The organizations most worth excluding: the largest recipients and investors of the filtered deals. */
  exclusionChoices: Party[];
  /** Names of the organizations the /deals filters name, for saying what is shown. */
  filterNames: Record<string, string>;
  concentration: ConcentrationPeriod[];
  flows: FlowsData;
  /** The CIRCULAR_FLOWS_SHOWN largest loops (by money back); the circular-flows API and CSV give them all. */
  circularFlows: CircularFlow[];
  /** Every loop in the view. */
  circularFlowCount: number;
  capitalByKind: CapitalByKindData;
  largestDeals: (DealSummary & Pick<RankedDeal, "amount" | "basis">)[];
};

const CHOICES_PER_SIDE = 6;
/** At scale there are thousands of loops (16 MB of HTML at 100,000 deals): the page draws the largest ones. */
export const CIRCULAR_FLOWS_SHOWN = 10;
const LARGEST_DEALS = 10;

/** Cached per data version and view (lib/data/view-cache.ts). */
export function getAnalysis(view: AnalysisView): Promise<Analysis> {
  return cachedView(viewKey("analysis", view), () => computeAnalysis(view));
}

async function computeAnalysis(view: AnalysisView): Promise<Analysis> {
  const db = await getDb();
  return isWholeMarket(view) ? computeWholeMarketAnalysis(db, view) : measureAnalysis(db, view);
}

/**
 * The analysis measured over the view's deals loaded into memory (lib/measures): any view. Exported with
 * computeWholeMarketAnalysis for the test that compares the two.
 */
export async function measureAnalysis(db: PrismaClient, view: AnalysisView): Promise<Analysis> {
  // Without kind, investor, recipient or text filters the loops' legs are the same deals as the view's: loaded once
  // (each load is every deal of the view: the costliest step at 100,000 deals).
  const loading = loadAnalysisInput(db, view);
  const [input, circular] = await Promise.all([loading, circularFlowsOf(db, view, loading)]);
  const ranked = largestDeals(input.deals, input.rule, LARGEST_DEALS);

  const named = [...view.filters.investors, ...(view.filters.recipient ? [view.filters.recipient] : [])];
  return {
    summary: capitalCounted(input.deals, input.rule),
    excluded: input.excluded,
    exclusionChoices: exclusionChoicesOf(
      input.excluded,
      capitalByRecipient(input.allDeals, input.rule),
      capitalByInvestor(input.allDeals, input.rule),
    ),
    filterNames: Object.fromEntries(named.map((slug) => [slug, nameOf(slug, input.directory)])),
    concentration: concentrationOf(input, view),
    flows: flowsOf(input, DEFAULT_FLOW_LIMIT),
    circularFlows: circular.loops.slice(0, CIRCULAR_FLOWS_SHOWN),
    circularFlowCount: circular.loops.length,
    capitalByKind: capitalByKindOf(input, view),
    largestDeals: await largestDealRows(db, ranked, view.filters.asOf),
  };
}

/** Largest deals' list rows, in the ranking's order. */
async function largestDealRows(db: PrismaClient, ranked: RankedDeal[], asOf: string | null): Promise<Analysis["largestDeals"]> {
  const rows =
    ranked.length > 0
      ? await listDealSummaries(
          db,
          onDeal(
            "d.id",
            "in",
            ranked.map((r) => r.id),
          ),
          asOf,
        )
      : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranked.flatMap((r) => {
    const deal = byId.get(r.id);
    return deal ? [{ ...deal, amount: r.amount, basis: r.basis }] : [];
  });
}

/** The organizations most worth excluding: the excluded ones, then the largest recipients and investors. */
function exclusionChoicesOf(excluded: Party[], recipients: EntityTotal[], investors: EntityTotal[]): Party[] {
  const choices = new Map<string, Party>();
  for (const p of excluded) choices.set(p.key, p);
  const largest = [...recipients.slice(0, CHOICES_PER_SIDE), ...investors.slice(0, CHOICES_PER_SIDE)];
  for (const e of largest)
    if (e.key !== UNDISCLOSED_KEY && e.amount > 0n && !choices.has(e.key)) choices.set(e.key, { key: e.key, name: e.name });
  return [...choices.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The whole market today, summed in the database (lib/data/raw): the same Analysis as computeAnalysis measures over
 * every deal in memory (a test compares the two), holding only totals, the drawn flows and the loops' legs.
 */
export async function computeWholeMarketAnalysis(db: PrismaClient, view: AnalysisView): Promise<Analysis> {
  if (!isWholeMarket(view)) throw new Error("computeWholeMarketAnalysis: the view filters or excludes deals");
  const rule = countingRule(view);
  const totalsLoad = marketTotalsSql(db, rule);
  const [totals, concentration, flows, loops, capitalByKind, ranked] = await Promise.all([
    totalsLoad,
    concentrationSeriesSql(db, { rule, grain: view.grain, side: view.side }),
    totalsLoad.then((t) => flowsSql(db, rule, t, DEFAULT_FLOW_LIMIT)),
    wholeMarketLoops(db, view),
    wholeMarketCapitalByKind(db, view),
    largestDealsSql(db, rule, LARGEST_DEALS),
  ]);
  return {
    summary: totals.summary,
    excluded: [],
    exclusionChoices: exclusionChoicesOf([], totals.recipients, totals.investors),
    filterNames: {},
    concentration,
    flows,
    circularFlows: loops.slice(0, CIRCULAR_FLOWS_SHOWN),
    circularFlowCount: loops.length,
    capitalByKind,
    largestDeals: await largestDealRows(db, ranked, null),
  };
}

/** Every loop of the whole market, found over the deals that can be its legs only. */
async function wholeMarketLoops(db: PrismaClient, view: AnalysisView): Promise<CircularFlow[]> {
  const [legs, directory] = await Promise.all([circularFlowLegsSql(db), loadOrganizationDirectory(db)]);
  return findCircularFlows(legs, directory, { includePipeline: view.pipeline });
}

async function wholeMarketCapitalByKind(db: PrismaClient, view: AnalysisView): Promise<CapitalByKindData> {
  const periods = await capitalByPeriodSql(db, countingRule(view), view.grain);
  const present = new Set(periods.flatMap((p) => Object.keys(p.byKey)));
  return { kinds: DEAL_KINDS.filter((k) => present.has(k)), periods };
}
