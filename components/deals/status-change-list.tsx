import Link from "next/link";
import type { StatusChange } from "@/lib/data/overview";
import { formatAmount, formatDate } from "@/lib/format";
import { dealHref } from "@/lib/story/view-href";
import { StatusBadge } from "./status-badge";

export function StatusChangeList({ changes, asOf }: { changes: StatusChange[]; asOf: string | null }) {
  if (changes.length === 0) return <p className="text-sm muted">No status changes recorded yet.</p>;
  return (
    <ul className="divide-y divide-gray-200 dark:divide-gray-800">
      {changes.map((change) => (
        <li key={change.eventId} className="py-3">
          <Link href={dealHref(change.dealId, asOf)} className="group block rounded focus-visible:outline-2 focus-visible:outline-blue-600">
            <span className="font-medium group-hover:underline">
              {change.investors.slice(0, 3).join(", ")} → {change.recipient}
            </span>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm muted">
              <time dateTime={change.occurredOn}>{formatDate(change.occurredOn)}</time>
              <StatusBadge status={change.from} />
              <span aria-label="became">→</span>
              <StatusBadge status={change.to} />
              <span>{formatAmount(change.amountUsdLow, change.amountUsdHigh, change.amountQualifier)}</span>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
