-- The live deals per recipient, kind and status (RecipientCell summed over quarters), kept by the deal writers with
-- the market's other cells (lib/deals/market-cells.ts), so that a recipient's totals of all time are summed over a
-- row per recipient, kind and status instead of a row per quarter too. `prepare-db` (npm start, db:migrate) fills the
-- table on a database whose deals are already stored.
-- CreateTable
CREATE TABLE "RecipientTotalCell" (
    "recipientId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deals" INTEGER NOT NULL,
    "undisclosed" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "upperBound" BIGINT NOT NULL,

    CONSTRAINT "RecipientTotalCell_pkey" PRIMARY KEY ("recipientId","kind","status")
);
