// What /analysis and its /api/stats endpoints show: concentration, flows, circular flows, capital by kind and the
// largest deals, all for the /deals filters, the counting switches and the excluded organizations of one view.
import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { getDb } from "../db";
import { cachedView, viewKey } from "./view-cache";
import { DEAL_KINDS, type DealKind } from "../domain";
import { countingRule, DEFAULT_FLOW_LIMIT, type AnalysisView } from "../filters/analysis-view";
import { UNDISCLOSED_KEY, type CountingRule, type EntityTotal, type CapitalSummary, type PeriodTotal } from "../measures/capital";
import { findCircularFlows, loopsInvolving, type CircularFlow } from "../measures/circular-flows";
import type { ConcentrationPeriod } from "../measures/concentration";
import { excludeOrganizations } from "../measures/exclusion";
import type { SankeyGraph } from "../measures/flows";
import type { RankedDeal } from "../measures/largest-deals";
import { nameOf, withDivisions, type OrganizationDirectory } from "../measures/organization-groups";
import { dealFilterCondition } from "./deal-where";
import { listDealSummaries, type DealSummary } from "./deals";
import { readsOf } from "./kysely";
import { onDeal } from "./raw/overview-figures";
import { concentrationSeriesSql } from "./raw/concentration-figures";
import { circularFlowLegsSql, flowsSql, largestDealsSql, marketTotalsSql, type MarketTotals } from "./raw/analysis-figures";
import { capitalByPeriodSql } from "./raw/capital-by-period";
import { viewDeals, type ViewDeals } from "./raw/view-deals";
import { loadOrganizationDirectory } from "./organization-directory";

type Party = { key: string; name: string };

/** One view's deals in SQL (lib/data/raw/view-deals.ts), before and after its exclusions, and what goes with them. */
type ViewRelation = {
  /** The filtered deals before exclusion (for the choice of whom to exclude) and after it (for every measure). */
  allDeals: ViewDeals;
  deals: ViewDeals;
  directory: OrganizationDirectory;
  rule: CountingRule;
  excluded: Party[];
  /** The slugs taken out, divisions included. */
  excludedKeys: Set<string>;
};

async function relationOf(db: PrismaClient, view: AnalysisView): Promise<ViewRelation> {
  const reads = readsOf(db);
  const directory = await loadOrganizationDirectory(db);
  const known = view.exclude.filter((slug) => directory.has(slug));
  const excludedKeys = withDivisions(known, directory);
  const selection = { asOf: view.filters.asOf, condition: dealFilterCondition(view.filters, reads) };
  const allDeals = viewDeals(reads, selection);
  return {
    allDeals,
    deals: excludedKeys.size === 0 ? allDeals : viewDeals(reads, { ...selection, excluded: [...excludedKeys] }),
    directory,
    rule: countingRule(view),
    excluded: known.map((key) => ({ key, name: nameOf(key, directory) })),
    excludedKeys,
  };
}

/** What an endpoint answers, with the organizations actually excluded (unknown slugs are ignored). */
type WithExcluded<T> = T & { excluded: Party[] };

function concentrationOf(relation: ViewRelation, view: AnalysisView): Promise<ConcentrationPeriod[]> {
  return concentrationSeriesSql({ rule: relation.rule, grain: view.grain, side: view.side }, relation.deals);
}

export function getConcentration(view: AnalysisView): Promise<WithExcluded<{ periods: ConcentrationPeriod[] }>> {
  return cachedView(viewKey("concentration", view), async () => {
    const db = await getDb();
    const relation = await relationOf(db, view);
    return { periods: await concentrationOf(relation, view), excluded: relation.excluded };
  });
}

export type FlowsData = { graph: SankeyGraph; undisclosedDeals: number };

async function flowsOf(relation: ViewRelation, totals: Promise<MarketTotals>, limit: number): Promise<FlowsData> {
  return flowsSql(relation.rule, await totals, limit, relation.deals);
}

export function getFlows(view: AnalysisView, limit = DEFAULT_FLOW_LIMIT): Promise<WithExcluded<FlowsData>> {
  return cachedView(viewKey("flows", { view, limit }), async () => {
    const db = await getDb();
    const relation = await relationOf(db, view);
    const totals = marketTotalsSql(db, relation.rule, relation.deals);
    return { ...(await flowsOf(relation, totals, limit)), excluded: relation.excluded };
  });
}

/**
 * A loop needs both its capital leg and its spending leg, so the kind filter and the free text, which would drop one
 * of them, do not apply; investor and recipient filters pick the loops of those organizations instead of deals.
 * Dates, statuses, amounts, the pipeline switch and exclusions apply to every leg. The loops are found by the measure
 * (findCircularFlows) over the deals that can be their legs only (circularFlowLegsSql), with the excluded
 * organizations taken out of those few by the measure's own excludeOrganizations.
 */
async function circularFlowsOf(db: PrismaClient, view: AnalysisView, relation: ViewRelation): Promise<CircularFlow[]> {
  const legFilters = { ...view.filters, kinds: [], investors: [], recipient: null, q: null };
  const legs = await circularFlowLegsSql(db, dealFilterCondition(legFilters, readsOf(db)), legFilters.asOf);
  const loops = findCircularFlows(excludeOrganizations(legs, relation.excludedKeys), relation.directory, {
    includePipeline: view.pipeline,
  });
  return loopsInvolving(loops, { investors: view.filters.investors, recipient: view.filters.recipient }, relation.directory);
}

export function getCircularFlows(view: AnalysisView): Promise<WithExcluded<{ loops: CircularFlow[] }>> {
  return cachedView(viewKey("circular-flows", view), async () => {
    const db = await getDb();
    const relation = await relationOf(db, view);
    return { loops: await circularFlowsOf(db, view, relation), excluded: relation.excluded };
  });
}

export type CapitalByKindData = { kinds: DealKind[]; periods: PeriodTotal[] };

async function capitalByKindOf(relation: ViewRelation, view: AnalysisView): Promise<CapitalByKindData> {
  const periods = await capitalByPeriodSql(relation.rule, view.grain, relation.deals);
  const present = new Set(periods.flatMap((p) => Object.keys(p.byKey)));
  return { kinds: DEAL_KINDS.filter((k) => present.has(k)), periods };
}

export function getCapitalByKind(view: AnalysisView): Promise<WithExcluded<CapitalByKindData>> {
  return cachedView(viewKey("capital-by-kind", view), async () => {
    const db = await getDb();
    const relation = await relationOf(db, view);
    return { ...(await capitalByKindOf(relation, view)), excluded: relation.excluded };
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
  return cachedView(viewKey("analysis", view), async () => computeAnalysis(await getDb(), view));
}

/**
 * The analysis of any view (filtered, organizations excluded, today or as of a date), summed in the database over
 * its deals (lib/data/raw): only totals, the drawn flows and the loops' legs are read. Exported for the tests that
 * compare it with the measures of lib/measures over the view's deals loaded into memory.
 */
export async function computeAnalysis(db: PrismaClient, view: AnalysisView): Promise<Analysis> {
  const relation = await relationOf(db, view);
  const { rule } = relation;
  const totals = marketTotalsSql(db, rule, relation.deals);
  const allTotals = relation.allDeals === relation.deals ? totals : marketTotalsSql(db, rule, relation.allDeals);
  const [summary, choices, concentration, flows, loops, capitalByKind, ranked] = await Promise.all([
    totals.then((t) => t.summary),
    allTotals.then((t) => exclusionChoicesOf(relation.excluded, t.recipients, t.investors)),
    concentrationOf(relation, view),
    flowsOf(relation, totals, DEFAULT_FLOW_LIMIT),
    circularFlowsOf(db, view, relation),
    capitalByKindOf(relation, view),
    largestDealsSql(rule, LARGEST_DEALS, relation.deals),
  ]);
  const named = [...view.filters.investors, ...(view.filters.recipient ? [view.filters.recipient] : [])];
  return {
    summary,
    excluded: relation.excluded,
    exclusionChoices: choices,
    filterNames: Object.fromEntries(named.map((slug) => [slug, nameOf(slug, relation.directory)])),
    concentration,
    flows,
    circularFlows: loops.slice(0, CIRCULAR_FLOWS_SHOWN),
    circularFlowCount: loops.length,
    capitalByKind,
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
export function exclusionChoicesOf(excluded: Party[], recipients: EntityTotal[], investors: EntityTotal[]): Party[] {
  const choices = new Map<string, Party>();
  for (const p of excluded) choices.set(p.key, p);
  const largest = [...recipients.slice(0, CHOICES_PER_SIDE), ...investors.slice(0, CHOICES_PER_SIDE)];
  for (const e of largest)
    if (e.key !== UNDISCLOSED_KEY && e.amount > 0n && !choices.has(e.key)) choices.set(e.key, { key: e.key, name: e.name });
  return [...choices.values()].sort((a, b) => a.name.localeCompare(b.name));
}
