import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangeEntries, type ChangeEntry } from "@/components/changes/change-entries";
import { dealHref } from "@/lib/story/view-href";
import { AsOfBanner } from "@/components/story/as-of-banner";
import { DataFreshness } from "@/components/story/data-freshness";
import { ChangeFilterForm } from "@/components/story/change-filter-form";
import { hostOf } from "@/components/ui/external-link";
import { Pagination } from "@/components/ui/pagination";
import { ParamIssues } from "@/components/ui/param-issues";
import { listChanges, type ChangeItem } from "@/lib/data/changes";
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

/** A change as ChangeEntries draws it: its text written here, once. */
function changeEntry(change: ChangeItem, asOf: string | null): ChangeEntry {
  const { previous, source } = change;
  return [
    change.eventId,
    change.occurredOn,
    formatDate(change.occurredOn),
    change.kinds.map((k) => CHANGE_LABELS[k]).join(" and "),
    dealHref(change.deal.id, asOf),
    partiesText(change.deal),
    change.deal.round,
    previous ? [previous.status, formatAmount(previous.amountUsdLow, previous.amountUsdHigh, previous.amountQualifier)] : null,
    change.status,
    formatAmount(change.amountUsdLow, change.amountUsdHigh, change.amountQualifier),
    change.note || null,
    source?.url ? [source.url, source.publisher ?? hostOf(source.url)] : null,
  ];
}

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
          <a href={feedHref} className="text-link">
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
        <ChangeEntries entries={page.data.map((change) => changeEntry(change, view.filters.asOf))} />
      )}
      <Pagination page={page.page} pageCount={pageCount} hrefFor={(p) => href({ page: p })} label="Pages of changes" />
    </div>
  );
}
