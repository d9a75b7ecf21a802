"use client";

// The one suggestion widget: a text field that, with JavaScript, is an ARIA combobox
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/, list autocomplete) suggesting organizations (and, in the
// header, deals) from /api/search as the visitor types. Arrows move through the suggestions, Enter takes the one
// chosen, Escape closes the list. Without JavaScript it is the plain field its form submits. The header's search opens
// the chosen page ("navigate"); a filter field writes the chosen organization's name into itself ("fill"), as one of
// several comma-separated names when it takes several, and the server resolves the names to slugs as for any typed name.
import { useEffect, useRef, useState } from "react";

type Suggestion = { key: string; href: string; label: string; fill: string; detail: string; group: "Organizations" | "Deals" };
type ApiAnswer = {
  organizations: { slug: string; name: string; type: string; matched: string; href: string }[];
  deals: { id: number; title: string; announcedOn: string }[];
};

const SUGGESTIONS_PER_KIND = 6;
/** The pause after a keystroke before asking: most keystrokes of a word then cost no request. */
const TYPING_PAUSE_MS = 120;

function toSuggestions(answer: ApiAnswer, withDeals: boolean): Suggestion[] {
  return [
    ...answer.organizations.map((o) => ({
      key: `o-${o.slug}`,
      href: o.href,
      label: o.name,
      // A name holding a comma would split into two names in a list field: the slug stands in for it.
      fill: o.name.includes(",") ? o.slug : o.name,
      detail: o.matched !== o.name ? `matched “${o.matched}”` : "",
      group: "Organizations" as const,
    })),
    ...(withDeals ? answer.deals : []).map((d) => ({
      key: `d-${d.id}`,
      href: `/deals/${d.id}`,
      label: d.title,
      fill: d.title,
      detail: d.announcedOn,
      group: "Deals" as const,
    })),
  ];
}

/** The part of the field being typed: all of it, or in a list field the name after the last comma. */
function currentTerm(value: string, list: boolean): string {
  return (list ? value.slice(value.lastIndexOf(",") + 1) : value).trim();
}

export function SuggestionCombobox({
  inputId,
  name,
  defaultValue = "",
  onChoose,
  list = false,
  slashFocuses = false,
  type = "text",
  placeholder,
  maxLength,
  describedBy,
  className,
}: {
  inputId: string;
  name: string;
  defaultValue?: string;
  /** "navigate" opens the chosen suggestion's page; "fill" writes its name into the field (organizations only). */
  onChoose: "navigate" | "fill";
  /** The field takes several comma-separated names; suggestions are for the last. */
  list?: boolean;
  /** "/" anywhere on the page (outside a field) focuses this box. */
  slashFocuses?: boolean;
  type?: "text" | "search";
  placeholder?: string;
  maxLength?: number;
  describedBy?: string;
  className?: string;
}) {
  const listId = `${inputId}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(defaultValue);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  // The highlighted suggestion by its key, not its place: an answer arriving for a later keystroke (or late, on a slow
  // connection) keeps it highlighted where it is still suggested, instead of dropping the choice the visitor was
  // making with the arrows.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  // -1 (none) or a place in the suggestions shown.
  const active = activeKey === null ? -1 : suggestions.findIndex((s) => s.key === activeKey);
  const setActive = (i: number) => setActiveKey(suggestions[i]?.key ?? null);
  const term = currentTerm(value, list);
  const withDeals = onChoose === "navigate";

  useEffect(() => {
    if (!slashFocuses) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [slashFocuses]);

  useEffect(() => {
    if (term === "") return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(term)}&limit=${SUGGESTIONS_PER_KIND}`, {
          signal: controller.signal,
        });
        if (!response.ok) return;
        setSuggestions(toSuggestions((await response.json()) as ApiAnswer, withDeals));
      } catch {
        // Aborted by the next keystroke, or offline: the form still submits what is typed.
      }
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [term, withDeals]);

  const expanded = open && term !== "" && suggestions.length > 0;
  const optionId = (i: number) => `${inputId}-option-${i}`;

  function choose(s: Suggestion) {
    if (onChoose === "navigate") {
      window.location.assign(s.href);
      return;
    }
    const before = list ? value.slice(0, value.lastIndexOf(",") + 1) : "";
    setValue(before ? `${before} ${s.fill}` : s.fill);
    setSuggestions([]);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      // From the box the first (or last) suggestion; past either end back to the box.
      const next = (expanded ? active : -1) + step;
      setActive(next < -1 ? suggestions.length - 1 : next);
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      choose(suggestions[active]);
    } else if (event.key === "Escape") {
      // While the list is open, Escape only closes it; a search field then clears itself on a second Escape.
      if (expanded) {
        event.preventDefault();
        setOpen(false);
      } else if (type === "search") {
        setValue("");
        setSuggestions([]);
      }
      setActive(-1);
    }
  }

  return (
    <div className="relative">
      <input
        ref={input}
        id={inputId}
        name={name}
        type={type}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        maxLength={maxLength}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          if (currentTerm(event.target.value, list) === "") setSuggestions([]);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className={className}
      />
      <ul id={listId} role="listbox" aria-label="Suggestions" hidden={!expanded} className="suggestions">
        {suggestions.map((s, i) => [
          withDeals && (i === 0 || suggestions[i - 1].group !== s.group) ? (
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
              choose(s);
            }}
            onMouseEnter={() => setActive(i)}
            className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-blue-100 dark:bg-blue-900" : ""}`}
          >
            <span className="block break-words">{s.label}</span>
            {s.detail ? <span className="block text-xs muted">{s.detail}</span> : null}
          </li>,
        ])}
      </ul>
    </div>
  );
}
