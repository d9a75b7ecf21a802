import { STATUS_LABELS, type DealStatus } from "@/lib/domain";

const STYLES: Record<DealStatus, string> = {
  rumored: "bg-gray-100 text-gray-800 ring-gray-300 dark:bg-gray-800 dark:text-gray-200 dark:ring-gray-600",
  in_talks: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700",
  announced: "bg-blue-50 text-blue-900 ring-blue-300 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-700",
  closed: "bg-green-50 text-green-900 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-700",
  terminated: "bg-red-50 text-red-900 ring-red-300 line-through dark:bg-red-950 dark:text-red-200 dark:ring-red-700",
};

export function StatusBadge({ status }: { status: DealStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
