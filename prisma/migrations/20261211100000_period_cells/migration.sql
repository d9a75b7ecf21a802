-- The live deals per quarter, kind and status (RecipientCell summed over recipients), kept by the deal writers with
-- the market's other cells (lib/deals/market-cells.ts), so that the whole market's totals are summed over a few
-- thousand cells instead of a cell per recipient and quarter. `prepare-db` (npm start, db:migrate) fills the table on
-- a database whose deals are already stored.
-- CreateTable
CREATE TABLE "PeriodCell" (
    "quarter" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deals" INTEGER NOT NULL,
    "undisclosed" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "upperBound" BIGINT NOT NULL,

    PRIMARY KEY ("quarter", "kind", "status")
);
