-- Each investor's part keeps the terms of its deal's split that do not depend on the deal's amount (its own stated
-- commitment, the deal's stated commitments, count and sum, its parties without one, and the investor's place in the
-- listing order), so that a part as of a date is the split of the deal's amount then, without reading the deal's
-- other parties. The rows already kept are deleted here: `prepare-db` (npm start, db:migrate) fills the empty table
-- again with the statement the deal writers use, terms included.
DELETE FROM "InvestorPart";

-- AlterTable
ALTER TABLE "InvestorPart" ADD COLUMN "committedUsd" BIGINT;
ALTER TABLE "InvestorPart" ADD COLUMN "committedCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "InvestorPart" ADD COLUMN "committedSum" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "InvestorPart" ADD COLUMN "openCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "InvestorPart" ADD COLUMN "committedBefore" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "InvestorPart" ADD COLUMN "openRank" INTEGER NOT NULL DEFAULT 0;
