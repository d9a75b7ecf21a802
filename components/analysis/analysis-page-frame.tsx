// What every /analysis page shares: its address read (names resolved to slugs, the view and its issues), the frame of
// the pages that hold one section of it (/analysis/top-shares, /flows, /circular-flows, /loops, /network, /kinds) with
// a link back to the whole view, and the short entry on /analysis that links to each of them.
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AsOfBanner } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { ParamIssues } from "@/components/ui/param-issues";
import { addressWithSlugs, resolveFilterNames } from "@/lib/data/filter-names";
import { analysisViewToParams, parseAnalysisView, parseNetworkSize, type AnalysisView } from "@/lib/filters/analysis-view";
import type { FilterIssue } from "@/lib/filters/deal-filters";

type Query = Record<string, string | string[] | undefined>;

/** `path` with the view's parameters (and `extra`, e.g. the network's size), for links between the analysis pages. */
export function analysisHref(path: string, view: AnalysisView, extra: [string, string][] = []): string {
  const params = analysisViewToParams(view);
  for (const [key, value] of extra) params.set(key, value);
  return params.size > 0 ? `${path}?${params}` : path;
}

/**
 * The view an /analysis page's address asks for. Names typed into the form (Amazon, QIA) redirect to the address with
 * slugs, the one that is shared and bookmarked.
 */
export async function readAnalysisQuery(
  path: string,
  query: Query,
): Promise<{ view: AnalysisView; networkSize: number; issues: FilterIssue[] }> {
  const { params, issues: nameIssues, renamed } = await resolveFilterNames(query);
  if (renamed && nameIssues.length === 0) redirect(addressWithSlugs(path, params));
  const parsed = parseAnalysisView(params);
  const networkSize = parseNetworkSize(params);
  return { view: parsed.view, networkSize: networkSize.size, issues: [...nameIssues, ...parsed.issues, ...networkSize.issues] };
}

/**
 * A section of /analysis that has a page of its own, as /analysis shows it: its title, what it holds (a line or two),
 * and a link to its page with the same view. It keeps the section's anchor (`id`), so links to /analysis#id still
 * land on it.
 */
export function AnalysisSectionLink({
  id,
  title,
  href,
  linkText,
  children,
}: {
  id: string;
  title: string;
  href: string;
  linkText: string;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="rounded-lg border border-gray-200 p-4 dark:border-gray-800">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm muted">
        {children}{" "}
        <Link href={href} className="text-link">
          {linkText}
        </Link>
      </p>
    </section>
  );
}

/**
 * A section of /analysis on a page of its own (its top shares, flows, loops, network, amounts by kind): the same view,
 * its date, and a link back to the whole analysis with the same parameters. Kept apart so that /analysis stays a
 * bounded page.
 */
export function AnalysisSectionPage({
  path,
  view,
  issues,
  title,
  intro,
  children,
}: {
  path: string;
  view: AnalysisView;
  issues: FilterIssue[];
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  const today = { ...view, filters: { ...view.filters, asOf: null } };
  return (
    <div className="space-y-8">
      <AsOfBanner asOf={view.filters.asOf} todayHref={analysisHref(path, today)} />
      <DataFreshness />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{title}</h1>
        <p className="mt-2 max-w-3xl muted">
          {intro}{" "}
          <Link href={analysisHref("/analysis", view)} className="text-link">
            Back to concentration and flows
          </Link>{" "}
          with the same filters.
        </p>
      </div>
      <ParamIssues issues={issues} />
      {children}
    </div>
  );
}
