"use client";

// The rows of a circular flow's leg table (circular-flow-list.tsx), drawn from short text written on the server: a
// client component's props travel once in React's payload beside its HTML, where a server component's markup travels
// as the HTML and again as elements. Links and markup are the same with or without JavaScript.
import Link from "next/link";
import { StatusBadge } from "@/components/deals/status-badge";
import type { DealStatus } from "@/lib/domain";

/** A figure as shown and its exact value for the title (null: undisclosed, no title). */
export type LegAmount = [shown: string, exact: string | null];

/** A leg: its deal's page and label, date (ISO and written), kind, status, the deal's total, the payer's part (its exact dollars). */
export type LegRow = [
  href: string,
  label: string,
  date: string,
  dateText: string,
  kind: string,
  status: DealStatus,
  total: LegAmount,
  part: LegAmount,
  partValue: string,
];

function Amount({ amount: [shown, exact] }: { amount: LegAmount }) {
  return exact === null ? <>{shown}</> : <span title={exact}>{shown}</span>;
}

export function LegRows({ rows }: { rows: LegRow[] }) {
  return rows.map(([href, label, date, dateText, kind, status, total, part, partValue], i) => (
    <tr key={`${href}-${i}`} className="row-rule">
      <th scope="row">
        <Link href={href} className="text-link">
          {label}
        </Link>
      </th>
      <td className="text-left">
        <time dateTime={date}>{dateText}</time>
      </td>
      <td className="text-left whitespace-normal">{kind}</td>
      <td className="text-left">
        <StatusBadge status={status} />
      </td>
      <td>
        <Amount amount={total} />
      </td>
      <td data-part={partValue}>
        <Amount amount={part} />
      </td>
    </tr>
  ));
}
