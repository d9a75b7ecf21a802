-- A deal page's other deals of its investors (lib/data/related-deals.ts) are each investor's newest parts, walked in
-- this index's order and read from it alone. At 100,000 deals, when they were picked from the market's newest deals
-- (sorting all of the investors' deals where those held too few), a random deal's page spent 38 ms on its related
-- deals on average, 12 ms so.
-- CreateIndex
CREATE INDEX "InvestorPart_newest_idx" ON "InvestorPart"("organizationId", "announcedOn", "dealId", "recipientId");
