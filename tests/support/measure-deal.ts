// A MeasureDeal with defaults, so a unit test states only what matters to its case.
import type { MeasureDeal } from "@/lib/measures/capital";

let nextId = 1;

export function measureDeal(partial: Partial<MeasureDeal> & Pick<MeasureDeal, "announcedOn">): MeasureDeal {
  return {
    id: nextId++,
    kind: "equity",
    status: "closed",
    amountUsdLow: null,
    amountUsdHigh: null,
    amountQualifier: "exact",
    recipient: { key: "x", name: "Xylo" },
    investors: [],
    ...partial,
  };
}

export function investor(key: string, name: string, committedUsd: bigint | null = null): MeasureDeal["investors"][number] {
  return { key, name, committedUsd };
}
