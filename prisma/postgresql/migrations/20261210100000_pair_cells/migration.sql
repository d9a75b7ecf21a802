-- The named investors' parts summed per investor, recipient, kind and status, kept by the deal writers with the
-- market's other cells (lib/deals/market-cells.ts), so that the whole market's flows and its investors' totals
-- per recipient are summed over cells instead of over every part. `prepare-db` (npm start, db:migrate) fills the
-- table on a database whose deals are already stored.
-- CreateTable
CREATE TABLE "PairCell" (
    "organizationId" INTEGER NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "parts" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "PairCell_pkey" PRIMARY KEY ("organizationId","recipientId","kind","status")
);

