-- The named investors' parts summed per investor, kind and status (InvestorCell summed over quarters), kept by the
-- deal writers with the market's other cells (lib/deals/market-cells.ts), so that the investors' totals of all time
-- are summed over a row per investor, kind and status instead of a row per quarter too. `prepare-db` (npm start,
-- db:migrate) fills the table on a database whose deals are already stored.
-- CreateTable
CREATE TABLE "InvestorTotalCell" (
    "organizationId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "parts" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "InvestorTotalCell_pkey" PRIMARY KEY ("organizationId","kind","status")
);
