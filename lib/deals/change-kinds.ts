// Keeps what the writers derive from a deal's lifecycle events equal to the events, in the transaction that writes
// them: DealEvent.change (what each event changes against the one before it: lib/data/raw/change-kinds.ts),
// Deal.firstEventOn (its earliest event's date, where a read as of a date starts) and Deal.stateSince (from when its
// row is its state, so that a read as of a later date needs none of its events: lib/data/deal-state.ts). Whether an
// event is a change depends on its deal's events alone, and an event written between two others changes what the
// later one changes, so a write that adds or edits events of some deals sets them all again for those deals: two
// statements per 500 deals. Every writer of events goes through here: the deal writer (lib/deals/write-deal.ts:
// created in batches, updated), restore (restore-deal.ts) and the seed's stories (lib/seed/seed-database.ts); db:synth
// sets every event's and deal's, prepare-db every event's change, the migrations every deal's dates.
// tests/integration/market-cells.test.ts compares them with the events in memory after each writer.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { queryBuilder } from "../data/kysely";
import { changeKindsUpdate, eventDatesUpdate } from "../data/raw/change-kinds";
import { runOnTransaction, transactionProvider } from "../insert-rows";
import { chunks } from "./market-cells";

/** Sets the change of every event of the deals `dealIds`, and their event dates, on the transaction's own connection. */
export async function keepEventColumns(tx: Prisma.TransactionClient, dealIds: readonly number[]): Promise<void> {
  const builder = queryBuilder(transactionProvider(tx));
  for (const chunk of chunks(dealIds)) {
    await runOnTransaction(tx, changeKindsUpdate(builder, chunk));
    await runOnTransaction(tx, eventDatesUpdate(builder, chunk));
  }
}

/**
 * Sets every event's change in a database holding events without one: one migrated from before the column existed
 * (prepare-db calls this after the migrations). Returns whether it did. Events that have one are trusted: the writers
 * keep them.
 */
export async function fillChangeKindsIfUnset(db: PrismaClient): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      if (!(await tx.dealEvent.findFirst({ where: { change: null }, select: { id: true } }))) return false;
      await runOnTransaction(tx, changeKindsUpdate(queryBuilder(transactionProvider(tx)), null));
      return true;
    },
    // Every event compared with the one before it: tens of seconds at a million deals on a loaded machine.
    { timeout: 3_600_000 },
  );
}
