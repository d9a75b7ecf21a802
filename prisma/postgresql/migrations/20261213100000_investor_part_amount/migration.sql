-- Each investor's part carries its deal's whole counted amount (the amount key, 0 when undisclosed), so that the
-- total of the rounds an investor joined is summed over its own rows with its parts instead of over every deal it is
-- in. The rows already kept take their deals' amounts here; the deal writers set it from then on.
-- AlterTable
ALTER TABLE "InvestorPart" ADD COLUMN     "amount" BIGINT NOT NULL DEFAULT 0;

UPDATE "InvestorPart" AS p SET "amount" = COALESCE(d."amountUsdKey", 0) FROM "Deal" AS d WHERE d."id" = p."dealId";
