// The worked examples of /methodology, picked from the database and computed by the same measures as every other
// page, so the explanation can never drift from what the dashboard does.
import "server-only";
import { getDb } from "../db";
import { cachedView } from "./view-cache";
import type { AmountQualifier } from "../domain";
import {
  attributeToInvestors,
  capitalByRecipient,
  capitalCounted,
  countedAmount,
  DEFAULT_RULE,
  isCounted,
  periodOf,
  UNDISCLOSED_KEY,
  type CapitalSummary,
  type CountedAmount,
  type MeasureDeal,
} from "../measures/capital";
import { findCircularFlows, type CircularFlow } from "../measures/circular-flows";
import { hhiBreakdown, type HhiTerm } from "../measures/concentration";
import { nameOf } from "../measures/organization-groups";
import { loadMeasureDeals } from "./measure-deals";
import { loadOrganizationDirectory } from "./organization-directory";

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

function refOf(deal: MeasureDeal): DealRef {
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

/** The latest counted deal of each way an amount can be reported, "up to" with and without a lower figure. */
function pickAmountExamples(counted: MeasureDeal[]): AmountExample[] {
  const cases: ((d: MeasureDeal) => boolean)[] = [
    (d) => d.amountQualifier === "exact",
    (d) => d.amountQualifier === "range",
    (d) => d.amountQualifier === "up_to" && d.amountUsdLow !== null && d.amountUsdLow !== d.amountUsdHigh,
    (d) => d.amountQualifier === "up_to" && d.amountUsdLow === null,
    (d) => d.amountQualifier === "about",
    (d) => d.amountQualifier === "at_least",
    (d) => d.amountQualifier === "undisclosed",
  ];
  return cases.flatMap((matches) => {
    const deal = counted.findLast(matches);
    return deal ? [{ ...refOf(deal), counted: countedAmount(deal) }] : [];
  });
}

/** A round shared by several named investors, preferably one whose amount does not split evenly (the odd dollars). */
function pickAttributionExample(counted: MeasureDeal[]): Methodology["attributionExample"] {
  const shared = counted.filter(
    (d) =>
      d.investors.length >= 2 &&
      d.investors.every((i) => i.key !== UNDISCLOSED_KEY && i.committedUsd === null) &&
      countedAmount(d).basis === "low",
  );
  const uneven = shared.filter((d) => countedAmount(d).amount % BigInt(d.investors.length) !== 0n);
  const deal = uneven.at(-1) ?? shared.at(-1);
  if (!deal) return null;
  const { amount } = countedAmount(deal);
  return { deal: { ...refOf(deal), amount }, parts: attributeToInvestors(deal, amount) };
}

/** The worked examples, from today's deals (cached per data version) or from the deals as reported on `asOf`. */
export function getMethodology(asOf: string | null = null): Promise<Methodology> {
  // One cached entry per data version for today; dates are many and rarely repeated, so an as-of view is computed.
  return asOf ? computeMethodology(asOf) : cachedView("methodology", () => computeMethodology(null));
}

async function computeMethodology(asOf: string | null): Promise<Methodology> {
  const db = await getDb();
  const [deals, directory] = await Promise.all([loadMeasureDeals(db, null, asOf), loadOrganizationDirectory(db)]);
  const counted = deals.filter((d) => isCounted(d, DEFAULT_RULE));

  const latestYear = counted.map((d) => periodOf(d.announcedOn, "year")).at(-1);
  const hhiExample = latestYear
    ? { year: latestYear, ...hhiBreakdown(capitalByRecipient(counted.filter((d) => d.announcedOn.startsWith(latestYear)))) }
    : null;
  const loops = findCircularFlows(deals, directory, { includePipeline: false });

  return {
    summary: capitalCounted(deals),
    amountExamples: pickAmountExamples(counted),
    hhiExample: hhiExample && hhiExample.total > 0n ? hhiExample : null,
    attributionExample: pickAttributionExample(counted),
    circularExample: loops[0] ?? null,
    circularCount: loops.length,
    divisions: [...directory.entries()]
      .filter(([, o]) => o.parentKey !== null)
      .map(([, o]) => ({ name: o.name, parentName: nameOf(o.parentKey as string, directory) }))
      .sort((a, b) => a.parentName.localeCompare(b.parentName) || a.name.localeCompare(b.name)),
  };
}
