import { STATUS_LABELS, type DealStatus } from "@/lib/domain";

/** The status as a coloured pill; its colours are the `badge-<status>` classes of app/globals.css. */
export function StatusBadge({ status }: { status: DealStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>;
}
