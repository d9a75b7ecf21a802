-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "country" TEXT,
    "website" TEXT,
    "parentId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationAlias" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "OrganizationAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deal" (
    "id" SERIAL NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "round" TEXT,
    "announcedOn" TEXT NOT NULL,
    "amountUsdLow" BIGINT,
    "amountUsdHigh" BIGINT,
    "amountQualifier" TEXT NOT NULL,
    "amountUsdKey" BIGINT,
    "originalCurrency" TEXT NOT NULL DEFAULT 'USD',
    "originalAmount" BIGINT,
    "postMoneyValuationUsd" BIGINT,
    "stakeBps" INTEGER,
    "summary" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participation" (
    "id" SERIAL NOT NULL,
    "dealId" INTEGER NOT NULL,
    "organizationId" INTEGER,
    "partyLabel" TEXT,
    "role" TEXT NOT NULL DEFAULT 'participant',
    "note" TEXT,
    "committedUsd" BIGINT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Participation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "dealId" INTEGER NOT NULL,
    "url" TEXT,
    "publisher" TEXT,
    "publishedOn" TEXT,
    "title" TEXT,
    "unverified" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DealEvent" (
    "id" SERIAL NOT NULL,
    "dealId" INTEGER NOT NULL,
    "occurredOn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "amountUsdLow" BIGINT,
    "amountUsdHigh" BIGINT,
    "amountQualifier" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "sourceId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DealEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" SERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE INDEX "Organization_name_idx" ON "Organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationAlias_key_key" ON "OrganizationAlias"("key");

-- CreateIndex
CREATE INDEX "OrganizationAlias_organizationId_idx" ON "OrganizationAlias"("organizationId");

-- CreateIndex
CREATE INDEX "Deal_announcedOn_idx" ON "Deal"("announcedOn");

-- CreateIndex
CREATE INDEX "Deal_recipientId_announcedOn_idx" ON "Deal"("recipientId", "announcedOn");

-- CreateIndex
CREATE INDEX "Deal_kind_status_announcedOn_idx" ON "Deal"("kind", "status", "announcedOn");

-- CreateIndex
CREATE INDEX "Deal_status_announcedOn_idx" ON "Deal"("status", "announcedOn");

-- CreateIndex
CREATE INDEX "Deal_amountUsdKey_idx" ON "Deal"("amountUsdKey");

-- CreateIndex
CREATE INDEX "Deal_deletedAt_announcedOn_idx" ON "Deal"("deletedAt", "announcedOn");

-- CreateIndex
CREATE INDEX "Participation_organizationId_dealId_idx" ON "Participation"("organizationId", "dealId");

-- CreateIndex
CREATE UNIQUE INDEX "Participation_dealId_organizationId_key" ON "Participation"("dealId", "organizationId");

-- CreateIndex
CREATE INDEX "Source_dealId_idx" ON "Source"("dealId");

-- CreateIndex
CREATE INDEX "DealEvent_dealId_occurredOn_idx" ON "DealEvent"("dealId", "occurredOn");

-- CreateIndex
CREATE INDEX "DealEvent_occurredOn_idx" ON "DealEvent"("occurredOn");

-- CreateIndex
CREATE INDEX "Revision_entityType_entityId_idx" ON "Revision"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "Revision_createdAt_idx" ON "Revision"("createdAt");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationAlias" ADD CONSTRAINT "OrganizationAlias_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealEvent" ADD CONSTRAINT "DealEvent_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DealEvent" ADD CONSTRAINT "DealEvent_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

