-- The date from which each deal's own row is its state on every date: its latest lifecycle event's date (by date,
-- then id) when that event reports every term as the row holds it, else null. Kept by the writers of events in their
-- transaction (lib/deals/change-kinds.ts), so that a read as of a date on or after it takes the row's terms without
-- reading the deal's events (lib/data/deal-state.ts). The deals already stored get it from their events here.
-- AlterTable
ALTER TABLE "Deal" ADD COLUMN "stateSince" TEXT;

-- Fill
UPDATE "Deal" SET "stateSince" = (
  SELECT "e"."occurredOn" FROM "DealEvent" AS "e"
  WHERE "e"."id" = (
      SELECT "l"."id" FROM "DealEvent" AS "l" WHERE "l"."dealId" = "Deal"."id" ORDER BY "l"."occurredOn" DESC, "l"."id" DESC LIMIT 1
    )
    AND "e"."status" IS "Deal"."status"
    AND "e"."amountUsdLow" IS "Deal"."amountUsdLow"
    AND "e"."amountUsdHigh" IS "Deal"."amountUsdHigh"
    AND "e"."amountQualifier" IS "Deal"."amountQualifier"
    AND "e"."round" IS "Deal"."round"
    AND "e"."postMoneyValuationUsd" IS "Deal"."postMoneyValuationUsd"
    AND "e"."stakeBps" IS "Deal"."stakeBps"
    AND "e"."summary" IS "Deal"."summary"
    AND "e"."originalCurrency" IS "Deal"."originalCurrency"
    AND "e"."originalAmount" IS "Deal"."originalAmount"
    AND COALESCE("e"."amountUsdLow", "e"."amountUsdHigh") IS "Deal"."amountUsdKey"
);
