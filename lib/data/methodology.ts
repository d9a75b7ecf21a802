// The worked examples of /methodology, read from the same SQL figures as every other page (capital counted, the
// recipients' capital of a year, the whole market's circular flows) and from the few deals the examples quote, so the
// explanation can never drift from what the dashboard does and no request loads every deal
// (tests/integration/methodology.test.ts compares it with the measures over every deal loaded into memory).
import "server-only";
import { sql, type Expression, type SqlBool } from "kysely";
import { getDb } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import { cachedView, viewKey } from "./view-cache";
import type { AmountQualifier } from "../domain";
import { parseAnalysisView } from "../filters/analysis-view";
import {
  attributeToInvestors,
  countedAmount,
  DEFAULT_RULE,
  type CapitalSummary,
  type CountedAmount,
  type MeasureDeal,
  UNDISCLOSED_KEY,
} from "../measures/capital";
import type { CircularFlow } from "../measures/circular-flows";
import { hhiBreakdown, type HhiTerm } from "../measures/concentration";
import { nameOf } from "../measures/organization-groups";
import { CIRCULAR_FLOWS_SHOWN, getCircularFlows } from "./analysis";
import { capitalCountedSql } from "./deal-stats";
import { dealsAsOf } from "./deal-state";
import { readsOf, type Reads } from "./kysely";
import { listDealSummaries, partiesOf } from "./deals";
import { loadOrganizationDirectory } from "./organization-directory";
import { capitalByRecipientInYearSql, countedDeal, onDeal } from "./raw/overview-figures";
import { viewDeals } from "./raw/view-deals";

type DealRef = {
  id: number;
  label: string;
  announcedOn: string;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier;
};
export type AmountExample = DealRef & { counted: CountedAmount };

export type Methodology = {
  summary: CapitalSummary;
  amountExamples: AmountExample[];
  hhiExample: { year: string; total: bigint; terms: HhiTerm[]; hhi: number } | null;
  attributionExample: { deal: DealRef & { amount: bigint }; parts: { key: string; name: string; amount: bigint }[] } | null;
  circularExample: CircularFlow | null;
  circularCount: number;
  divisions: { name: string; parentName: string }[];
};

/** What the examples read of a quoted deal: its state, its recipient and its investors' stated commitments. */
type QuotedDeal = Pick<
  MeasureDeal,
  "id" | "announcedOn" | "amountUsdLow" | "amountUsdHigh" | "amountQualifier" | "recipient" | "investors"
>;

/** A deal as an example names it: its first investors and its recipient. */
export function refOf(deal: QuotedDeal): DealRef {
  const investors = deal.investors.map((i) => i.name);
  const who = investors.length > 3 ? `${investors.slice(0, 3).join(", ")} and ${investors.length - 3} more` : investors.join(", ");
  return {
    id: deal.id,
    label: `${who || "Undisclosed"} → ${deal.recipient.name}`,
    announcedOn: deal.announcedOn,
    amountUsdLow: deal.amountUsdLow,
    amountUsdHigh: deal.amountUsdHigh,
    amountQualifier: deal.amountQualifier,
  };
}

/**
 * The ways an amount can be reported, in the order the examples list them ("up to" with and without a lower figure):
 * conditions on the deals' states `d`, each deal meeting one at most.
 */
const AMOUNT_CASES: Expression<SqlBool>[] = [
  onDeal("d.amountQualifier", "=", "exact"),
  onDeal("d.amountQualifier", "=", "range"),
  onDeal.and([
    onDeal("d.amountQualifier", "=", "up_to"),
    onDeal("d.amountUsdLow", "is not", null),
    onDeal.or([onDeal("d.amountUsdHigh", "is", null), onDeal("d.amountUsdLow", "<>", onDeal.ref("d.amountUsdHigh"))]),
  ]),
  onDeal.and([onDeal("d.amountQualifier", "=", "up_to"), onDeal("d.amountUsdLow", "is", null)]),
  onDeal("d.amountQualifier", "=", "about"),
  onDeal("d.amountQualifier", "=", "at_least"),
  onDeal("d.amountQualifier", "=", "undisclosed"),
];

/**
 * The id of the latest counted deal (by date, then id) of each way an amount can be reported: one query a way, each
 * walking its qualifier's deals newest first (Deal's index on amountQualifier, announcedOn, id) and stopping at its
 * first. Numbering every counted deal per way in one pass read all of them: 1.1 s at a million deals.
 */
async function amountExampleIds(reads: Reads, asOf: string | null): Promise<number[]> {
  const latest = await Promise.all(AMOUNT_CASES.map((condition) => latestCounted(reads, asOf, (deals) => deals.where(condition))));
  return latest.flatMap((id) => (id === null ? [] : [id]));
}

/** The latest counted deal (by date, then id) among the deals' states `d` that `narrow` keeps, or null. */
async function latestCounted(
  reads: Reads,
  asOf: string | null,
  narrow: (deals: ReturnType<typeof dealsAsOf>) => ReturnType<typeof dealsAsOf>,
): Promise<number | null> {
  const row = await narrow(dealsAsOf(reads, asOf).where(countedDeal(DEFAULT_RULE)))
    .select("d.id")
    .orderBy("d.announcedOn", "desc")
    .orderBy("d.id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The attribution example: the latest counted deal with a low figure shared by two or more parties, all named
 * investors without a stated commitment, preferably one whose amount does not split evenly among them (the odd dollars).
 * Each deal's parties are counted as the deals are walked newest first: grouping every participation first took 1.0 s
 * at a million deals.
 */
async function attributionExampleId(reads: Reads, asOf: string | null): Promise<number | null> {
  const parties = reads
    .selectFrom("Participation as p")
    .where("p.dealId", "=", sql.ref<number>("d.id"))
    .select((eb) => eb.fn.countAll<number>().as("n"));
  const shared = (deals: ReturnType<typeof dealsAsOf>) =>
    deals
      .where("d.amountUsdLow", "is not", null)
      .where(parties, ">=", 2)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("Participation as p")
              .whereRef("p.dealId", "=", "d.id")
              .where((w) => w.or([w("p.organizationId", "is", null), w("p.committedUsd", "is not", null)]))
              .select("p.id"),
          ),
        ),
      );
  const odd = (deals: ReturnType<typeof dealsAsOf>) => shared(deals).where(sql<SqlBool>`${sql.ref("d.amountUsdLow")} % ${parties} <> 0`);
  return (await latestCounted(reads, asOf, odd)) ?? (await latestCounted(reads, asOf, shared));
}

/** The year of the latest counted deal, or null. */
async function latestCountedYear(reads: Reads, asOf: string | null): Promise<string | null> {
  const row = await dealsAsOf(reads, asOf)
    .where(countedDeal(DEFAULT_RULE))
    .select((eb) => eb.fn.max("d.announcedOn").as("latest"))
    .executeTakeFirst();
  return row?.latest?.slice(0, 4) ?? null;
}

/**
 * The deals the examples quote, as the deal lists read them (listDealSummaries: each deal's state today or as of
 * `asOf`), each party with its stated commitment (partiesOf), in the shape countedAmount and attributeToInvestors take.
 */
async function quotedDeals(db: PrismaClient, ids: number[], asOf: string | null): Promise<QuotedDeal[]> {
  if (ids.length === 0) return [];
  const [summaries, parties] = await Promise.all([listDealSummaries(db, onDeal("d.id", "in", ids), asOf), partiesOf(readsOf(db), ids)]);
  return summaries.map((d) => ({
    id: d.id,
    announcedOn: d.announcedOn,
    amountUsdLow: d.amountUsdLow,
    amountUsdHigh: d.amountUsdHigh,
    amountQualifier: d.amountQualifier,
    recipient: { key: d.recipient.slug, name: d.recipient.name },
    investors: (parties.get(d.id) ?? []).map((p) => ({ key: p.slug ?? UNDISCLOSED_KEY, name: p.name, committedUsd: p.committedUsd })),
  }));
}

/**
 * The worked examples, from today's deals or from the deals as reported on `asOf`, cached per data version and date:
 * as of a date each SQL figure reads the deals' states anew (18 s at 100,000 synthetic deals when the states were
 * numbered over every event, 43 s on a loaded machine; the page as of a date 0.9 s now), so a date asked for again is
 * not computed again.
 */
export function getMethodology(asOf: string | null = null): Promise<Methodology> {
  return cachedView(asOf ? viewKey("methodology", { asOf }) : "methodology", () => computeMethodology(asOf));
}

async function computeMethodology(asOf: string | null): Promise<Methodology> {
  const db = await getDb();
  const reads = readsOf(db);
  // The whole market's loops, as /analysis and its API find them (the same cached view).
  const market = parseAnalysisView(new URLSearchParams(asOf ? { asOf } : {})).view;
  // The market's cells today, the deals as of the date otherwise (lib/data/raw/view-deals.ts).
  const cells = viewDeals(reads, { asOf }).cells;
  const [summary, latestYear, amountIds, attributionId, directory, circular] = await Promise.all([
    capitalCountedSql(cells),
    latestCountedYear(reads, asOf),
    amountExampleIds(reads, asOf),
    attributionExampleId(reads, asOf),
    loadOrganizationDirectory(db),
    getCircularFlows(market, CIRCULAR_FLOWS_SHOWN),
  ]);
  const hhiExample = latestYear
    ? { year: latestYear, ...hhiBreakdown(await capitalByRecipientInYearSql(cells, DEFAULT_RULE, latestYear)) }
    : null;
  // The few deals the examples quote, in the measures' shape.
  const quoted = [...amountIds, ...(attributionId === null ? [] : [attributionId])];
  const deals = await quotedDeals(db, quoted, asOf);
  const byId = new Map(deals.map((d) => [d.id, d]));
  const attributed = attributionId === null ? undefined : byId.get(attributionId);
  const amount = attributed ? countedAmount(attributed).amount : 0n;

  return {
    summary,
    amountExamples: amountIds.flatMap((id) => {
      const deal = byId.get(id);
      return deal ? [{ ...refOf(deal), counted: countedAmount(deal) }] : [];
    }),
    hhiExample: hhiExample && hhiExample.total > 0n ? hhiExample : null,
    attributionExample: attributed ? { deal: { ...refOf(attributed), amount }, parts: attributeToInvestors(attributed, amount) } : null,
    circularExample: circular.loops[0] ?? null,
    circularCount: circular.count,
    divisions: [...directory.entries()]
      .filter(([, o]) => o.parentKey !== null)
      .map(([, o]) => ({ name: o.name, parentName: nameOf(o.parentKey as string, directory) }))
      .sort((a, b) => a.parentName.localeCompare(b.parentName) || a.name.localeCompare(b.name)),
  };
}
