-- DropIndex
DROP INDEX "Deal_list_by_date_idx";

-- DropIndex
DROP INDEX "Deal_list_by_amount_idx";

-- DropIndex
DROP INDEX "Deal_list_by_recipient_idx";

-- CreateTable
CREATE TABLE "DealSearch" (
    "dealId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "text" TEXT NOT NULL,
    CONSTRAINT "DealSearch_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Deal_list_by_date_idx" ON "Deal"("deletedAt", "announcedOn", "id", "kind", "status", "amountUsdKey", "recipientId", "amountUsdLow");

-- CreateIndex
CREATE INDEX "Deal_list_by_amount_idx" ON "Deal"("deletedAt", "amountUsdKey", "id", "kind", "status", "announcedOn", "recipientId", "amountUsdLow");

-- CreateIndex
CREATE INDEX "Deal_list_by_recipient_idx" ON "Deal"("recipientId", "deletedAt", "announcedOn", "id", "kind", "status", "amountUsdKey", "amountUsdLow");


-- Backfill: one row per existing deal, the same fields lib/deals/deal-search.ts joins (char(31) = U+001F between
-- fields; their order does not matter to a substring search that never spans a separator).
INSERT INTO "DealSearch" ("dealId", "text")
SELECT d."id",
       r."name" || char(31) || COALESCE(d."round", '') || char(31) || d."summary" || char(31) ||
       COALESCE((SELECT group_concat(COALESCE(o."name", '') || char(31) || COALESCE(p."partyLabel", ''), char(31))
                   FROM "Participation" p LEFT JOIN "Organization" o ON o."id" = p."organizationId"
                  WHERE p."dealId" = d."id"), '')
  FROM "Deal" d JOIN "Organization" r ON r."id" = d."recipientId";
