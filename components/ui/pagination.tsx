import Link from "next/link";

// Classes of app/globals.css.
const LINK = "button";
const DISABLED = "button-off";

/** Links to the first, previous, next and last pages; works without JavaScript like every other control here. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label: string;
}) {
  if (pageCount <= 1) return null;
  const steps: { text: string; target: number; enabled: boolean }[] = [
    { text: "First", target: 1, enabled: page > 1 },
    { text: "Previous", target: Math.min(page - 1, pageCount), enabled: page > 1 },
    { text: "Next", target: page + 1, enabled: page < pageCount },
    { text: "Last", target: pageCount, enabled: page < pageCount },
  ];
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      {steps.slice(0, 2).map((s) => (
        <PageLink key={s.text} {...s} hrefFor={hrefFor} />
      ))}
      <span className="px-2" aria-current="page">
        Page {page} of {pageCount}
      </span>
      {steps.slice(2).map((s) => (
        <PageLink key={s.text} {...s} hrefFor={hrefFor} />
      ))}
    </nav>
  );
}

function PageLink({
  text,
  target,
  enabled,
  hrefFor,
}: {
  text: string;
  target: number;
  enabled: boolean;
  hrefFor: (page: number) => string;
}) {
  if (!enabled)
    return (
      <span className={DISABLED} aria-disabled="true">
        {text}
      </span>
    );
  return (
    <Link href={hrefFor(target)} className={LINK}>
      {text}
    </Link>
  );
}
