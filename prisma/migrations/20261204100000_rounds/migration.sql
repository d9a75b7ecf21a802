-- Rounds: one financing of one recipient groups the deals that are its parts and tranches (issue 18; docs/domain.md,
-- "Rounds"), so that "funding rounds" counts financings and co-investors are the investors of the same round. Deal
-- gains roundId as its last column (a deal without one is a round of its own); SQLite adds a column with its foreign
-- key in place, so the Deal table and its indexes are not rebuilt.
-- CreateTable
CREATE TABLE "Round" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recipientId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "announcedOn" TEXT NOT NULL,
    "amountUsdLow" BIGINT,
    "amountUsdHigh" BIGINT,
    "amountQualifier" TEXT NOT NULL DEFAULT 'undisclosed',
    "postMoneyValuationUsd" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Round_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN "roundId" INTEGER REFERENCES "Round" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "Round_recipientId_key_key" ON "Round"("recipientId", "key");

-- CreateIndex
CREATE INDEX "Deal_roundId_idx" ON "Deal"("roundId");
