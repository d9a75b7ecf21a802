-- A lifecycle event records every reported field, not only the status and amounts, so that a deal "as of" a date
-- shows the round, valuation, stake, summary and original amount reported by then (lib/story/as-of.ts).
-- AlterTable
ALTER TABLE "DealEvent" ADD COLUMN "round" TEXT;
ALTER TABLE "DealEvent" ADD COLUMN "postMoneyValuationUsd" BIGINT;
ALTER TABLE "DealEvent" ADD COLUMN "stakeBps" INTEGER;
ALTER TABLE "DealEvent" ADD COLUMN "summary" TEXT NOT NULL DEFAULT '';
ALTER TABLE "DealEvent" ADD COLUMN "originalCurrency" TEXT NOT NULL DEFAULT 'USD';
ALTER TABLE "DealEvent" ADD COLUMN "originalAmount" BIGINT;

-- Backfill: events written before these fields were recorded only changed the status or the amounts, so every other
-- field was unchanged since; the only value known for it is the deal's own.
UPDATE "DealEvent" SET
  "round" = (SELECT d."round" FROM "Deal" d WHERE d."id" = "DealEvent"."dealId"),
  "postMoneyValuationUsd" = (SELECT d."postMoneyValuationUsd" FROM "Deal" d WHERE d."id" = "DealEvent"."dealId"),
  "stakeBps" = (SELECT d."stakeBps" FROM "Deal" d WHERE d."id" = "DealEvent"."dealId"),
  "summary" = (SELECT d."summary" FROM "Deal" d WHERE d."id" = "DealEvent"."dealId"),
  "originalCurrency" = (SELECT d."originalCurrency" FROM "Deal" d WHERE d."id" = "DealEvent"."dealId"),
  "originalAmount" = (SELECT d."originalAmount" FROM "Deal" d WHERE d."id" = "DealEvent"."dealId");
