import type { DealSummary } from "@/lib/data/deals";
import { dealRow } from "./deal-rows";
import { DealListRows } from "./deal-rows-view";

/** `asOf`: the view's date, kept on every deal link (null today). */
export function DealList({ deals, empty, asOf }: { deals: DealSummary[]; empty: string; asOf: string | null }) {
  if (deals.length === 0) return <p className="text-sm muted">{empty}</p>;
  return <DealListRows rows={deals.map(dealRow)} asOf={asOf} />;
}
