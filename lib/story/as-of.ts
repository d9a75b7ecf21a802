// "What was known when": a deal as reported on a given date, rebuilt from its lifecycle events.
// Pure, and written apart from the SQL: it is the reference the deals' states in SQL (lib/data/deal-state.ts, which
// every page, list, figure and API answer reads) are tested against, as lib/measures is for the figures.
import type { AmountQualifier, DealStatus } from "../domain";

/**
 * One lifecycle step (DealEvent): the status and amounts reported on `occurredOn`. Status and qualifier are typed
 * loosely so that stored rows (strings) and domain objects both fit; the values are those of lib/domain.ts.
 */
export type HistoryEvent = {
  id: number;
  occurredOn: string;
  status: DealStatus | string;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier | string;
};

/**
 * The rest of what an event reports: every field of a deal that its reporting can change besides the status and the
 * amounts. Null means "not reported by then" (no round name yet, no valuation), as on the deal itself.
 */
export type ReportedTerms = {
  round: string | null;
  postMoneyValuationUsd: bigint | null;
  stakeBps: number | null;
  summary: string;
  originalCurrency: string;
  originalAmount: bigint | null;
};

/** An event with everything it reports: what `dealAsOf` rebuilds a deal from. */
export type ReportedEvent = HistoryEvent & ReportedTerms;

/** The fields an event reports besides its status and amounts, in one list for the writer, the reads and the rebuild. */
export const REPORTED_TERMS = [
  "round",
  "postMoneyValuationUsd",
  "stakeBps",
  "summary",
  "originalCurrency",
  "originalAmount",
] as const satisfies readonly (keyof ReportedTerms)[];

/** Every field a lifecycle event records: a change to any of them is a new step of the deal's story. */
export const REPORTED_FIELDS = ["status", "amountUsdLow", "amountUsdHigh", "amountQualifier", ...REPORTED_TERMS] as const;

/** The fields of a deal that change over its lifecycle. */
export type DealState = {
  id: number;
  announcedOn: string;
  status: DealStatus | string;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier | string;
};

/** The events in the order they happened: by date, then by id (the order they were recorded on one day). */
export function orderEvents<E extends Pick<HistoryEvent, "id" | "occurredOn">>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => (a.occurredOn === b.occurredOn ? a.id - b.id : a.occurredOn < b.occurredOn ? -1 : 1));
}

/**
 * The deal as reported on `asOf` (inclusive), or null when it had not been reported yet.
 *
 * The state is the latest event on or before the date, whole: its status, amounts and every reported term (round,
 * valuation, stake, summary, original amount) replace the deal's, so nothing reported later shows. Terms are replaced
 * only where the deal object carries them (a list row without a summary stays without one). The event's date becomes
 * the deal's first-report date when the deal's own date lies after `asOf` (talks reported in January of a round
 * announced in February are dated January then). A deal without any event (none is written by this app, but an old
 * database might hold one) counts as reported on its own date with its current state.
 */
export function dealAsOf<D extends DealState>(deal: D, events: readonly ReportedEvent[], asOf: string): D | null {
  const known = orderEvents(events.filter((e) => e.occurredOn <= asOf));
  if (events.length === 0) return deal.announcedOn <= asOf ? deal : null;
  const latest = known.at(-1);
  if (!latest) return null;
  const rebuilt: Record<string, unknown> = {
    ...deal,
    announcedOn: deal.announcedOn <= asOf ? deal.announcedOn : known[0].occurredOn,
    status: latest.status,
    amountUsdLow: latest.amountUsdLow,
    amountUsdHigh: latest.amountUsdHigh,
    amountQualifier: latest.amountQualifier,
  };
  for (const field of REPORTED_TERMS) if (field in deal) rebuilt[field] = latest[field];
  // The event's status and qualifier are of the same vocabulary as the deal's, and its terms of the same types.
  return rebuilt as D;
}

/** Whether a source was published by `asOf`: one published later is not shown as of that date (undated ones are). */
export function publishedBy(source: { publishedOn: string | null }, asOf: string): boolean {
  return source.publishedOn === null || source.publishedOn <= asOf;
}

/** Today's date (UTC) as YYYY-MM-DD: the default of every view. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
