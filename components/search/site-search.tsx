"use client";

// The header's search box. Without JavaScript it is a GET form to /search; with it, an ARIA combobox
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/, list autocomplete) that suggests organizations, then deals,
// from /api/search as the visitor types: arrows move through them, Enter opens the one chosen (or /search without
// one), Escape closes the list (and clears the box when it is already closed), and "/" anywhere focuses the box.
import { useEffect, useId, useRef, useState } from "react";

type Suggestion = { key: string; href: string; label: string; detail: string; group: "Organizations" | "Deals" };
type ApiAnswer = {
  organizations: { slug: string; name: string; type: string; matched: string; href: string }[];
  deals: { id: number; title: string; announcedOn: string }[];
};

const SUGGESTIONS_PER_KIND = 6;
/** The pause after a keystroke before asking: most keystrokes of a word then cost no request. */
const TYPING_PAUSE_MS = 120;

function toSuggestions(answer: ApiAnswer): Suggestion[] {
  return [
    ...answer.organizations.map((o) => ({
      key: `o-${o.slug}`,
      href: o.href,
      label: o.name,
      detail: o.matched !== o.name ? `matched “${o.matched}”` : "",
      group: "Organizations" as const,
    })),
    ...answer.deals.map((d) => ({
      key: `d-${d.id}`,
      href: `/deals/${d.id}`,
      label: d.title,
      detail: d.announcedOn,
      group: "Deals" as const,
    })),
  ];
}

export function SiteSearch({ initialQuery = "" }: { initialQuery?: string }) {
  const id = useId();
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(initialQuery);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const text = q.trim();
    if (text === "") return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(text)}&limit=${SUGGESTIONS_PER_KIND}`, {
          signal: controller.signal,
        });
        if (!response.ok) return;
        setSuggestions(toSuggestions((await response.json()) as ApiAnswer));
        setActive(-1);
      } catch {
        // Aborted by the next keystroke, or offline: the form still submits to /search.
      }
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const expanded = open && q.trim() !== "" && suggestions.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      // From the box the first (or last) suggestion; past either end back to the box.
      setActive((i) => {
        const next = (expanded ? i : -1) + step;
        return next < -1 ? suggestions.length - 1 : next >= suggestions.length ? -1 : next;
      });
    } else if (event.key === "Enter" && expanded && active >= 0 && active < suggestions.length) {
      event.preventDefault();
      window.location.assign(suggestions[active].href);
    } else if (event.key === "Escape") {
      // A search field clears itself on Escape: while the list is open, Escape only closes the list.
      if (expanded) {
        event.preventDefault();
        setOpen(false);
      } else {
        setQ("");
        setSuggestions([]);
      }
      setActive(-1);
    }
  }

  return (
    <form role="search" aria-label="Search the site" method="get" action="/search" className="relative w-full sm:w-64">
      <label htmlFor={`${id}-input`} className="sr-only">
        Search organizations and deals
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        name="q"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 && active < suggestions.length ? optionId(active) : undefined}
        autoComplete="off"
        placeholder="Search (press /)"
        value={q}
        onChange={(event) => {
          setQ(event.target.value);
          if (event.target.value.trim() === "") setSuggestions([]);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="w-full rounded border border-gray-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:bg-gray-900"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute right-0 left-0 z-20 mt-1 max-h-96 overflow-y-auto rounded border border-gray-300 bg-white py-1 text-sm shadow-lg dark:border-gray-700 dark:bg-gray-900"
      >
        {suggestions.map((s, i) => [
          i === 0 || suggestions[i - 1].group !== s.group ? (
            <li key={s.group} role="presentation" className="px-3 pt-1.5 text-xs font-semibold text-gray-600 uppercase dark:text-gray-400">
              {s.group}
            </li>
          ) : null,
          <li
            key={s.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              window.location.assign(s.href);
            }}
            onMouseEnter={() => setActive(i)}
            className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-blue-100 dark:bg-blue-900" : ""}`}
          >
            <span className="block break-words">{s.label}</span>
            {s.detail ? <span className="block text-xs text-gray-600 dark:text-gray-400">{s.detail}</span> : null}
          </li>,
        ])}
      </ul>
    </form>
  );
}
