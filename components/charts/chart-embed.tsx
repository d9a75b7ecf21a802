"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** The chart's "Embed" action: an iframe snippet of its /embed page, with this site's address filled in by the browser. */
export function ChartEmbed({ path, title }: { path: string; title: string }) {
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  const snippet = `<iframe src="${origin}${path}" title="${title.replace(/"/g, "&quot;")}" width="640" height="420" style="border:0" loading="lazy"></iframe>`;
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded border border-gray-300 px-3 py-1.5 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:hover:bg-gray-800">
        Embed<span className="sr-only"> {title}</span>
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-80 rounded border border-gray-300 bg-white p-3 shadow-lg dark:border-gray-700 dark:bg-gray-900">
        <label className="block text-sm font-medium" htmlFor={`embed-${path}`}>
          Paste this into your page
        </label>
        <textarea
          id={`embed-${path}`}
          readOnly
          rows={5}
          value={snippet}
          className="mt-1 w-full rounded border border-gray-300 p-1 font-mono text-xs dark:border-gray-700 dark:bg-gray-950"
        />
        <a href={path} className="mt-1 inline-block text-sm text-blue-700 underline dark:text-blue-400">
          Open the embeddable chart
        </a>
      </div>
    </details>
  );
}
