-- The deals' search text holds the organizations' aliases too (lib/deals/deal-search.ts), so that /deals?q=QIA finds
-- the deals of Qatar Investment Authority: every row is written again, as fillDealSearchSql writes them.
DELETE FROM "DealSearch";

INSERT INTO "DealSearch" ("dealId", "text")
SELECT d."id",
       r."name" || chr(31) || COALESCE(ra."aliases", '') || chr(31) || COALESCE(d."round", '') || chr(31) || d."summary" || chr(31) ||
       COALESCE((SELECT string_agg(COALESCE(o."name", '') || chr(31) || COALESCE(oa."aliases", '') || chr(31) || COALESCE(p."partyLabel", ''), chr(31))
                   FROM "Participation" p LEFT JOIN "Organization" o ON o."id" = p."organizationId"
                   LEFT JOIN (SELECT "organizationId", string_agg("alias", chr(31)) AS "aliases" FROM "OrganizationAlias" GROUP BY "organizationId") oa ON oa."organizationId" = o."id"
                  WHERE p."dealId" = d."id"), '')
  FROM "Deal" d JOIN "Organization" r ON r."id" = d."recipientId"
  LEFT JOIN (SELECT "organizationId", string_agg("alias", chr(31)) AS "aliases" FROM "OrganizationAlias" GROUP BY "organizationId") ra ON ra."organizationId" = r."id"
 WHERE NOT EXISTS (SELECT 1 FROM "DealSearch" s WHERE s."dealId" = d."id");
