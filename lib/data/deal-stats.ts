// The headline figures of a filtered set of deals: how many match, and the capital counted among them.
import "server-only";
import { getDb } from "../db";
import type { DealFilters } from "../filters/deal-filters";
import { capitalCounted, type CapitalSummary } from "../measures/capital";
import { dealWhere } from "./deal-where";
import { asOfScope, loadMeasureDeals } from "./measure-deals";

export type DealStats = {
  /** Every deal the filters select, of any kind and status (the same count as the /deals list). */
  dealCount: number;
  /** Capital counted (lib/measures) over those deals: equity and convertible, announced or closed. */
  capital: CapitalSummary;
};

export async function getDealStats(filters: DealFilters): Promise<DealStats> {
  const deals = await loadMeasureDeals(await getDb(), dealWhere(filters), asOfScope(filters));
  return { dealCount: deals.length, capital: capitalCounted(deals) };
}
