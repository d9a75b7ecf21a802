// The text the /deals search (`q`) looks in: one DealSearch row per deal holding every field the search matches (the
// recipient's name, the round, the summary, each party's organization name and label), joined by U+001F.
//
// Searching it is exactly the old search (any of those fields contains q, case-insensitively as the database's LIKE /
// ILIKE does it) as long as q itself holds no U+001F: a match can then never span two fields. lib/data/deal-where.ts
// falls back to the field-by-field search for such a q.
//
// Whoever changes one of those fields refreshes the rows it touches, in its own transaction: the deal writer
// (lib/deals/write-deal.ts), a revision restore (restore-deal.ts) and an organization rename (save-organization.ts).
// db:synth and the migration that created the table fill it with SQL.
import { Prisma } from "../generated/prisma/client";
import { insertRows } from "../insert-rows";

export const SEARCH_SEPARATOR = "\u001f";

export type SearchFields = {
  recipientName: string;
  round: string | null;
  summary: string;
  parties: { name: string | null; label: string | null }[];
};

export function dealSearchText(d: SearchFields): string {
  return [d.recipientName, d.round ?? "", d.summary, ...d.parties.flatMap((p) => [p.name ?? "", p.label ?? ""])].join(SEARCH_SEPARATOR);
}

const CHUNK = 500;

/** Rewrites the search rows of these deals (any number) from their current fields. */
export async function refreshDealSearch(tx: Prisma.TransactionClient, dealIds: readonly number[]): Promise<void> {
  const ids = [...new Set(dealIds)];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    // Read with SQL rather than findMany's nested relations, which cost more than the whole rest of a batch import.
    const idList = Prisma.join(chunk);
    const deals = await tx.$queryRaw<{ id: number; round: string | null; summary: string; recipientName: string }[]>`
      SELECT d."id", d."round", d."summary", r."name" AS "recipientName"
        FROM "Deal" d JOIN "Organization" r ON r."id" = d."recipientId"
       WHERE d."id" IN (${idList})`;
    const parties = await tx.$queryRaw<{ dealId: number; name: string | null; label: string | null }[]>`
      SELECT p."dealId", o."name", p."partyLabel" AS "label"
        FROM "Participation" p LEFT JOIN "Organization" o ON o."id" = p."organizationId"
       WHERE p."dealId" IN (${idList})
       ORDER BY p."dealId", p."position"`;
    const partiesOf = new Map<number, { name: string | null; label: string | null }[]>();
    for (const p of parties) partiesOf.set(p.dealId, [...(partiesOf.get(p.dealId) ?? []), { name: p.name, label: p.label }]);
    await tx.$executeRaw`DELETE FROM "DealSearch" WHERE "dealId" IN (${idList})`;
    await insertRows(
      tx,
      "DealSearch",
      deals.map((d) => ({
        dealId: d.id,
        text: dealSearchText({ recipientName: d.recipientName, round: d.round, summary: d.summary, parties: partiesOf.get(d.id) ?? [] }),
      })),
    );
  }
}

/** The deals whose search text holds this organization's name: those it received or took part in. */
export async function refreshOrganizationDealSearch(tx: Prisma.TransactionClient, organizationId: number): Promise<void> {
  const [received, joined] = await Promise.all([
    tx.deal.findMany({ where: { recipientId: organizationId }, select: { id: true } }),
    tx.participation.findMany({ where: { organizationId }, select: { dealId: true } }),
  ]);
  await refreshDealSearch(tx, [...received.map((d) => d.id), ...joined.map((p) => p.dealId)]);
}

/**
 * SQL that fills DealSearch for every deal that has no row yet (db:synth, which writes deals with raw SQL; the
 * migration that created the table runs the same statement). Its field order differs from dealSearchText's, which a
 * substring search that never spans a separator does not notice.
 */
export function fillDealSearchSql(provider: "sqlite" | "postgresql"): string {
  const sep = provider === "postgresql" ? "chr(31)" : "char(31)";
  const agg = provider === "postgresql" ? "string_agg" : "group_concat";
  return `INSERT INTO "DealSearch" ("dealId", "text")
SELECT d."id",
       r."name" || ${sep} || COALESCE(d."round", '') || ${sep} || d."summary" || ${sep} ||
       COALESCE((SELECT ${agg}(COALESCE(o."name", '') || ${sep} || COALESCE(p."partyLabel", ''), ${sep})
                   FROM "Participation" p LEFT JOIN "Organization" o ON o."id" = p."organizationId"
                  WHERE p."dealId" = d."id"), '')
  FROM "Deal" d JOIN "Organization" r ON r."id" = d."recipientId"
 WHERE NOT EXISTS (SELECT 1 FROM "DealSearch" s WHERE s."dealId" = d."id")`;
}
