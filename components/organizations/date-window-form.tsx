import Link from "next/link";
import { isWindowed, type DateWindow } from "@/lib/filters/date-window";
import { formatDate } from "@/lib/format";

/**
 * The from/to form of an organization's page: a plain GET form (it works without JavaScript) back to the page, with
 * the page's other view parameters (asOf, grain, scale) kept as hidden fields, and a link back to every date.
 */
export function DateWindowForm({
  path,
  window,
  keep,
}: {
  /** The page's own path. */
  path: string;
  window: DateWindow;
  /** The view's other parameters, kept by the form and by the link to every date. */
  keep: Record<string, string | null>;
}) {
  const kept = Object.entries(keep).filter((entry): entry is [string, string] => entry[1] !== null);
  const allDates = kept.length > 0 ? `${path}?${new URLSearchParams(kept).toString()}` : path;
  return (
    <form method="get" action={path} aria-label="Dates" className="flex flex-wrap items-end gap-3 text-sm">
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label>
        Announced from
        <input type="date" name="from" defaultValue={window.from ?? ""} className="field" />
      </label>
      <label>
        to
        <input type="date" name="to" defaultValue={window.to ?? ""} className="field" />
      </label>
      <button type="submit" className="button">
        Show these dates
      </button>
      {isWindowed(window) ? (
        <p className="w-full muted">
          Figures, chart and lists cover the deals announced {spanText(window)}.{" "}
          <Link href={allDates} className="text-link">
            Every date
          </Link>
        </p>
      ) : null}
    </form>
  );
}

function spanText({ from, to }: DateWindow): string {
  if (from && to) return `from ${formatDate(from)} to ${formatDate(to)}`;
  return from ? `from ${formatDate(from)} on` : `until ${formatDate(to as string)}`;
}
