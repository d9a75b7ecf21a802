-- DropIndex
DROP INDEX "Deal_kind_status_announcedOn_idx";

-- CreateIndex
CREATE INDEX "Deal_list_by_date_idx" ON "Deal"("deletedAt", "announcedOn", "id", "kind", "status", "amountUsdKey", "recipientId");

-- CreateIndex
CREATE INDEX "Deal_list_by_amount_idx" ON "Deal"("deletedAt", "amountUsdKey", "id", "kind", "status", "announcedOn", "recipientId");

-- CreateIndex
CREATE INDEX "Deal_list_by_recipient_idx" ON "Deal"("recipientId", "deletedAt", "announcedOn", "id", "kind", "status", "amountUsdKey");

