// Groups a list that is already in date order into runs of the same month or quarter, for the timeline view.
import { periodOf } from "../measures/capital";

export type PeriodGroup<T> = { period: string; items: T[] };

/** "2026-02" for a month, "2026-Q1" for a quarter. */
export function timelinePeriod(isoDate: string, group: "month" | "quarter"): string {
  return group === "month" ? isoDate.slice(0, 7) : periodOf(isoDate, "quarter");
}

/**
 * Consecutive items of the same period form one group, so the list keeps its order (newest or oldest first) and a
 * period never appears twice when the list is sorted by date.
 */
export function groupByPeriod<T extends { announcedOn: string }>(items: readonly T[], group: "month" | "quarter"): PeriodGroup<T>[] {
  const groups: PeriodGroup<T>[] = [];
  for (const item of items) {
    const period = timelinePeriod(item.announcedOn, group);
    const last = groups.at(-1);
    if (last && last.period === period) last.items.push(item);
    else groups.push({ period, items: [item] });
  }
  return groups;
}
