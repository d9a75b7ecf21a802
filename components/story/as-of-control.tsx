"use client";

import { usePathname, useSearchParams } from "next/navigation";

const FIELD =
  "w-28 rounded border border-gray-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:bg-gray-900";
const BUTTON =
  "rounded border border-gray-300 px-2 py-1 text-sm hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:hover:bg-gray-800";

/**
 * The header's "as of" date: a GET form to the current page that keeps the page's other parameters. Without
 * JavaScript (the static fallback) it still submits `asOf`, to the current page without its other parameters.
 */
export function AsOfControl() {
  const pathname = usePathname();
  const params = useSearchParams();
  const kept = [...params.entries()].filter(([key]) => key !== "asOf" && key !== "page");
  return <AsOfForm action={pathname} asOf={params.get("asOf") ?? ""} kept={kept} />;
}

export function AsOfForm({ action, asOf, kept }: { action?: string; asOf: string; kept: [string, string][] }) {
  return (
    <form method="get" action={action} aria-label="Show as of a date" className="flex items-center gap-1">
      {kept.map(([key, value], i) => (
        <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
      ))}
      <label htmlFor="as-of-date" className="text-sm text-gray-600 dark:text-gray-400">
        As of
      </label>
      {/* A text field rather than type="date": Chromium focuses a date field's parts, so its focus ring never showed. */}
      <input
        id="as-of-date"
        type="text"
        name="asOf"
        defaultValue={asOf}
        placeholder="YYYY-MM-DD"
        pattern="\d{4}-\d{2}-\d{2}"
        inputMode="numeric"
        autoComplete="off"
        className={FIELD}
      />
      <button type="submit" className={BUTTON}>
        Show
      </button>
    </form>
  );
}
