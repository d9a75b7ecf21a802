import Link from "next/link";

const LINK =
  "rounded border border-gray-300 px-3 py-1.5 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:hover:bg-gray-800";
const DISABLED = "rounded border border-gray-200 px-3 py-1.5 text-gray-500 dark:border-gray-800 dark:text-gray-400";

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
