-- Rounds: one financing of one recipient groups the deals that are its parts and tranches (issue 18; docs/domain.md,
-- "Rounds"), so that "funding rounds" counts financings and co-investors are the investors of the same round. Deal
-- gains roundId as its last column (a deal without one is a round of its own).

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "roundId" INTEGER;

-- CreateTable
CREATE TABLE "Round" (
    "id" SERIAL NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "announcedOn" TEXT NOT NULL,
    "amountUsdLow" BIGINT,
    "amountUsdHigh" BIGINT,
    "amountQualifier" TEXT NOT NULL DEFAULT 'undisclosed',
    "postMoneyValuationUsd" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Round_recipientId_key_key" ON "Round"("recipientId", "key");

-- CreateIndex
CREATE INDEX "Deal_roundId_idx" ON "Deal"("roundId");

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

