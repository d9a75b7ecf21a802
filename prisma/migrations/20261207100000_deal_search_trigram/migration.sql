-- A trigram index over the deals' search text (DealSearch), so that `/deals?q=` finds its candidates through the
-- index instead of reading every row's text (lib/data/deal-where.ts). It is an FTS5 table over DealSearch's own rows
-- (external content: the text is stored once), kept by these triggers in the same transaction as any write of
-- DealSearch. Prisma's schema cannot state a virtual table, so it lives in this migration only.
CREATE VIRTUAL TABLE "DealSearchTrigram" USING fts5(
    "text",
    content = 'DealSearch',
    content_rowid = 'dealId',
    tokenize = 'trigram case_sensitive 0'
);

CREATE TRIGGER "DealSearch_trigram_insert" AFTER INSERT ON "DealSearch" BEGIN
    INSERT INTO "DealSearchTrigram" (rowid, "text") VALUES (new."dealId", new."text");
END;

CREATE TRIGGER "DealSearch_trigram_delete" AFTER DELETE ON "DealSearch" BEGIN
    INSERT INTO "DealSearchTrigram" ("DealSearchTrigram", rowid, "text") VALUES ('delete', old."dealId", old."text");
END;

CREATE TRIGGER "DealSearch_trigram_update" AFTER UPDATE ON "DealSearch" BEGIN
    INSERT INTO "DealSearchTrigram" ("DealSearchTrigram", rowid, "text") VALUES ('delete', old."dealId", old."text");
    INSERT INTO "DealSearchTrigram" (rowid, "text") VALUES (new."dealId", new."text");
END;

-- The deals already stored.
INSERT INTO "DealSearchTrigram" ("DealSearchTrigram") VALUES ('rebuild');
