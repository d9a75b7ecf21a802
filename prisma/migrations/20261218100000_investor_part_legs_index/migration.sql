-- The legs of circular flows (lib/data/raw/analysis-figures.ts, circularFlowsSql) are read from this index alone:
-- the spending parts by their kind, then the capital parts of each pair of companies with a spending leg by kind,
-- investor and recipient. At a million deals the whole market's loops took 1.5-1.8 s when the spending parts were
-- found by reading every part and the capital parts by every part of each seller; 0.8-1.0 s so.
-- CreateIndex
CREATE INDEX "InvestorPart_legs_idx" ON "InvestorPart"("kind", "organizationId", "recipientId", "status", "dealId", "announcedOn", "basis", "share", "amount");
