import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StatusBadge } from "@/components/deals/status-badge";
import { dealHref } from "@/lib/story/view-href";
import { AsOfBanner } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { ChangeFilterForm } from "@/components/story/change-filter-form";
import { ExternalLink, hostOf } from "@/components/ui/external-link";
import { Pagination } from "@/components/ui/pagination";
import { ParamIssues } from "@/components/ui/param-issues";
import { listChanges } from "@/lib/data/changes";
import { addressWithSlugs, filterNamesOf, resolveFilterNames } from "@/lib/data/filter-names";
import { changeViewToParams, parseChangeView } from "@/lib/filters/change-filters";
import { formatAmount, formatDate, formatNumber } from "@/lib/format";
import { partiesText } from "@/lib/story/change-text";
import { CHANGE_LABELS } from "@/lib/story/changes";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { view } = parseChangeView((await resolveFilterNames(await searchParams)).params);
  const query = changeViewToParams(view, { page: 1 }).toString();
  return {
    title: "What changed",
    alternates: {
      types: { "application/atom+xml": [{ url: `/changes/feed.xml${query ? `?${query}` : ""}`, title: "Atom feed of these changes" }] },
    },
  };
}

const TEXT_LINK = "text-link";

export default async function ChangesPage({ searchParams }: { searchParams: SearchParams }) {
  const { params, issues: nameIssues, renamed } = await resolveFilterNames(await searchParams);
  // Names typed into the form (Amazon, QIA) become the address with slugs, the one that is shared and bookmarked.
  if (renamed && nameIssues.length === 0) redirect(addressWithSlugs("/changes", params));
  const parsed = parseChangeView(params);
  const { view } = parsed;
  const issues = [...nameIssues, ...parsed.issues];
  const [page, names] = await Promise.all([listChanges(view), filterNamesOf(view.filters)]);
  const href = (overrides: Parameters<typeof changeViewToParams>[1]) => {
    const query = changeViewToParams(view, overrides).toString();
    return query ? `/changes?${query}` : "/changes";
  };
  const feedQuery = changeViewToParams(view, { page: 1 }).toString();
  const feedHref = `/changes/feed.xml${feedQuery ? `?${feedQuery}` : ""}`;
  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));

  return (
    <div className="space-y-6">
      <AsOfBanner asOf={view.filters.asOf} todayHref={href({ asOf: null, page: 1 })} />
      <DataFreshness />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">What changed</h1>
        <p className="mt-2 max-w-3xl muted">
          New deals and every change of status or reported amount, newest first, each with its deal and its source. The filters work as on
          the deal list; status, dates and amounts apply to the state after each change.{" "}
          <a href={feedHref} className={TEXT_LINK}>
            Follow these changes with a feed reader (Atom)
          </a>
          .
        </p>
      </div>
      <ParamIssues issues={issues} />
      <ChangeFilterForm key={href({})} view={view} names={names} />
      <p className="text-sm muted" role="status">
        {formatNumber(page.total)} {page.total === 1 ? "change" : "changes"}
      </p>
      {page.data.length === 0 ? (
        <p>No changes match these filters.</p>
      ) : (
        <ol aria-label="Changes, newest first" className="divide-y divide-gray-200 dark:divide-gray-800">
          {page.data.map((change) => (
            <li key={change.eventId} className="py-3">
              <div className="change-head">
                <time dateTime={change.occurredOn} className="change-date">
                  {formatDate(change.occurredOn)}
                </time>
                <span>{change.kinds.map((k) => CHANGE_LABELS[k]).join(" and ")}</span>
              </div>
              <Link href={dealHref(change.deal.id, view.filters.asOf)} className={`${TEXT_LINK} change-deal`}>
                {partiesText(change.deal)}
              </Link>
              {change.deal.round ? <span className="text-sm muted"> · {change.deal.round}</span> : null}
              <div className="change-states">
                {change.previous ? (
                  <>
                    <StatusBadge status={change.previous.status} />
                    <span>
                      {formatAmount(change.previous.amountUsdLow, change.previous.amountUsdHigh, change.previous.amountQualifier)}
                    </span>
                    <span aria-label="became">→</span>
                  </>
                ) : null}
                <StatusBadge status={change.status} />
                <span>{formatAmount(change.amountUsdLow, change.amountUsdHigh, change.amountQualifier)}</span>
              </div>
              {change.note ? <p className="change-note">{change.note}</p> : null}
              {change.source?.url ? (
                <ExternalLink href={change.source.url} className={`${TEXT_LINK} text-sm`}>
                  Source: {change.source.publisher ?? hostOf(change.source.url)}
                </ExternalLink>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page.page} pageCount={pageCount} hrefFor={(p) => href({ page: p })} label="Pages of changes" />
    </div>
  );
}
