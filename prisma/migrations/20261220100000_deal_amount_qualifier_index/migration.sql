-- The methodology's amount examples (lib/data/methodology.ts) read the latest counted deal of each way an amount is
-- reported newest first within its qualifier: a way no deal has was a walk of every deal without it (1.45 s at a
-- million deals).
-- CreateIndex
CREATE INDEX "Deal_amountQualifier_announcedOn_id_idx" ON "Deal"("amountQualifier", "announcedOn", "id");
