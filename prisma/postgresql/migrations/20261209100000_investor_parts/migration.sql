-- Each named investor's part of each live deal, kept by the deal writers in each write's transaction
-- (lib/deals/market-cells.ts), so that an investor's figures read its own rows instead of the whole market's split
-- (12 s for the first /deals with an investor filter at a million deals). The deals already stored are filled by
-- `prepare-db` (npm start, db:migrate), with the statement the writers use, while the table is empty.
-- CreateTable
CREATE TABLE "InvestorPart" (
    "organizationId" INTEGER NOT NULL,
    "dealId" INTEGER NOT NULL,
    "share" BIGINT,
    "announcedOn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "basis" INTEGER NOT NULL,

    CONSTRAINT "InvestorPart_pkey" PRIMARY KEY ("organizationId","dealId")
);

-- CreateIndex
CREATE INDEX "InvestorPart_dealId_idx" ON "InvestorPart"("dealId");
