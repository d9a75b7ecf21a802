-- The date of each deal's first lifecycle event (null: it has none), kept by the writers of events in their
-- transaction (lib/deals/change-kinds.ts), so that a read as of a date passes over the deals first reported after it
-- without reading their events (lib/data/deal-state.ts). The deals already stored get it from their events here.
-- AlterTable
ALTER TABLE "Deal" ADD COLUMN "firstEventOn" TEXT;

-- Fill
UPDATE "Deal" SET "firstEventOn" = (SELECT MIN("e"."occurredOn") FROM "DealEvent" AS "e" WHERE "e"."dealId" = "Deal"."id");

-- A recipient's deals as of a date are told present or absent from its list index alone.
DROP INDEX "Deal_list_by_recipient_idx";

-- CreateIndex
CREATE INDEX "Deal_list_by_recipient_idx" ON "Deal"("recipientId", "deletedAt", "announcedOn", "id", "kind", "status", "amountUsdKey", "amountUsdLow", "firstEventOn");
