"use client";

// The header's search box. Without JavaScript it is a GET form to /search; with it, the suggestion combobox over
// organizations, then deals: Enter opens the one chosen (or /search without one), Escape closes the list (and clears
// the box when it is already closed), and "/" anywhere focuses the box.
import { useId } from "react";
import { SuggestionCombobox } from "./suggestion-combobox";

export function SiteSearch({ initialQuery = "" }: { initialQuery?: string }) {
  const id = useId();
  return (
    <form role="search" aria-label="Search the site" method="get" action="/search" className="relative w-full sm:w-64">
      <label htmlFor={`${id}-input`} className="sr-only">
        Search organizations and deals
      </label>
      <SuggestionCombobox
        inputId={`${id}-input`}
        name="q"
        type="search"
        defaultValue={initialQuery}
        onChoose="navigate"
        slashFocuses
        placeholder="Search (press /)"
        className="w-full header-field"
      />
    </form>
  );
}
