import Link from "next/link";
import { formatDate } from "@/lib/format";

/**
 * Says which date a page shows when it is viewed "as of" a date, and links to the same view today. `todayHref` is the
 * page's own address without `asOf`.
 */
export function AsOfBanner({ asOf, todayHref }: { asOf: string | null; todayHref: string }) {
  if (!asOf) return null;
  return (
    <aside
      aria-label="Date shown"
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        Showing what was reported as of{" "}
        <strong>
          <time dateTime={asOf}>{formatDate(asOf)}</time>
        </strong>
        : deals first reported later are left out, and statuses and amounts are those of that date, rebuilt from each deal&apos;s lifecycle.{" "}
        <Link href={todayHref} className="rounded font-medium underline focus-visible:outline-2 focus-visible:outline-blue-600">
          Back to today
        </Link>
      </p>
    </aside>
  );
}

/** The address of a page with its search parameters, without `asOf`. */
export function withoutAsOf(pathname: string, params: Record<string, string | string[] | undefined> | URLSearchParams): string {
  const query = new URLSearchParams();
  const entries =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([k, v]) => [v ?? []].flat().map((x) => [k, x] as [string, string]));
  for (const [key, value] of entries) if (key !== "asOf") query.append(key, value);
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}
