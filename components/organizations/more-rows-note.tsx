import Link from "next/link";
import type { ReactNode } from "react";
import { formatNumber } from "@/lib/format";

/**
 * How many rows an organization page's ranked tables show (the largest first). A large investor has thousands of
 * recipients and co-investors at scale: listing them all made its page megabytes of HTML.
 */
export const ROWS_SHOWN = 25;

/**
 * The first `shown` (ROWS_SHOWN) rows of a ranked list drawn by `table`, and, when there are more, a note saying how
 * many and where every row or every deal behind them is listed.
 */
export function FirstRows<Row>({
  rows,
  table,
  what,
  href,
  linkText,
  shown = ROWS_SHOWN,
}: {
  rows: Row[];
  table: (rows: Row[]) => ReactNode;
  what: string;
  href: string;
  linkText: string;
  shown?: number;
}) {
  return (
    <>
      {table(rows.slice(0, shown))}
      {rows.length > shown ? (
        <p className="text-sm muted">
          The first {formatNumber(shown)} of {formatNumber(rows.length)} {what}.{" "}
          <Link href={href} className="text-link">
            {linkText}
          </Link>
        </p>
      ) : null}
    </>
  );
}
