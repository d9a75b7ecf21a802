// What /analysis, its section pages and its /api/stats endpoints show: concentration, flows, circular flows, capital by
// kind and the largest deals, all for the /deals filters, the counting switches and the excluded organizations of one
// view. Each section page reads only its own figure (getFlows, getCapitalByKind, getCircularFlows); getAnalysis reads
// what /analysis itself draws.
import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { getDb } from "../db";
import { cachedView, viewKey } from "./view-cache";
import { DEAL_KINDS, type DealKind } from "../domain";
import { countingRule, DEFAULT_FLOW_LIMIT, parseAnalysisView, type AnalysisView } from "../filters/analysis-view";
import {
  CAPITAL_KINDS,
  UNDISCLOSED_KEY,
  type CountingRule,
  type EntityTotal,
  type CapitalSummary,
  type PeriodTotal,
} from "../measures/capital";
import { byMoneyBack, loopsInvolving, SPEND_BACK_KINDS, type CircularFlow } from "../measures/circular-flows";
import type { ConcentrationPeriod } from "../measures/concentration";
import type { SankeyGraph } from "../measures/flows";
import type { RankedDeal } from "../measures/largest-deals";
import { nameOf, rootOf, withDivisions, type OrganizationDirectory } from "../measures/organization-groups";
import { cellSelection, dealFilterCondition } from "./deal-where";
import { listDealSummaries, type DealSummary } from "./deals";
import { notThroughIndex, readsOf, toMoney, type Reads } from "./kysely";
import { countedDeal, countedStatuses, onDeal } from "./raw/overview-figures";
import { partsOfDeals, partsOfInvestors, type Parts } from "./investor-parts";
import { concentrationAmountsSql, concentrationByGrains, concentrationSeriesSql } from "./raw/concentration-figures";
import {
  circularFlowLegs,
  circularFlowsSql,
  familyMembers,
  flowsSql,
  largestDealsSql,
  marketTotalsSql,
  viewParts,
} from "./raw/analysis-figures";
import { capitalByPeriodSql } from "./raw/capital-by-period";
import { loopTotals, type KeptLoopPairs } from "./raw/loop-cells";
import { withViewTables, type ViewDeals } from "./raw/view-deals";
import { loadOrganizationDirectory } from "./organization-directory";
import { hasActiveFilters } from "../filters/deal-filters";

type Party = { key: string; name: string };

/** What goes with one view's deals: the counting rule, the organizations excluded and the directory they are from. */
type ViewContext = {
  directory: OrganizationDirectory;
  rule: CountingRule;
  excluded: Party[];
  /** The slugs taken out, divisions included. */
  excludedKeys: Set<string>;
};

async function contextOf(db: PrismaClient, view: AnalysisView): Promise<ViewContext> {
  const directory = await loadOrganizationDirectory(db);
  const known = view.exclude.filter((slug) => directory.has(slug));
  return {
    directory,
    rule: countingRule(view),
    excluded: known.map((key) => ({ key, name: nameOf(key, directory) })),
    excludedKeys: withDivisions(known, directory),
  };
}

/**
 * Runs `measure` over the view's deals (lib/data/raw/view-deals.ts: as of its date, narrowed by the /deals filters,
 * the excluded organizations taken out), before exclusion (`all`, for the choice of whom to exclude) and after it
 * (`deals`, for every measure), read through `reads`.
 */
function measureView<T>(
  db: PrismaClient,
  view: AnalysisView,
  context: ViewContext,
  measure: (deals: { reads: Reads; all: ViewDeals; deals: ViewDeals }) => Promise<T>,
  options: { readsFew?: boolean } = {},
): Promise<T> {
  const reads = readsOf(db);
  // Every figure counts the deals of the view's rule only: the others are not written into the tables. With no date
  // and nobody excluded, and no filter or only filters the cells stand for (kinds, statuses, a recipient, whole
  // quarters: cellSelection), the figures summed per organization and period read the market's cells.
  const condition = hasActiveFilters(view.filters) ? dealFilterCondition(view.filters, reads) : null;
  const cells = condition ? cellSelection(view.filters) : null;
  const selection = { asOf: view.filters.asOf, condition, rule: context.rule, excluded: [...context.excludedKeys], cells };
  return withViewTables(reads, selection, measure, options);
}

/** What an endpoint answers, with the organizations actually excluded (unknown slugs are ignored). */
type WithExcluded<T> = T & { excluded: Party[] };

function concentrationOf(deals: ViewDeals, context: ViewContext, view: AnalysisView): Promise<ConcentrationPeriod[]> {
  return concentrationSeriesSql({ rule: context.rule, grain: view.grain, side: view.side }, deals.cells);
}

/**
 * A view's concentration by year and by quarter, computed together from its quarters' totals and cached as one entry:
 * the two grains read the same deals, and computed apart each read them again. The whole market today (no filter, no
 * date, nobody excluded) is summed over the market's cells (lib/data/raw/market-cells.ts), both sides, any counting
 * option. Any other view reads its deals once (and the parts once): with nobody excluded it reads them without
 * writing a table (withViewTables' `readsFew`).
 */
export async function getConcentration(view: AnalysisView): Promise<WithExcluded<{ periods: ConcentrationPeriod[] }>> {
  const bothGrains = await cachedView(viewKey("concentration", { ...view, grain: null }), async () => {
    const db = await getDb();
    const context = await contextOf(db, view);
    const grains = ["year", "quarter"] as const;
    const amounts = await measureView(
      db,
      view,
      context,
      ({ deals }) => concentrationAmountsSql({ rule: context.rule, side: view.side }, deals.cells, grains),
      {
        readsFew: true,
      },
    );
    const [year, quarter] = await concentrationByGrains(readsOf(db), amounts, grains);
    return { year, quarter, excluded: context.excluded };
  });
  return { periods: bothGrains[view.grain], excluded: bothGrains.excluded };
}

export type FlowsData = { graph: SankeyGraph; undisclosedDeals: number };

/** A view's largest flows; with `dealIds` (the API's) each drawn flow carries its deals' ids, else only how many. */
export function getFlows(
  view: AnalysisView,
  limit = DEFAULT_FLOW_LIMIT,
  options: { dealIds?: boolean } = {},
): Promise<WithExcluded<FlowsData>> {
  const dealIds = options.dealIds ?? false;
  return cachedView(viewKey("flows", { view, limit, dealIds }), async () => computeFlows(await getDb(), view, limit, { dealIds }));
}

/** The largest flows of a view, uncached: exported for the tests that compare them with the measures. */
export async function computeFlows(
  db: PrismaClient,
  view: AnalysisView,
  limit = DEFAULT_FLOW_LIMIT,
  options: { dealIds: boolean } = { dealIds: false },
): Promise<WithExcluded<FlowsData>> {
  const context = await contextOf(db, view);
  const flows = await measureView(db, view, context, async ({ reads, deals }) => flowsSql(reads, context.rule, limit, deals, options));
  return { ...flows, excluded: context.excluded };
}

/** The deals a loop's legs are of under the pipeline switch: capital and spending-back kinds, counted statuses. */
const legRuleOf = (includePipeline: boolean) => ({ kinds: [...CAPITAL_KINDS, ...SPEND_BACK_KINDS], includePipeline });

/** The parts among `parts` that can be legs of a loop under the pipeline switch. */
function legsAmong(parts: Parts, includePipeline: boolean): Parts {
  const rule = legRuleOf(includePipeline);
  return parts.where("p.kind", "in", rule.kinds).where("p.status", "in", countedStatuses(rule));
}

/** A view's loops: the largest `limit` with their legs (every one without a limit), and how many there are. */
export type ViewLoops = { loops: CircularFlow[]; count: number };

/**
 * A loop needs both its capital leg and its spending leg, so the kind filter and the free text, which would drop one
 * of them, do not apply; investor and recipient filters pick the loops of those organizations instead of deals.
 * Dates, statuses, amounts, the pipeline switch and exclusions apply to every leg. The whole market's loops today are
 * the pairs the writers keep (LoopCell, lib/data/raw/loop-cells.ts) that close one, ordered by their totals, and only
 * the legs of the largest `limit` are read (circularFlowsSql with `pairs`): matching every spending leg with the capital
 * legs took 0.8 s of /analysis at a million deals. With filters, the same pairs' legs among the filtered deals' kept
 * parts. As of a date or with organizations excluded (a deal's status then, or a part split again without them, can
 * make legs today's parts do not have), the loops are matched in SQL (circularFlowsSql) over the named investors'
 * parts of the view's tables of the deals that can be legs (circularFlowLegs), the excluded organizations taken out
 * there as for every other figure.
 */
async function circularFlowsOf(db: PrismaClient, view: AnalysisView, context: ViewContext, limit: number | undefined): Promise<ViewLoops> {
  const reads = readsOf(db);
  const legFilters = { ...view.filters, kinds: [], investors: [], recipient: null, q: null };
  const legRule = legRuleOf(view.pipeline);
  const involving = { investors: view.filters.investors, recipient: view.filters.recipient };
  const excluded = [...context.excludedKeys];
  const largest = <T>(loops: T[]) => (limit === undefined ? loops : loops.slice(0, limit));
  const keptParts = (parts: Parts, pairs?: KeptLoopPairs) => circularFlowsSql(reads, legsAmong(parts, view.pipeline), { pairs });
  if (legFilters.asOf === null && excluded.length === 0) {
    if (hasActiveFilters(legFilters)) {
      // A filter only takes legs away, so the filtered loops are among the kept pairs' loops: their legs are read
      // pair by pair, each tested against the filtered deals (over every spending leg: 1.3 s since 2024 at a million
      // deals).
      const loops = loopsInvolving(
        await keptParts(partsOfDeals(reads, null, dealFilterCondition(legFilters, reads), { byDeal: false }), {
          includePipeline: view.pipeline,
        }),
        involving,
        context.directory,
      );
      return { loops: largest(loops), count: loops.length };
    }
    const pairs = loopsInvolving(
      (await loopTotals(reads, view.pipeline)).map((row) => ({
        ids: { investorRoot: row.investorRoot, companyRoot: row.companyRoot },
        investor: { key: row.investorSlug, name: row.investorName },
        company: { key: row.companySlug, name: row.companyName },
        inTotal: toMoney(row.inTotal),
        backTotal: toMoney(row.backTotal),
      })),
      involving,
      context.directory,
    ).sort(byMoneyBack);
    const loops = await keptParts(reads.selectFrom("InvestorPart as p") as unknown as Parts, {
      includePipeline: view.pipeline,
      only: largest(pairs).map((pair) => pair.ids),
    });
    return { loops, count: pairs.length };
  }
  const condition = onDeal.and([dealFilterCondition(legFilters, reads), countedDeal(legRule), circularFlowLegs(reads)]);
  const selection = { asOf: legFilters.asOf, condition, excluded };
  const loops = loopsInvolving(
    await withViewTables(reads, selection, async ({ reads: connection, deals }) =>
      circularFlowsSql(connection, await viewParts(connection, deals)),
    ),
    involving,
    context.directory,
  );
  return { loops: largest(loops), count: loops.length };
}

/** Cached per data version, view and limit: the pages that draw the largest loops share one computation. */
export function getCircularFlows(view: AnalysisView, limit?: number): Promise<WithExcluded<ViewLoops>> {
  return cachedView(viewKey("circular-flows", { view, limit }), async () => computeCircularFlows(await getDb(), view, limit));
}

/** A view's loops, uncached: exported for the tests that compare them with findCircularFlows. */
export async function computeCircularFlows(db: PrismaClient, view: AnalysisView, limit?: number): Promise<WithExcluded<ViewLoops>> {
  const context = await contextOf(db, view);
  return { ...(await circularFlowsOf(db, view, context, limit)), excluded: context.excluded };
}

/**
 * The loops of the whole data (as of `asOf`) that an organization is in, as the investing company (a division counts
 * as its parent: Azure's page shows Microsoft's loops) or as the company that spends back: those of the unfiltered
 * view's loops (getCircularFlows, the ones /api/stats/circular-flows gives) whose investor or company is its top
 * parent, found among its own parts. Cached per organization and data version.
 */
export function getLoopsOf(slug: string, asOf: string | null): Promise<CircularFlow[]> {
  return cachedView(viewKey("circular-flows-of", { slug, asOf }), async () => computeLoopsOf(await getDb(), slug, asOf));
}

/**
 * getLoopsOf uncached. Today the kept pairs (LoopCell) its top parent is in, their legs read pair by pair. As of
 * `asOf`, circularFlowsSql over only the parts its family pays or receives that can be legs: its own parts
 * (partsOfInvestors) and those of the deals it received (by the recipient index, then the parts' deal index), the
 * capital narrowed to the companies that spend back with it. Every leg of a loop of its top parent is one of them
 * (capital from it or to it, spending back to it or from it), and every loop matched among them is one of its top
 * parent's. Indexing the whole market's loops instead cost the first organization page of each data version 2.6-2.7 s
 * at a million deals; its own parts took 0.2-0.7 s there today. As of a date the parts are the kept rows with their
 * deals' states then (partsOfDeals); the whole market's loops as of a date,
 * which each organization's were picked from while a part as of a date meant splitting its deal again, took 480 ms of
 * Microsoft's 1.7 s page as of 2024-02-01 at 100,000 deals (the view's deals and parts written into tables, 393 ms).
 */
export async function computeLoopsOf(db: PrismaClient, slug: string, asOf: string | null): Promise<CircularFlow[]> {
  const directory = await loadOrganizationDirectory(db);
  if (!directory.has(slug)) return [];
  const root = rootOf(slug, directory);
  const { view } = parseAnalysisView(new URLSearchParams(asOf ? { asOf } : {}));
  const reads = readsOf(db);
  // "" names no organization: it keeps the list from being empty, which is no SQL.
  const idsOf = (keys: Iterable<string>) =>
    reads
      .selectFrom("Organization as o")
      .where("o.slug", "in", [...keys, ""])
      .select("o.id");
  if (asOf === null) {
    // Today its loops are the kept pairs its top is in (LoopCell), their legs read pair by pair.
    const top = await reads.selectFrom("Organization").where("slug", "=", root).select("id").executeTakeFirstOrThrow();
    return circularFlowsSql(reads, legsAmong(reads.selectFrom("InvestorPart as p") as unknown as Parts, view.pipeline), {
      pairs: { includePipeline: view.pipeline, involving: top.id },
    });
  }
  const ids = idsOf(withDivisions([root], directory));
  const legRule = legRuleOf(view.pipeline);
  const spend = [...SPEND_BACK_KINDS];
  const statuses = countedStatuses(legRule);
  // The other investors' parts of the counted deals of `kinds` the family received.
  const receivedParts = (kinds: readonly DealKind[]) =>
    partsOfDeals(
      reads,
      asOf,
      onDeal.and([countedDeal({ kinds, includePipeline: view.pipeline }), onDeal("d.recipientId", "in", ids)]),
    ).where((eb) => eb.not(eb("p.organizationId", "in", ids)));
  const own = partsOfInvestors(reads, asOf, ids).where("p.status", "in", statuses);
  // A capital leg closes a loop only with a company that spends back with its investor: the family's capital counts
  // only into the companies that spend back with it (they paid the spending back it received), and the capital it
  // received only from the companies it spends back with (they received its own spending back). Matched at the top of
  // each parent chain, so any organization in a family passes too (a superset: the matching decides). Reading every
  // part instead took Microsoft's loops 0.67-0.74 s at a million deals and OpenAI's 0.8 s (116,665 deals received).
  const families = familyMembers(reads);
  // The spending back the family received: its payers are the companies its capital may go into.
  const receivedBack = receivedParts(spend);
  const buyers = receivedBack.select("p.organizationId as id");
  const sellers = own.where("p.kind", "in", spend).select("p.recipientId as id");
  // Tested on each part, not read through an index: SQLite probed the deal index once per deal and company listed
  // (Microsoft spends back with 4,622 companies at a million deals: 1.3 s).
  const anyOf = (column: "p.organizationId" | "p.recipientId", companies: typeof buyers) =>
    onDeal.or([
      onDeal(notThroughIndex<number>(reads, column), "in", companies),
      onDeal(notThroughIndex<number>(reads, column), "in", families),
    ]);
  const parts = own
    .where("p.kind", "in", spend)
    .selectAll("p")
    .unionAll(
      own
        .where("p.kind", "in", [...CAPITAL_KINDS])
        .where(anyOf("p.recipientId", buyers))
        .selectAll("p"),
    )
    .unionAll(receivedBack.selectAll("p"))
    .unionAll(receivedParts(CAPITAL_KINDS).where(anyOf("p.organizationId", sellers)).selectAll("p"))
    .as("p");
  return circularFlowsSql(reads, legsAmong(reads.selectFrom(parts) as unknown as Parts, view.pipeline), { fewParts: true });
}

export type CapitalByKindData = { kinds: DealKind[]; periods: PeriodTotal[] };

async function capitalByKindOf(deals: ViewDeals, context: ViewContext, view: AnalysisView): Promise<CapitalByKindData> {
  const periods = await capitalByPeriodSql(context.rule, view.grain, deals.cells);
  const present = new Set(periods.flatMap((p) => Object.keys(p.byKey)));
  return { kinds: DEAL_KINDS.filter((k) => present.has(k)), periods };
}

export function getCapitalByKind(view: AnalysisView): Promise<WithExcluded<CapitalByKindData>> {
  return cachedView(viewKey("capital-by-kind", view), async () => computeCapitalByKind(await getDb(), view));
}

/** A view's counted amounts by kind per period, uncached: exported for the tests that compare them with the measures. */
export async function computeCapitalByKind(db: PrismaClient, view: AnalysisView): Promise<WithExcluded<CapitalByKindData>> {
  const context = await contextOf(db, view);
  const byKind = await measureView(db, view, context, ({ deals }) => capitalByKindOf(deals, context, view));
  return { ...byKind, excluded: context.excluded };
}

export type Analysis = {
  /** The view's deals at their whole amounts (with an investor filter: the total of the rounds joined). */
  summary: CapitalSummary;
  /** With an investor filter, those investors' own parts of the same deals (the view's capital by investor); else null. */
  attributed: bigint | null;
  excluded: Party[];
  /** The organizations most worth excluding: the largest recipients and investors of the filtered deals. */
  exclusionChoices: Party[];
  /** Names of the organizations the /deals filters name, for saying what is shown. */
  filterNames: Record<string, string>;
  concentration: ConcentrationPeriod[];
  /** The CIRCULAR_FLOWS_SHOWN largest loops (by money back); the circular-flows API and CSV give them all. */
  circularFlows: CircularFlow[];
  /** How many loops the view has. */
  circularFlowCount: number;
  largestDeals: (DealSummary & Pick<RankedDeal, "amount" | "basis">)[];
};

const CHOICES_PER_SIDE = 6;
/** At scale there are thousands of loops (16 MB of HTML at 100,000 deals): the page draws the largest ones. */
export const CIRCULAR_FLOWS_SHOWN = 10;
const LARGEST_DEALS = 10;

/** Cached per data version and view (lib/data/view-cache.ts). */
export function getAnalysis(view: AnalysisView): Promise<Analysis> {
  return cachedView(viewKey("analysis", view), async () =>
    computeAnalysis(await getDb(), view, (v) => getCircularFlows(v, CIRCULAR_FLOWS_SHOWN)),
  );
}

/**
 * What /analysis draws for any view (filtered, organizations excluded, today or as of a date), summed in the database
 * over its deals (lib/data/raw): only totals and the loops' legs are read. The flows and the amounts by kind are on
 * section pages of their own (/analysis/flows, /analysis/kinds), read by getFlows and getCapitalByKind. Its loops are
 * `circularFlows`' largest CIRCULAR_FLOWS_SHOWN (getAnalysis gives getCircularFlows with that limit, so that /analysis,
 * its loop and network pages and the methodology share one computation per view; the circular-flows API, which gives
 * every loop, has an entry of its own). Exported for the tests that compare it with the measures of lib/measures over
 * the view's deals loaded into memory.
 */
export async function computeAnalysis(
  db: PrismaClient,
  view: AnalysisView,
  circularFlows: (view: AnalysisView) => Promise<ViewLoops> = (v) => computeCircularFlows(db, v, CIRCULAR_FLOWS_SHOWN),
): Promise<Analysis> {
  const context = await contextOf(db, view);
  const { rule } = context;
  const [measured, loops] = await Promise.all([
    measureView(db, view, context, async ({ reads, all, deals }) => {
      const totals = await marketTotalsSql(reads, rule, deals);
      const allTotals = all === deals ? totals : await marketTotalsSql(reads, rule, all);
      const named = new Set(view.filters.investors);
      return {
        summary: totals.summary,
        attributed: named.size > 0 ? totals.investors.filter((i) => named.has(i.key)).reduce((sum, i) => sum + i.amount, 0n) : null,
        exclusionChoices: exclusionChoicesOf(context.excluded, allTotals.recipients, allTotals.investors),
        concentration: await concentrationOf(deals, context, view),
        ranked: await largestDealsSql(rule, LARGEST_DEALS, deals),
      };
    }),
    circularFlows(view),
  ]);
  const { ranked, ...figures } = measured;
  const named = [...view.filters.investors, ...(view.filters.recipient ? [view.filters.recipient] : [])];
  return {
    ...figures,
    excluded: context.excluded,
    filterNames: Object.fromEntries(named.map((slug) => [slug, nameOf(slug, context.directory)])),
    circularFlows: loops.loops,
    circularFlowCount: loops.count,
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
