import type { DealSummary } from "@/lib/data/deals";
import { formatPeriod } from "@/lib/format";
import { groupByPeriod } from "@/lib/timeline/group-by-period";
import { DealList } from "./deal-list";
import { dealRow } from "./deal-rows";
import { DealPeriods } from "./deal-rows-view";

/**
 * Deals under a heading per month or quarter. Only a date order makes periods contiguous, so sorted by amount the
 * deals are one list (each still shows its date).
 */
export function DealTimeline({
  deals,
  group,
  byDate,
  asOf,
}: {
  deals: DealSummary[];
  group: "month" | "quarter";
  byDate: boolean;
  asOf: string | null;
}) {
  if (!byDate) return <DealList deals={deals} empty="No deals." asOf={asOf} />;
  return (
    <DealPeriods
      periods={groupByPeriod(deals, group).map(({ period, items }) => ({ period, label: formatPeriod(period), rows: items.map(dealRow) }))}
      asOf={asOf}
    />
  );
}
