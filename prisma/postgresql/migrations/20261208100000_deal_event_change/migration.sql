-- What each lifecycle event changes against the event before it in its deal (bits: 1 the first report, 2 the status,
-- 4 the reported amount; 0 a note only), kept by the deal writers in each write's transaction
-- (lib/deals/change-kinds.ts), so that /changes counts and pages through an index instead of comparing every event
-- with the one before it (1-16 s at a million deals). The events already stored are filled by `prepare-db` (npm
-- start, db:migrate), with the statement the writers use, while any has none.
-- AlterTable
ALTER TABLE "DealEvent" ADD COLUMN "change" INTEGER;

-- CreateIndex
CREATE INDEX "DealEvent_change_status_occurredOn_idx" ON "DealEvent"("change", "status", "occurredOn");
