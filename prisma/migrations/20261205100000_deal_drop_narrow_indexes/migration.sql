-- DropIndex
DROP INDEX "Deal_status_announcedOn_idx";

-- DropIndex
DROP INDEX "Deal_deletedAt_announcedOn_idx";
