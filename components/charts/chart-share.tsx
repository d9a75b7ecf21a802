"use client";

import { useState, useSyncExternalStore } from "react";
import { formatDate } from "@/lib/format";
import { ChartExport } from "./chart-export";

// A chart's Link, Embed and Cite actions. Each text is also shown as selectable text, so that without JavaScript a
// reader still copies it by hand; the Copy buttons appear once the page runs JavaScript (they need the clipboard).

const noSubscription = () => () => {};
// Short classes of app/globals.css: every chart's frame repeats them, in the HTML and again in React's payload.
const BUTTON = "button";
const POPOVER = "popover";
const FIELD = "snippet-field";

/** True once the page runs in a browser with JavaScript (false in the server's HTML). */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** This site's address as the browser sees it ("" in the server's HTML, where no request address is known). */
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}

/** The chart's own address: this page with its view (its query) and the chart's anchor. */
function useChartAddress(id: string): string {
  return useSyncExternalStore(
    noSubscription,
    () => `${window.location.origin}${window.location.pathname}${window.location.search}#${id}`,
    () => `#${id}`,
  );
}

async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an insecure origin, an old browser): select the text so that one keystroke copies it.
    field?.select();
    return false;
  }
}

/** A Copy button for `text`, shown only where JavaScript runs; it says "Copied" for screen readers and sighted users. */
export function CopyButton({ text, label, fieldId }: { text: string; label: string; fieldId?: string }) {
  const hydrated = useHydrated();
  const [status, setStatus] = useState("");
  if (!hydrated) return null;
  return (
    <>
      <button
        type="button"
        className={BUTTON}
        onClick={async () => {
          const field = fieldId ? (document.getElementById(fieldId) as HTMLTextAreaElement | null) : null;
          setStatus((await copyText(text, field)) ? "Copied" : "Selected: press Ctrl+C or ⌘C to copy");
        }}
      >
        Copy<span className="sr-only"> {label}</span>
      </button>
      <span role="status" className="ml-2 text-xs muted">
        {status}
      </span>
    </>
  );
}

function CopyPanel({
  summary,
  title,
  fieldLabel,
  fieldId,
  text,
  rows,
  children,
}: {
  summary: string;
  title: string;
  fieldLabel: string;
  fieldId: string;
  text: string;
  rows: number;
  children?: React.ReactNode;
}) {
  return (
    <details className="relative">
      <summary className={`cursor-pointer list-none ${BUTTON}`}>
        {summary}
        <span className="sr-only"> {title}</span>
      </summary>
      <div className={POPOVER}>
        <label className="block text-sm font-medium" htmlFor={fieldId}>
          {fieldLabel}
        </label>
        <textarea id={fieldId} readOnly rows={rows} value={text} className={FIELD} />
        <div className="mt-1 flex items-center">
          <CopyButton text={text} label={`${summary.toLowerCase()} of ${title}`} fieldId={fieldId} />
        </div>
        {children}
      </div>
    </details>
  );
}

/** "Link to this chart" (an anchor that works without JavaScript) and a button that copies the chart's full address. */
export function ChartLink({ id, title }: { id: string; title: string }) {
  const address = useChartAddress(id);
  return (
    <span className="inline-flex items-center gap-1">
      <a href={`#${id}`} className={BUTTON}>
        Link to this chart<span className="sr-only">: {title}</span>
      </a>
      <CopyLinkButton address={address} title={title} />
    </span>
  );
}

function CopyLinkButton({ address, title }: { address: string; title: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  if (!hydrated) return null;
  return (
    <button type="button" className={BUTTON} onClick={async () => setCopied(await copyText(address, null))}>
      {copied ? "Copied link" : "Copy link"}
      <span className="sr-only"> to {title}</span>
    </button>
  );
}

/**
 * The embed snippet: an iframe of the chart's /embed page, `height` px tall, which fits the chart at the snippet's
 * width (640 px), so the frame never scrolls inside. The embed page also posts its height to the host page
 * (docs/using.md), for hosts that resize frames.
 */
export function ChartEmbed({ path, title, height }: { path: string; title: string; height: number }) {
  const origin = useOrigin();
  const snippet = `<iframe src="${origin}${path}" title="${title.replace(/"/g, "&quot;")}" width="640" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  return (
    <CopyPanel summary="Embed" title={title} fieldLabel="Paste this into your page" fieldId={`embed-${path}`} text={snippet} rows={5}>
      <a href={path} className="mt-1 inline-block text-sm text-blue-700 underline dark:text-blue-400">
        Open the embeddable chart
      </a>
    </CopyPanel>
  );
}

/** A citation of the chart: the dashboard, its title, when its data last changed, and its address with the view. */
export function ChartCite({ id, title, changedAt }: { id: string; title: string; changedAt: string | null }) {
  const address = useChartAddress(id);
  const citation = chartCitation({ title, changedAt, address });
  return <CopyPanel summary="Cite" title={title} fieldLabel="Citation" fieldId={`cite-${id}`} text={citation} rows={4} />;
}

/** "AI Deal Tracker, “Title”, data as of 2 Dec 2026, https://…/analysis#hhi." */
export function chartCitation({ title, changedAt, address }: { title: string; changedAt: string | null; address: string }): string {
  const date = changedAt ? `, data as of ${formatDate(changedAt.slice(0, 10))}` : "";
  return `AI Deal Tracker, “${title}”${date}, ${address}.`;
}

/**
 * A chart frame's actions, drawn here from one set of props: the CSV link, the PNG and SVG downloads, Link, Embed (when
 * the chart has an embed page) and Cite. Each of them names the chart, so as separate elements of the server's frame
 * their props repeated the title and the frame's ids in React's payload once per action.
 */
export function ChartActions({
  id,
  title,
  csvHref,
  embedPath,
  embedHeight,
  legend,
  changedAt,
  disabled,
}: {
  id: string;
  title: string;
  csvHref: string;
  embedPath?: string;
  embedHeight: number;
  legend: { label: string; color: string }[];
  changedAt: string | null;
  disabled: boolean;
}) {
  return (
    <>
      <a href={csvHref} download className={BUTTON}>
        Download CSV<span className="sr-only"> of {title}</span>
      </a>
      <ChartExport
        bodyId={`${id}-chart`}
        chartId={id}
        title={title}
        countedId={`${id}-description`}
        fileName={id}
        legend={legend}
        changedAt={changedAt}
        disabled={disabled}
      />
      <ChartLink id={id} title={title} />
      {embedPath ? <ChartEmbed path={embedPath} title={title} height={embedHeight} /> : null}
      <ChartCite id={id} title={title} changedAt={changedAt} />
    </>
  );
}
