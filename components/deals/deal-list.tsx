import Link from "next/link";
import { KIND_LABELS } from "@/lib/domain";
import type { DealSummary } from "@/lib/data/deals";
import { formatAmount, formatDate } from "@/lib/format";
import { dealHref } from "@/lib/story/view-href";
import { StatusBadge } from "./status-badge";

/** `asOf`: the view's date, kept on every deal link (null today). */
export function DealList({ deals, empty, asOf }: { deals: DealSummary[]; empty: string; asOf: string | null }) {
  if (deals.length === 0) return <p className="text-sm text-gray-600 dark:text-gray-400">{empty}</p>;
  return (
    <ul className="divide-y divide-gray-200 dark:divide-gray-800">
      {deals.map((deal) => (
        <li key={deal.id} className="py-3">
          <Link href={dealHref(deal.id, asOf)} className="group block rounded focus-visible:outline-2 focus-visible:outline-blue-600">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <span className="font-medium group-hover:underline">
                {deal.investors.length > 0
                  ? `${deal.investors
                      .slice(0, 3)
                      .map((i) => i.name)
                      .join(", ")}${deal.investors.length > 3 ? ` +${deal.investors.length - 3}` : ""} → `
                  : ""}
                {deal.recipient.name}
              </span>
              <span className="font-semibold">{formatAmount(deal.amountUsdLow, deal.amountUsdHigh, deal.amountQualifier)}</span>
            </div>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-600 dark:text-gray-400">
              <time dateTime={deal.announcedOn}>{formatDate(deal.announcedOn)}</time>
              <span aria-hidden="true">·</span>
              <span>{KIND_LABELS[deal.kind]}</span>
              <StatusBadge status={deal.status} />
              {/* Wrapped, not truncated: a nowrap round name is as wide as its text, and in the grids that hold this list
                  (the overview, a deal's related deals) that pushed the page wider than a 375 px phone. */}
              {deal.round ? <span className="min-w-0 [overflow-wrap:anywhere]">{deal.round}</span> : null}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
