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
        className="rounded underline decoration-dotted hover:decoration-solid focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {children}
        {sorted ? <span aria-hidden="true">{sorted === "descending" ? " ↓" : " ↑"}</span> : null}
      </Link>
    </th>
  );
}
