-- Circular flows' pairs of the whole market's live deals today (lib/data/raw/loop-cells.ts): per investing company and
-- company, each at the top of its parent chain, the legs of each side summed, the counted statuses apart from the
-- pipeline's, and whether they close a loop. Kept by the deal writers with the market's cells
-- (lib/deals/market-cells.ts), so that the whole market's loops are read from the rows that close one instead of
-- matching every spending leg with the capital legs (0.8 s at a million deals). `prepare-db` (npm start, db:migrate)
-- fills the table on a database whose deals are already stored.
-- CreateTable
CREATE TABLE "LoopCell" (
    "investorRoot" INTEGER NOT NULL,
    "companyRoot" INTEGER NOT NULL,
    "inLegs" INTEGER NOT NULL,
    "inAmount" BIGINT NOT NULL,
    "backLegs" INTEGER NOT NULL,
    "backAmount" BIGINT NOT NULL,
    "pipelineInLegs" INTEGER NOT NULL,
    "pipelineInAmount" BIGINT NOT NULL,
    "pipelineBackLegs" INTEGER NOT NULL,
    "pipelineBackAmount" BIGINT NOT NULL,
    "loop" INTEGER NOT NULL,
    CONSTRAINT "LoopCell_pkey" PRIMARY KEY ("investorRoot","companyRoot")
);

-- CreateIndex
CREATE INDEX "LoopCell_loop_idx" ON "LoopCell"("loop");

-- CreateIndex
CREATE INDEX "LoopCell_companyRoot_idx" ON "LoopCell"("companyRoot");
