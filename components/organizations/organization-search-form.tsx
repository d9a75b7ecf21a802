import Link from "next/link";
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES } from "@/lib/domain";
import type { FilterIssue } from "@/lib/filters/deal-filters";
import { hasOrganizationFilters, type OrganizationFilters } from "@/lib/filters/organization-filters";
import { rankingSortParam, type RankingSort } from "@/lib/filters/ranking-sort";
import { withAsOf } from "@/lib/story/view-href";

const FIELD =
  "mt-1 block w-full rounded border border-gray-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:bg-gray-900";

/** A plain GET form: the search lives in the URL, works without JavaScript and can be shared. It keeps the view's `asOf`. */
export function OrganizationSearchForm({
  action,
  filters,
  issues,
  searchLabel,
  asOf,
  sort,
}: {
  action: string;
  filters: OrganizationFilters;
  /** The table's order, kept when the search changes. */
  sort: RankingSort;
  issues: FilterIssue[];
  searchLabel: string;
  asOf: string | null;
}) {
  return (
    <div className="space-y-2">
      <form action={action} method="get" role="search" aria-label={searchLabel} className="flex flex-wrap items-end gap-3">
        {asOf ? <input type="hidden" name="asOf" value={asOf} /> : null}
        {rankingSortParam(sort) ? <input type="hidden" name="sort" value={rankingSortParam(sort)!} /> : null}
        <div className="w-full sm:w-64">
          <label htmlFor="org-q" className="text-sm font-medium">
            Name
          </label>
          <input id="org-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="e.g. Amazon, QIA" className={FIELD} />
        </div>
        <div className="w-full sm:w-56">
          <label htmlFor="org-type" className="text-sm font-medium">
            Type
          </label>
          <select id="org-type" name="type" defaultValue={filters.type ?? ""} className={FIELD}>
            <option value="">All types</option>
            {ORGANIZATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {ORGANIZATION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Search
        </button>
        {hasOrganizationFilters(filters) ? (
          <Link
            href={withAsOf(action, asOf)}
            className="rounded px-2 py-2 text-sm text-blue-700 underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-400"
          >
            Clear the search
          </Link>
        ) : null}
      </form>
      {issues.length > 0 ? (
        <div
          role="status"
          className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          Ignored: {issues.map((i) => i.message).join("; ")}.
        </div>
      ) : null}
    </div>
  );
}
