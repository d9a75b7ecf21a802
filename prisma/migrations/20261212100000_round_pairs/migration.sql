-- Two named investors in one round of live deals, one row per ordered pair and round, kept by the deal writers with
-- the market's cells (lib/deals/market-cells.ts), so that an investor's co-investors are counted over its own rows
-- instead of over every party of every deal of its rounds. `prepare-db` (npm start, db:migrate) fills the table on a
-- database whose deals are already stored.
-- CreateTable
CREATE TABLE "RoundPair" (
    "organizationId" INTEGER NOT NULL,
    "coInvestorId" INTEGER NOT NULL,
    "groupOn" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,

    PRIMARY KEY ("organizationId", "coInvestorId", "groupOn", "groupId")
);

-- CreateIndex
CREATE INDEX "RoundPair_groupId_idx" ON "RoundPair"("groupId");
