// A MeasureDeal with the fields a test does not care about filled in: closed equity into OpenAI by Microsoft.
import type { MeasureDeal } from "@/lib/measures/capital";
import type { OrganizationDirectory } from "@/lib/measures/organization-groups";

let nextId = 1000;

export function measureDeal(partial: Partial<MeasureDeal> & Pick<MeasureDeal, "announcedOn">): MeasureDeal {
  return {
    id: nextId++,
    kind: "equity",
    status: "closed",
    amountUsdLow: null,
    amountUsdHigh: null,
    amountQualifier: "exact",
    recipient: { key: "openai", name: "OpenAI" },
    investors: [{ key: "microsoft", name: "Microsoft", committedUsd: null }],
    ...partial,
  };
}

export const org = (key: string, name = key) => ({ key, name });
export const investor = (key: string, name = key, committedUsd: bigint | null = null) => ({ key, name, committedUsd });

/** A directory from [slug, name, parent slug] triples. */
export function directoryOf(entries: [string, string, string | null][]): OrganizationDirectory {
  return new Map(entries.map(([key, name, parentKey]) => [key, { name, parentKey }]));
}
