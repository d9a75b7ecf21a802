-- The capital flows of the whole market's live deals today (lib/data/raw/flow-cells.ts): per recipient, investor
-- (investorId 0 for the part no named investor holds), kind and status, the deals and their capital (FlowCell); and
-- the capital kinds' flows summed per recipient and investor, in the counted statuses and with the pipeline's,
-- indexed by amount (CapitalFlowCell), so that the largest flows are the top of an index instead of a sum of every
-- pair cell (0.7 s at a million deals). They replace PairCell, which held the named investors' parts per pair without
-- the unnamed part or the deals. Kept by the deal writers with the market's cells (lib/deals/market-cells.ts);
-- `prepare-db` (npm start, db:migrate) fills them on a database whose deals are already stored.
-- DropTable
DROP TABLE "PairCell";

-- CreateTable
CREATE TABLE "FlowCell" (
    "recipientId" INTEGER NOT NULL,
    "investorId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deals" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    CONSTRAINT "FlowCell_pkey" PRIMARY KEY ("recipientId","investorId","kind","status")
);

-- CreateTable
CREATE TABLE "CapitalFlowCell" (
    "recipientId" INTEGER NOT NULL,
    "investorId" INTEGER NOT NULL,
    "deals" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "withPipelineDeals" INTEGER NOT NULL,
    "withPipelineAmount" BIGINT NOT NULL,
    CONSTRAINT "CapitalFlowCell_pkey" PRIMARY KEY ("recipientId","investorId")
);

-- CreateIndex
CREATE INDEX "CapitalFlowCell_amount_idx" ON "CapitalFlowCell"("amount");

-- CreateIndex
CREATE INDEX "CapitalFlowCell_withPipelineAmount_idx" ON "CapitalFlowCell"("withPipelineAmount");
