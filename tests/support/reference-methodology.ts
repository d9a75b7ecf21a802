// The worked examples of /methodology measured by lib/measures over every deal loaded into memory (loadMeasureDeals,
// today or as of a date): the reference that getMethodology, which reads them from SQL figures and a few deals,
// must equal.
import { refOf, type AmountExample, type Methodology } from "@/lib/data/methodology";
import { loadMeasureDeals } from "./measure-deals";
import { loadOrganizationDirectory } from "@/lib/data/organization-directory";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  attributeToInvestors,
  capitalByRecipient,
  capitalCounted,
  countedAmount,
  DEFAULT_RULE,
  isCounted,
  periodOf,
  UNDISCLOSED_KEY,
  type MeasureDeal,
} from "@/lib/measures/capital";
import { findCircularFlows } from "@/lib/measures/circular-flows";
import { hhiBreakdown } from "@/lib/measures/concentration";
import { nameOf } from "@/lib/measures/organization-groups";

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

export async function referenceMethodology(db: PrismaClient, asOf: string | null): Promise<Methodology> {
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
