import type { DealSummary } from "@/lib/data/deals";
import { formatPeriod } from "@/lib/format";
import { groupByPeriod } from "@/lib/timeline/group-by-period";
import { DealList } from "./deal-list";

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
    <div className="space-y-6">
      {groupByPeriod(deals, group).map(({ period, items }) => (
        <section key={period} aria-labelledby={`period-${period}`} className="border-l-2 border-gray-200 pl-4 dark:border-gray-800">
          <h3 id={`period-${period}`} className="text-base font-semibold">
            {formatPeriod(period)}
          </h3>
          <DealList deals={items} empty="No deals." asOf={asOf} />
        </section>
      ))}
    </div>
  );
}
