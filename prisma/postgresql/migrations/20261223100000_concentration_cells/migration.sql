-- Concentration's totals of the whole market's live deals today (lib/data/raw/concentration-cells.ts): per
-- organization, side (the deals it received, or its named parts), grain and period, the capital kinds' amount in the
-- counted statuses and with the pipeline's, and how many deals or parts make them; indexed by period and amount, so
-- that a period's spread is summed over the index and its leaders are its top. Kept by the deal writers with the
-- market's cells (lib/deals/market-cells.ts); `prepare-db` (npm start, db:migrate) fills it on a database whose
-- deals are already stored.
-- CreateTable
CREATE TABLE "ConcentrationCell" (
    "organizationId" INTEGER NOT NULL,
    "side" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "contributions" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "withPipelineAmount" BIGINT NOT NULL,
    CONSTRAINT "ConcentrationCell_pkey" PRIMARY KEY ("organizationId","side","grain","period")
);

-- CreateIndex
CREATE INDEX "ConcentrationCell_side_grain_period_amount_idx" ON "ConcentrationCell"("side", "grain", "period", "amount");

-- CreateIndex
CREATE INDEX "ConcentrationCell_side_grain_period_withPipelineAmount_idx" ON "ConcentrationCell"("side", "grain", "period", "withPipelineAmount");
