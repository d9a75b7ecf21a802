import { invalidParameters, unknownParameters } from "@/lib/api/responses";
import { listChanges } from "@/lib/data/changes";
import { changeViewToParams, CHANGE_VIEW_PARAMS, parseChangeView } from "@/lib/filters/change-filters";
import { atomDate, buildAtomFeed, tagUri } from "@/lib/story/atom";
import { changeTitle } from "@/lib/story/change-text";
import { publicOrigin } from "@/lib/story/public-origin";
import { withErrorHandling } from "@/lib/request-id";

const FEED_SIZE = 50;

/** GET /changes/feed.xml?<the /changes filters>: the newest changes as an Atom feed, for readers without an account. */
export const GET = withErrorHandling(async (request: Request) => {
  const url = new URL(request.url);
  const { view, issues } = parseChangeView(url.searchParams);
  const unknown = unknownParameters(url.searchParams, CHANGE_VIEW_PARAMS);
  if (issues.length + unknown.length > 0) return invalidParameters([...issues, ...unknown]);
  const pageSize = url.searchParams.has("pageSize") ? view.filters.pageSize : FEED_SIZE;
  const page = await listChanges({ ...view, filters: { ...view.filters, pageSize } });

  const origin = publicOrigin(request);
  const host = new URL(origin).hostname;
  const query = changeViewToParams(view).toString();
  const suffix = query ? `?${query}` : "";
  const xml = buildAtomFeed({
    id: tagUri(host, `changes${suffix}`),
    title: `AI Deal Tracker: changes${query ? ` (${decodeURIComponent(query.replace(/\+/g, " "))})` : ""}`,
    // The newest change's date, so the feed only looks updated when something changed.
    updated: atomDate(page.data[0]?.occurredOn ?? "2019-01-01"),
    self: `${origin}/changes/feed.xml${suffix}`,
    alternate: `${origin}/changes${suffix}`,
    author: "AI Deal Tracker",
    entries: page.data.map((change) => ({
      id: tagUri(host, `deal-event-${change.eventId}`),
      title: changeTitle(change),
      updated: atomDate(change.occurredOn),
      link: `${origin}/deals/${change.deal.id}`,
      summary: [change.deal.round, change.note].filter(Boolean).join(". "),
      related: change.source?.url ? [{ href: change.source.url, title: change.source.publisher ?? change.source.title ?? undefined }] : [],
    })),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
});
