// Threads `asOf` through the reads: the events to load with each deal and the one place rows are rebuilt with them.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { dealAsOf, matchesStateFilters, type DealState, type ReportedEvent, type StateFilters } from "../story/as-of";

/** What an event reports, as dealAsOf reads it (lib/story/as-of.ts ReportedEvent). */
export const reportedEventSelect = {
  id: true,
  occurredOn: true,
  status: true,
  amountUsdLow: true,
  amountUsdHigh: true,
  amountQualifier: true,
  round: true,
  postMoneyValuationUsd: true,
  stakeBps: true,
  summary: true,
  originalCurrency: true,
  originalAmount: true,
} satisfies Prisma.DealEventSelect;

/** The events a row needs to be rebuilt as of `asOf` (only those on or before it matter), with all they report. */
export function eventsUpTo(asOf: string) {
  return {
    where: { occurredOn: { lte: asOf } },
    orderBy: [{ occurredOn: "asc" }, { id: "asc" }],
    select: reportedEventSelect,
  } satisfies Prisma.Deal$eventsArgs;
}

type RowWithEvents = DealState & { events: ReportedEvent[]; _count: { events: number } };

const NO_STATE_FILTERS: StateFilters = { statuses: [], from: null, to: null, min: null, max: null };

/**
 * Rows loaded with `events: eventsUpTo(asOf)` and `_count: { select: { events: true } }`, rebuilt as of the date;
 * rows not yet reported, or whose rebuilt state fails the state filters, are dropped.
 */
export function rebuildAsOf<R extends RowWithEvents>(rows: readonly R[], asOf: string, filters: StateFilters = NO_STATE_FILTERS): R[] {
  const out: R[] = [];
  for (const row of rows) {
    const events = row.events;
    // A deal with events none of which is old enough is not yet reported; one with no events at all falls back to its date.
    const state = row._count.events > 0 && events.length === 0 ? null : dealAsOf(row, events, asOf);
    if (state && matchesStateFilters(state, filters)) out.push(state);
  }
  return out;
}
