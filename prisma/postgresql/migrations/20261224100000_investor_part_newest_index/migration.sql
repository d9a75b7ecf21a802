-- A deal page's other deals of its investors (lib/data/related-deals.ts) are each investor's newest parts, walked in
-- this index's order and read from it alone. When they were picked from the market's newest deals (sorting all of the
-- investors' deals where those held too few), a random deal's page spent on its related deals, on average: 38 ms at
-- 210,000 deals (12 ms so), 8-12 ms at 100,000 (7 ms), 35-54 ms at a million (30-34 ms).
-- CreateIndex
CREATE INDEX "InvestorPart_newest_idx" ON "InvestorPart"("organizationId", "announcedOn", "dealId", "recipientId");
