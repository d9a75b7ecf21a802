-- The whole market grouped into cells (quarter, kind, status, organization) that the deal writers keep in each write's
-- transaction, so that the whole market's figures today read thousands of cells instead of every deal (issue 21:
-- lib/data/raw/market-cells.ts). The tables are filled for the deals already stored by `prepare-db` (npm start,
-- db:migrate), with the same query the writers use, when they are empty while live deals exist.
-- CreateTable
CREATE TABLE "RecipientCell" (
    "recipientId" INTEGER NOT NULL,
    "quarter" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deals" INTEGER NOT NULL,
    "undisclosed" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "upperBound" BIGINT NOT NULL,

    CONSTRAINT "RecipientCell_pkey" PRIMARY KEY ("recipientId","quarter","kind","status")
);

-- CreateTable
CREATE TABLE "InvestorCell" (
    "organizationId" INTEGER NOT NULL,
    "quarter" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "parts" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "InvestorCell_pkey" PRIMARY KEY ("organizationId","quarter","kind","status")
);
