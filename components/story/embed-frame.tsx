import type { ReactNode } from "react";
import { formatDate } from "@/lib/format";
import { DataFreshness } from "./data-freshness";
import { EmbedHeight } from "./embed-height";

/**
 * What an /embed page shows around its chart: the title, the chart, the date shown and a link back to the full view on
 * this site (opened outside the frame), when the data last changed, and its height posted to the host page. Nothing else, so that the page stays light in someone else's article.
 */
export function EmbedFrame({
  title,
  description,
  takeaway,
  asOf,
  fullHref,
  children,
}: {
  title: string;
  description: string;
  /** The chart's one-line takeaway, the same as on its page. */
  takeaway?: string | null;
  asOf: string | null;
  fullHref: string;
  children: ReactNode;
}) {
  return (
    <figure id="embed" className="space-y-2">
      <figcaption>
        <h1 className="text-base font-semibold">{title}</h1>
        {takeaway ? (
          <p data-takeaway="" className="text-sm font-medium">
            {takeaway}
          </p>
        ) : null}
        <p className="text-xs muted">{description}</p>
      </figcaption>
      {children}
      <p className="text-xs muted">
        {asOf ? (
          <>
            As reported on <time dateTime={asOf}>{formatDate(asOf)}</time>.{" "}
          </>
        ) : null}
        Source:{" "}
        <a href={fullHref} target="_blank" rel="noopener" className="underline">
          AI Deal Tracker, the full view with its data and sources
        </a>
      </p>
      <DataFreshness />
      <EmbedHeight targetId="embed" />
    </figure>
  );
}
