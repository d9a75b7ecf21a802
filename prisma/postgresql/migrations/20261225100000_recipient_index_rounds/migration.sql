-- A company's funding rounds (lib/data/raw/round-figures.ts) read its deals' round from its list index alone, and its
-- valuation marks (lib/data/valuation-marks.ts) read the rows of its valued deals only: both read the table row of
-- every one of its deals before. OpenAI's 117,246 deals at a million (SQLite, in process): its marks' query 339-466 ->
-- 178 ms, its rounds' 394-428 -> 200 ms; this migration took 3.8 s there.
DROP INDEX "Deal_list_by_recipient_idx";

-- CreateIndex
CREATE INDEX "Deal_list_by_recipient_idx" ON "Deal"("recipientId", "deletedAt", "announcedOn", "id", "kind", "status", "amountUsdKey", "amountUsdLow", "firstEventOn", "roundId", "postMoneyValuationUsd");
