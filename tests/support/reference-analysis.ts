// The analysis of a view measured by the pure functions of lib/measures over the view's deals loaded into memory
// (loadMeasureDeals, then excludeOrganizations): the reference that computeAnalysis, summed in SQL, must equal.
import { CIRCULAR_FLOWS_SHOWN, exclusionChoicesOf, type Analysis, type CapitalByKindData, type FlowsData } from "@/lib/data/analysis";
import { dealFilterCondition } from "@/lib/data/deal-where";
import { readsOf } from "@/lib/data/kysely";
import { loadMeasureDeals } from "./measure-deals";
import { loadOrganizationDirectory } from "@/lib/data/organization-directory";
import { DEAL_KINDS } from "@/lib/domain";
import { countingRule, DEFAULT_FLOW_LIMIT, type AnalysisView } from "@/lib/filters/analysis-view";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { capitalByInvestor, capitalByPeriod, capitalByRecipient, capitalCounted } from "@/lib/measures/capital";
import { findCircularFlows, loopsInvolving, type CircularFlow } from "@/lib/measures/circular-flows";
import { concentrationSeries } from "@/lib/measures/concentration";
import { excludeOrganizations } from "@/lib/measures/exclusion";
import { capitalFlows, sankeyGraph } from "@/lib/measures/flows";
import { largestDeals, type RankedDeal } from "@/lib/measures/largest-deals";
import { nameOf, withDivisions } from "@/lib/measures/organization-groups";

/** What the reference measures of a view: /analysis's figures and those of its flows and kinds pages (getFlows, getCapitalByKind). */
export type ReferenceAnalysis = Omit<Analysis, "largestDeals"> & {
  largestDeals: RankedDeal[];
  flows: FlowsData;
  capitalByKind: CapitalByKindData;
};

/** The Analysis of `view` with its largest deals as the measure ranks them (the list rows are read by id), its flows and its amounts by kind. */
export async function referenceAnalysis(db: PrismaClient, view: AnalysisView): Promise<ReferenceAnalysis> {
  const reads = readsOf(db);
  const directory = await loadOrganizationDirectory(db);
  const known = view.exclude.filter((slug) => directory.has(slug));
  const excluded = withDivisions(known, directory);
  const rule = countingRule(view);
  const asOf = view.filters.asOf;
  const allDeals = await loadMeasureDeals(db, dealFilterCondition(view.filters, reads), asOf);
  const deals = excludeOrganizations(allDeals, excluded);
  const loops = await referenceCircularFlows(db, view);
  const { flows, undisclosedDeals } = capitalFlows(deals, rule);
  const periods = capitalByPeriod(deals, { rule, grain: view.grain, stackBy: "kind" });
  const present = new Set(periods.flatMap((p) => Object.keys(p.byKey)));
  const excludedParties = known.map((key) => ({ key, name: nameOf(key, directory) }));
  const named = [...view.filters.investors, ...(view.filters.recipient ? [view.filters.recipient] : [])];
  const chosen = new Set(view.filters.investors);
  return {
    summary: capitalCounted(deals, rule),
    attributed:
      chosen.size > 0
        ? capitalByInvestor(deals, rule)
            .filter((i) => chosen.has(i.key))
            .reduce((sum, i) => sum + i.amount, 0n)
        : null,
    excluded: excludedParties,
    exclusionChoices: exclusionChoicesOf(excludedParties, capitalByRecipient(allDeals, rule), capitalByInvestor(allDeals, rule)),
    filterNames: Object.fromEntries(named.map((slug) => [slug, nameOf(slug, directory)])),
    concentration: concentrationSeries(deals, { rule, grain: view.grain, side: view.side }),
    flows: { graph: sankeyGraph(flows, DEFAULT_FLOW_LIMIT), undisclosedDeals },
    circularFlows: loops.slice(0, CIRCULAR_FLOWS_SHOWN),
    circularFlowCount: loops.length,
    capitalByKind: { kinds: DEAL_KINDS.filter((k) => present.has(k)), periods },
    largestDeals: largestDeals(deals, rule, 10),
  };
}

/** Every loop of `view`: findCircularFlows over all the view's deals loaded into memory, less the excluded organizations. */
export async function referenceCircularFlows(db: PrismaClient, view: AnalysisView): Promise<CircularFlow[]> {
  const directory = await loadOrganizationDirectory(db);
  const excluded = withDivisions(
    view.exclude.filter((slug) => directory.has(slug)),
    directory,
  );
  // A loop's legs are not narrowed by kind, text or organization filters: the loops of the named ones are kept.
  const legFilters = { ...view.filters, kinds: [], investors: [], recipient: null, q: null };
  const legs = excludeOrganizations(await loadMeasureDeals(db, dealFilterCondition(legFilters, readsOf(db)), legFilters.asOf), excluded);
  return loopsInvolving(
    findCircularFlows(legs, directory, { includePipeline: view.pipeline }),
    { investors: view.filters.investors, recipient: view.filters.recipient },
    directory,
  );
}

/** computeAnalysis's answer in the reference's shape: the largest deals as ranked (id, amount, basis). */
export function asReference(analysis: Analysis): Omit<Analysis, "largestDeals"> & { largestDeals: RankedDeal[] } {
  return { ...analysis, largestDeals: analysis.largestDeals.map((d) => ({ id: d.id, amount: d.amount, basis: d.basis })) };
}
