// "What changed": a deal's lifecycle events read as a feed of changes (its first report, then each change of status
// or of reported amount). lib/data/changes.ts reads them in SQL for /changes and its Atom feed;
// tests/support/reference-changes.ts is the same rule over one deal's events in memory, which the tests hold it to.
import type { HistoryEvent } from "./as-of";

export const CHANGE_KINDS = ["new", "status", "amount"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_LABELS: Record<ChangeKind, string> = { new: "New deal", status: "Status change", amount: "Amount change" };

export function sameAmount(
  a: Pick<HistoryEvent, "amountUsdLow" | "amountUsdHigh" | "amountQualifier">,
  b: Pick<HistoryEvent, "amountUsdLow" | "amountUsdHigh" | "amountQualifier">,
): boolean {
  return a.amountUsdLow === b.amountUsdLow && a.amountUsdHigh === b.amountUsdHigh && a.amountQualifier === b.amountQualifier;
}
