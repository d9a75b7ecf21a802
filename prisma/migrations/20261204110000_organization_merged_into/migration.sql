-- AlterTable: the organization a merged one was merged into (its slug's pages redirect there).
ALTER TABLE "Organization" ADD COLUMN "mergedIntoId" INTEGER;
