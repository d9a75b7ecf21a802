import type { FilterIssue } from "@/lib/filters/deal-filters";

/** Says which URL parameters were not understood and that their defaults apply instead (pages never fail on them). */
export function ParamIssues({ issues }: { issues: FilterIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div
      role="status"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">Some parameters of this address were not understood; their defaults apply instead:</p>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((issue) => (
          <li key={`${issue.param}-${issue.value}`}>
            <code>
              {issue.param}={issue.value}
            </code>
            : {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
