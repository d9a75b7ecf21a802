"use client";

// The entries of /changes, drawn from short text written on the server (changeEntry, app/changes/page.tsx): a client
// component's props travel once in React's payload beside its HTML, where a server component's elements travel twice,
// and fifty entries a page made most of it. Links and markup are the same with or without JavaScript.
import Link from "next/link";
import type { DealStatus } from "@/lib/domain";
import { StatusBadge } from "@/components/deals/status-badge";
import { ExternalLink } from "@/components/ui/external-link";

/**
 * A change: its event's id, date (ISO) and date as shown, what changed, the deal's page and parties, its round (or
 * null), the status and amount before (null for a new deal) and after, the change's note and its source (address and
 * label), or null.
 */
export type ChangeEntry = [
  id: number,
  date: string,
  dateText: string,
  what: string,
  dealHref: string,
  parties: string,
  round: string | null,
  before: [status: DealStatus, amount: string] | null,
  status: DealStatus,
  amount: string,
  note: string | null,
  source: [href: string, label: string] | null,
];

export function ChangeEntries({ entries }: { entries: ChangeEntry[] }) {
  return (
    <ol aria-label="Changes, newest first" className="divide-y divide-gray-200 dark:divide-gray-800">
      {entries.map(([id, date, dateText, what, dealHref, parties, round, before, status, amount, note, source]) => (
        <li key={id} className="py-3">
          <div className="change-head">
            <time dateTime={date} className="change-date">
              {dateText}
            </time>
            <span>{what}</span>
          </div>
          <Link href={dealHref} className="text-link change-deal">
            {parties}
          </Link>
          {round ? <span className="text-sm muted"> · {round}</span> : null}
          <div className="change-states">
            {before ? (
              <>
                <StatusBadge status={before[0]} />
                <span>{before[1]}</span>
                <span aria-label="became">→</span>
              </>
            ) : null}
            <StatusBadge status={status} />
            <span>{amount}</span>
          </div>
          {note ? <p className="change-note">{note}</p> : null}
          {source ? (
            <ExternalLink href={source[0]} className="text-link text-sm">
              Source: {source[1]}
            </ExternalLink>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
