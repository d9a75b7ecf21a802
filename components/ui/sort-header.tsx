import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A sortable table's column header: a link to the address that sorts by the column (so it works without JavaScript),
 * aria-sort and an arrow on the column the table is sorted by.
 */
export function SortHeader({
  href,
  sorted,
  className,
  children,
}: {
  href: string;
  /** The direction when the table is sorted by this column, else null. */
  sorted: "ascending" | "descending" | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <th scope="col" aria-sort={sorted ?? undefined} className={className}>
      <Link
        href={href}
        prefetch={false}
        scroll={false}
        // A short class of app/globals.css: the header is server markup, sent as HTML and again in React's payload.
        className="sort-link"
      >
        {children}
        {sorted ? <span aria-hidden="true">{sorted === "descending" ? " ↓" : " ↑"}</span> : null}
      </Link>
    </th>
  );
}
