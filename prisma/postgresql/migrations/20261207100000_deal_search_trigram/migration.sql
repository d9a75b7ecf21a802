-- SQLite's trigram index over the deals' search text (prisma/migrations, same name) has no counterpart here:
-- PostgreSQL's would be a pg_trgm GIN index, an extension a server may lack, so `/deals?q=` reads DealSearch with
-- ILIKE as before (lib/data/deal-where.ts). This migration keeps the two folders' names the same.
SELECT 1;
