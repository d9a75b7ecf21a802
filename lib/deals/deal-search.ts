// The text the /deals search (`q`) looks in: one DealSearch row per deal holding every field the search matches (the
// recipient's name and aliases, the round, the summary, each party's organization name, aliases and label), joined by
// U+001F. The aliases are there so that a search for "QIA" finds the deals of Qatar Investment Authority.
//
// Searching it is exactly the old search (any of those fields contains q, case-insensitively as the database's LIKE /
// ILIKE does it) as long as q itself holds no U+001F: a match can then never span two fields. lib/data/deal-where.ts
// falls back to the field-by-field search for such a q.
//
// Whoever changes one of those fields refreshes the rows it touches, in its own transaction: the deal writer
// (lib/deals/write-deal.ts), a revision restore (restore-deal.ts) and an organization's new name or aliases
// (save-organization.ts).
// db:synth and the migration that created the table fill it with SQL.
import { Prisma } from "../generated/prisma/client";
import { insertRows } from "../insert-rows";

export const SEARCH_SEPARATOR = "\u001f";

export type SearchFields = {
  recipientName: string;
  recipientAliases: string[];
  round: string | null;
  summary: string;
  parties: { name: string | null; aliases: string[]; label: string | null }[];
};

export function dealSearchText(d: SearchFields): string {
  return [
    d.recipientName,
    ...d.recipientAliases,
    d.round ?? "",
    d.summary,
    ...d.parties.flatMap((p) => [p.name ?? "", ...p.aliases, p.label ?? ""]),
  ].join(SEARCH_SEPARATOR);
}

const CHUNK = 500;

/** What a deal's search row is made of, by organization id: the names and aliases are looked up when it is written. */
export type DealSearchSource = {
  dealId: number;
  recipientId: number;
  round: string | null;
  summary: string;
  /** In the order of their positions. */
  parties: { organizationId: number | null; label: string | null }[];
};

/** Rewrites the search rows of these deals (any number) from their current fields. */
export async function refreshDealSearch(tx: Prisma.TransactionClient, dealIds: readonly number[]): Promise<void> {
  const ids = [...new Set(dealIds)];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    // Read with SQL rather than findMany's nested relations, which cost more than the whole rest of a batch import.
    const idList = Prisma.join(chunk);
    const deals = await tx.$queryRaw<{ id: number; round: string | null; summary: string; recipientId: number }[]>`
      SELECT d."id", d."round", d."summary", d."recipientId" FROM "Deal" d WHERE d."id" IN (${idList})`;
    const parties = await tx.$queryRaw<{ dealId: number; organizationId: number | null; label: string | null }[]>`
      SELECT p."dealId", p."organizationId", p."partyLabel" AS "label" FROM "Participation" p
       WHERE p."dealId" IN (${idList})
       ORDER BY p."dealId", p."position"`;
    const partiesOf = new Map<number, DealSearchSource["parties"]>();
    for (const p of parties) {
      const party = { organizationId: p.organizationId === null ? null : Number(p.organizationId), label: p.label };
      const list = partiesOf.get(p.dealId);
      if (list) list.push(party);
      else partiesOf.set(p.dealId, [party]);
    }
    await tx.$executeRaw`DELETE FROM "DealSearch" WHERE "dealId" IN (${idList})`;
    await insertDealSearch(
      tx,
      deals.map((d) => ({
        dealId: d.id,
        recipientId: Number(d.recipientId),
        round: d.round,
        summary: d.summary,
        parties: partiesOf.get(d.id) ?? [],
      })),
    );
  }
}

/**
 * Writes the search rows of deals that have none yet: those refreshDealSearch has just cleared, or deals the batch
 * writer has just created, which it describes from what it wrote (reading 500 new deals and their parties back cost
 * it more than writing their search rows). The names and aliases are read inside the transaction, which may have
 * created some of the organizations.
 */
export async function insertDealSearch(tx: Prisma.TransactionClient, deals: readonly DealSearchSource[]): Promise<void> {
  for (let start = 0; start < deals.length; start += CHUNK) {
    const chunk = deals.slice(start, start + CHUNK);
    const organizationIds = [
      ...new Set(chunk.flatMap((d) => [d.recipientId, ...d.parties.flatMap((p) => (p.organizationId === null ? [] : [p.organizationId]))])),
    ];
    if (organizationIds.length === 0) continue;
    const idList = Prisma.join(organizationIds);
    const names = await tx.$queryRaw<{ id: number; name: string }[]>`
      SELECT o."id", o."name" FROM "Organization" o WHERE o."id" IN (${idList})`;
    const aliases = await tx.$queryRaw<{ organizationId: number; alias: string }[]>`
      SELECT a."organizationId", a."alias" FROM "OrganizationAlias" a
       WHERE a."organizationId" IN (${idList})
       ORDER BY a."organizationId", a."alias"`;
    const nameOf = new Map(names.map((o) => [Number(o.id), o.name]));
    const aliasesOf = new Map<number, string[]>();
    for (const a of aliases) aliasesOf.set(Number(a.organizationId), [...(aliasesOf.get(Number(a.organizationId)) ?? []), a.alias]);
    await insertRows(
      tx,
      "DealSearch",
      chunk.map((d) => ({
        dealId: d.dealId,
        text: dealSearchText({
          recipientName: nameOf.get(d.recipientId) ?? "",
          recipientAliases: aliasesOf.get(d.recipientId) ?? [],
          round: d.round,
          summary: d.summary,
          parties: d.parties.map((p) => ({
            name: p.organizationId === null ? null : (nameOf.get(p.organizationId) ?? null),
            aliases: p.organizationId === null ? [] : (aliasesOf.get(p.organizationId) ?? []),
            label: p.label,
          })),
        }),
      })),
    );
  }
}

/** The deals whose search text holds this organization's name and aliases: those it received or took part in. */
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
  const aliases = `(SELECT "organizationId", ${agg}("alias", ${sep}) AS "aliases" FROM "OrganizationAlias" GROUP BY "organizationId")`;
  return `INSERT INTO "DealSearch" ("dealId", "text")
SELECT d."id",
       r."name" || ${sep} || COALESCE(ra."aliases", '') || ${sep} || COALESCE(d."round", '') || ${sep} || d."summary" || ${sep} ||
       COALESCE((SELECT ${agg}(COALESCE(o."name", '') || ${sep} || COALESCE(oa."aliases", '') || ${sep} || COALESCE(p."partyLabel", ''), ${sep})
                   FROM "Participation" p LEFT JOIN "Organization" o ON o."id" = p."organizationId"
                   LEFT JOIN ${aliases} oa ON oa."organizationId" = o."id"
                  WHERE p."dealId" = d."id"), '')
  FROM "Deal" d JOIN "Organization" r ON r."id" = d."recipientId"
  LEFT JOIN ${aliases} ra ON ra."organizationId" = r."id"
 WHERE NOT EXISTS (SELECT 1 FROM "DealSearch" s WHERE s."dealId" = d."id")`;
}
