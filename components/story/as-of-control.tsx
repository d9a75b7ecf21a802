"use client";

import { useSearchParams } from "next/navigation";
import { Suspense, useCallback, useEffect, useRef } from "react";

/**
 * The header's "as of" date: a GET form to the current page (it has no action, so the browser sends it to the page's
 * own address) that keeps the page's other parameters. The form and its field stand outside any Suspense boundary:
 * only the page's parameters (hidden fields) and the date the field shows are read from the address, inside one
 * (useSearchParams needs one on statically rendered pages). A field inside the boundary was its fallback's until the
 * streamed content replaced it, and a date typed before that was lost. Without JavaScript the form sends the date with
 * the page's parameters on a page rendered per request, and the date alone on one rendered once (such as `/about`),
 * whose boundary is left to the browser.
 */
export function AsOfControl() {
  const field = useRef<HTMLInputElement>(null);
  const shown = useRef("");
  // The page's date replaces the one shown before, not a date the reader has typed.
  const showDate = useCallback((asOf: string) => {
    const input = field.current;
    if (input && input.value === shown.current) input.value = asOf;
    shown.current = asOf;
  }, []);
  return (
    <form method="get" aria-label="Show as of a date" className="flex items-center gap-1">
      <Suspense fallback={null}>
        <PageParameters onDate={showDate} />
      </Suspense>
      <label htmlFor="as-of-date" className="text-sm muted">
        As of
      </label>
      {/* A text field rather than type="date": Chromium focuses a date field's parts, so its focus ring never showed. */}
      <input
        ref={field}
        id="as-of-date"
        type="text"
        name="asOf"
        placeholder="YYYY-MM-DD"
        pattern="\d{4}-\d{2}-\d{2}"
        inputMode="numeric"
        autoComplete="off"
        className="w-28 header-field"
      />
      <button type="submit" className="header-button">
        Show
      </button>
    </form>
  );
}

/** The page's parameters but the date and the page number, as hidden fields; the page's date goes to `onDate`. */
function PageParameters({ onDate }: { onDate: (asOf: string) => void }) {
  const params = useSearchParams();
  const asOf = params.get("asOf") ?? "";
  useEffect(() => onDate(asOf), [asOf, onDate]);
  return [...params.entries()]
    .filter(([key]) => key !== "asOf" && key !== "page")
    .map(([key, value], i) => <input key={`${key}-${i}`} type="hidden" name={key} value={value} />);
}
