// The /changes rule written apart from its SQL (lib/data/changes.ts): each deal's events in the order they happened,
// its first report and then each event that changed the status or the reported amount, narrowed and sorted newest
// first in memory. tests/integration/changes.test.ts compares the two.
import { amountKey } from "@/lib/measures/capital";
import { orderEvents } from "@/lib/story/as-of";
import type { HistoryEvent } from "@/lib/story/as-of";
import type { ChangeKind } from "@/lib/story/changes";

export type ChangeEvent = HistoryEvent & { note: string };

type Amount = Pick<HistoryEvent, "amountUsdLow" | "amountUsdHigh" | "amountQualifier">;

function sameAmount(a: Amount, b: Amount): boolean {
  return a.amountUsdLow === b.amountUsdLow && a.amountUsdHigh === b.amountUsdHigh && a.amountQualifier === b.amountQualifier;
}

/** One event seen as a change: what it changed, and the state before it (null for a first report). */
export type Change<E extends ChangeEvent = ChangeEvent> = {
  event: E;
  /** "new" for the first report; otherwise "status" and/or "amount", whichever the event changed. */
  kinds: ChangeKind[];
  previous: E | null;
};

/** What /changes narrows events by; the deal-level filters (investor, recipient, kind, text) are applied by the query. */
export type ChangeFilters = {
  kinds: readonly ChangeKind[];
  /** The status after the change ("only changes to closed"). */
  statuses: readonly string[];
  from: string | null;
  to: string | null;
  min: bigint | null;
  max: bigint | null;
  asOf: string | null;
};

/** The changes of one deal, oldest first. An event that repeats the previous state (a note only) is not a change. */
export function dealChanges<E extends ChangeEvent>(events: readonly E[]): Change<E>[] {
  const ordered = orderEvents(events);
  const changes: Change<E>[] = [];
  ordered.forEach((event, index) => {
    const previous = index > 0 ? ordered[index - 1] : null;
    if (previous === null) {
      changes.push({ event, kinds: ["new"], previous: null });
      return;
    }
    const kinds: ChangeKind[] = [];
    if (previous.status !== event.status) kinds.push("status");
    if (!sameAmount(previous, event)) kinds.push("amount");
    if (kinds.length > 0) changes.push({ event, kinds, previous });
  });
  return changes;
}

export function matchesChangeFilters(change: Change, f: ChangeFilters): boolean {
  const { event } = change;
  if (f.kinds.length > 0 && !change.kinds.some((k) => f.kinds.includes(k))) return false;
  if (f.statuses.length > 0 && !f.statuses.includes(event.status)) return false;
  if (f.from !== null && event.occurredOn < f.from) return false;
  if (f.to !== null && event.occurredOn > f.to) return false;
  if (f.asOf !== null && event.occurredOn > f.asOf) return false;
  const key = amountKey(event.amountUsdLow, event.amountUsdHigh);
  if (f.min !== null && (key === null || key < f.min)) return false;
  if (f.max !== null && (key === null || key > f.max)) return false;
  return true;
}

/** Newest first: by date, then the later-recorded first. */
export function compareChangesNewestFirst(a: Change, b: Change): number {
  if (a.event.occurredOn !== b.event.occurredOn) return a.event.occurredOn < b.event.occurredOn ? 1 : -1;
  return b.event.id - a.event.id;
}
