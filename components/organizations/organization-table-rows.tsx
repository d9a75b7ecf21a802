"use client";

// The bodies of an investor page's longest tables, drawn from short text written on the server (the tables' files):
// a client component's props travel once in React's payload beside its HTML, where a server component's markup
// travels as the HTML and again as elements. Links and markup are the same with or without JavaScript.
import Link from "next/link";
import { StatusBadge } from "@/components/deals/status-badge";
import type { DealStatus } from "@/lib/domain";

/** A co-investor: its page and name, rounds in common, the newest shared rounds (page, label, date) and the note past them. */
export type CoInvestorRow = [
  href: string,
  name: string,
  rounds: string,
  shared: [href: string, label: string, date: string][],
  more: string | null,
];

export function CoInvestorRows({ rows }: { rows: CoInvestorRow[] }) {
  return (
    <tbody>
      {rows.map(([href, name, count, shared, more]) => (
        <tr key={href} className="row-rule">
          <th scope="row" className="align-top">
            <Link href={href} className="link">
              {name}
            </Link>
          </th>
          <td className="text-right align-top">{count}</td>
          <td>
            <ul className="space-y-0.5">
              {shared.map(([roundHref, label, date]) => (
                <li key={roundHref}>
                  <Link href={roundHref} className="link">
                    {label}
                  </Link>{" "}
                  <span className="text-gray-600 dark:text-gray-400">({date})</span>
                </li>
              ))}
            </ul>
            {more ? <p className="text-gray-600 dark:text-gray-400">{more}</p> : null}
          </td>
        </tr>
      ))}
    </tbody>
  );
}

/**
 * A deal of an investor's portfolio: its page, date (ISO and written), label and co-investor note, its recipient's page
 * and name, kind, status, amount as reported, and the part counted for the investor (short and exact; null when the
 * deal is not counted).
 */
export type PortfolioRow = [
  href: string,
  date: string,
  dateText: string,
  label: string,
  others: string | null,
  recipientHref: string,
  recipient: string,
  kind: string,
  status: DealStatus,
  amount: string,
  counted: [short: string, exact: string] | null,
];

export function PortfolioRows({ rows }: { rows: PortfolioRow[] }) {
  return (
    <tbody>
      {rows.map(([href, date, dateText, label, others, recipientHref, recipient, kind, status, amount, counted]) => (
        <tr key={href} className="row-rule align-top">
          <td className="whitespace-nowrap">
            <time dateTime={date}>{dateText}</time>
          </td>
          <th scope="row" className="min-w-48 font-normal">
            <Link href={href} className="link">
              {label}
            </Link>
            {others ? <span className="block text-xs text-gray-600 dark:text-gray-400">{others}</span> : null}
          </th>
          <td>
            <Link href={recipientHref} className="link">
              {recipient}
            </Link>
          </td>
          <td>{kind}</td>
          <td>
            <StatusBadge status={status} />
          </td>
          <td className="whitespace-nowrap text-right">{amount}</td>
          <td className="whitespace-nowrap text-right">
            {counted === null ? (
              <span className="text-gray-600 dark:text-gray-400">Not counted</span>
            ) : (
              <span title={counted[1]}>{counted[0]}</span>
            )}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
