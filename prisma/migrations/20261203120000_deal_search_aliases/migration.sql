-- The deals' search text holds the organizations' aliases too (lib/deals/deal-search.ts), so that /deals?q=QIA finds
-- the deals of Qatar Investment Authority: every row is written again, as fillDealSearchSql writes them.
DELETE FROM "DealSearch";

INSERT INTO "DealSearch" ("dealId", "text")
SELECT d."id",
       r."name" || char(31) || COALESCE(ra."aliases", '') || char(31) || COALESCE(d."round", '') || char(31) || d."summary" || char(31) ||
       COALESCE((SELECT group_concat(COALESCE(o."name", '') || char(31) || COALESCE(oa."aliases", '') || char(31) || COALESCE(p."partyLabel", ''), char(31))
                   FROM "Participation" p LEFT JOIN "Organization" o ON o."id" = p."organizationId"
                   LEFT JOIN (SELECT "organizationId", group_concat("alias", char(31)) AS "aliases" FROM "OrganizationAlias" GROUP BY "organizationId") oa ON oa."organizationId" = o."id"
                  WHERE p."dealId" = d."id"), '')
  FROM "Deal" d JOIN "Organization" r ON r."id" = d."recipientId"
  LEFT JOIN (SELECT "organizationId", group_concat("alias", char(31)) AS "aliases" FROM "OrganizationAlias" GROUP BY "organizationId") ra ON ra."organizationId" = r."id"
 WHERE NOT EXISTS (SELECT 1 FROM "DealSearch" s WHERE s."dealId" = d."id");
