// "What was known when": a deal as reported on a given date, rebuilt from its lifecycle events.
// Pure, so that every view under `asOf` (lists, measures, the deal page, the API) reconstructs deals the same way.
import { amountKey } from "../measures/capital";
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

/** The /deals filters that concern a deal's changing state; under `asOf` they apply to the rebuilt state, not to the row. */
export type StateFilters = { statuses: readonly string[]; from: string | null; to: string | null; min: bigint | null; max: bigint | null };

export function matchesStateFilters(state: DealState, f: StateFilters): boolean {
  if (f.statuses.length > 0 && !f.statuses.includes(state.status)) return false;
  if (f.from !== null && state.announcedOn < f.from) return false;
  if (f.to !== null && state.announcedOn > f.to) return false;
  const key = amountKey(state.amountUsdLow, state.amountUsdHigh);
  if (f.min !== null && (key === null || key < f.min)) return false;
  if (f.max !== null && (key === null || key > f.max)) return false;
  return true;
}

/** Today's date (UTC) as YYYY-MM-DD: the default of every view. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

type Sortable = DealState;

/** The order of the /deals sorts, for lists rebuilt in memory (the database orders the others; see dealOrderBy). */
export function compareDealStates(sort: "date_desc" | "date_asc" | "amount_desc" | "amount_asc"): (a: Sortable, b: Sortable) => number {
  const byDate = (a: Sortable, b: Sortable) => (a.announcedOn === b.announcedOn ? a.id - b.id : a.announcedOn < b.announcedOn ? -1 : 1);
  // Undisclosed amounts sort last in both directions, as in the database order.
  const byAmount = (direction: 1 | -1) => (a: Sortable, b: Sortable) => {
    const ka = amountKey(a.amountUsdLow, a.amountUsdHigh);
    const kb = amountKey(b.amountUsdLow, b.amountUsdHigh);
    if (ka === null || kb === null) return ka === kb ? direction * (a.id - b.id) : ka === null ? 1 : -1;
    return ka === kb ? direction * (a.id - b.id) : ka < kb ? -direction : direction;
  };
  switch (sort) {
    case "date_asc":
      return byDate;
    case "date_desc":
      return (a, b) => byDate(b, a);
    case "amount_desc":
      return byAmount(-1);
    case "amount_asc":
      return byAmount(1);
  }
}
