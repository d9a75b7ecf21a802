import { dataState } from "@/lib/data/view-cache";
import { formatInstant } from "@/lib/format";

/**
 * When the data last changed: the time of the newest revision (every write records one), the same read that keys the
 * cached views, so a page never says a date older than the figures it shows. `edited` adds when one record (a deal)
 * was last edited.
 */
export async function DataFreshness({ edited, className = "" }: { edited?: { label: string; at: string | null }; className?: string }) {
  const { changedAt } = await dataState();
  if (!changedAt && !edited?.at) return null;
  return (
    <p data-freshness="" className={`text-xs muted ${className}`}>
      {edited?.at ? (
        <>
          {edited.label} last edited <time dateTime={edited.at}>{formatInstant(edited.at)}</time>.{" "}
        </>
      ) : null}
      {changedAt ? (
        <>
          Data last changed <time dateTime={changedAt}>{formatInstant(changedAt)}</time>.
        </>
      ) : null}
    </p>
  );
}
