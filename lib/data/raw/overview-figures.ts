// The overview's figures about every live deal today, computed in the database rather than by loading every deal
// (lib/data/overview.ts uses them when no `asOf` is asked for). Portable SQL for SQLite and PostgreSQL through the
// bulk reader: window functions, CASE instead of the dialects' different scalar MIN/MAX, integer arithmetic on
// BIGINT (sums cast back to BIGINT so PostgreSQL's NUMERIC never divides with decimals), totals read as TEXT.
// Each function returns exactly what its measure in lib/measures/capital.ts returns over loadMeasureDeals(db);
// tests/integration/view-cache.test.ts compares them on the seed and on a synthetic database.
import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { COUNTED_STATUSES, PIPELINE_STATUSES, type CountingRule, type EntityTotal } from "../../measures/capital";
import { bulkReaderOf } from "./bulk-reader";

/** One `?` per value, for an IN list. */
export const marks = (values: readonly unknown[]) => values.map(() => "?").join(", ");

export function countedWhere(rule: CountingRule, alias: string): { sql: string; params: string[] } {
  const statuses = [...COUNTED_STATUSES, ...(rule.includePipeline ? PIPELINE_STATUSES : [])];
  return {
    sql: `${alias}."deletedAt" IS NULL AND ${alias}."kind" IN (${marks(rule.kinds)}) AND ${alias}."status" IN (${marks(statuses)})`,
    params: [...rule.kinds, ...statuses],
  };
}

export const byAmountThenName = (a: EntityTotal, b: EntityTotal) => (a.amount === b.amount ? a.name.localeCompare(b.name) : a.amount > b.amount ? -1 : 1);

/**
 * The CTEs "parts" and "shares": each named investor's part ("share") of every deal that meets `dealWhere` (on alias
 * d), with the deal's "dealId", "announcedOn" and "recipientId", as attributeToInvestors splits it. Callers add the
 * SELECT.
 */
export function investorSharesSql(dealWhere: string): string {
  return `WITH "parts" AS (
       SELECT p."dealId", p."organizationId", p."committedUsd", d."announcedOn", d."recipientId", COALESCE(d."amountUsdKey", 0) AS "amount",
              SUM(CASE WHEN p."committedUsd" IS NULL THEN 0 ELSE 1 END) OVER "deal" AS "committedCount",
              CAST(COALESCE(SUM(p."committedUsd") OVER "deal", 0) AS BIGINT) AS "committedSum",
              SUM(CASE WHEN p."committedUsd" IS NULL THEN 1 ELSE 0 END) OVER "deal" AS "openCount",
              CAST(COALESCE(SUM(p."committedUsd") OVER "upTo", 0) - COALESCE(p."committedUsd", 0) AS BIGINT) AS "committedBefore",
              SUM(CASE WHEN p."committedUsd" IS NULL THEN 1 ELSE 0 END) OVER "upTo" AS "openRank"
         FROM "Participation" p JOIN "Deal" d ON d."id" = p."dealId"
        WHERE ${dealWhere}
       WINDOW "deal" AS (PARTITION BY p."dealId" ORDER BY p."position", p."id" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
              "upTo" AS (PARTITION BY p."dealId" ORDER BY p."position", p."id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
     ),
     "shares" AS (
       SELECT "dealId", "organizationId", "announcedOn", "recipientId",
              CASE
                WHEN "committedCount" > 0 AND "committedSum" >= "amount" THEN
                  CASE
                    WHEN "committedUsd" IS NULL THEN NULL
                    WHEN "committedBefore" >= "amount" THEN 0
                    WHEN "committedUsd" < "amount" - "committedBefore" THEN "committedUsd"
                    ELSE "amount" - "committedBefore"
                  END
                WHEN "committedUsd" IS NOT NULL THEN "committedUsd"
                ELSE ("amount" - "committedSum") / "openCount"
                     + CASE WHEN "openRank" <= ("amount" - "committedSum") % "openCount" THEN 1 ELSE 0 END
              END AS "share"
         FROM "parts" WHERE "organizationId" IS NOT NULL
     )
`;
}

/**
 * capitalByInvestor for the named investors (the undisclosed entry left out): each counted deal split among its
 * investors as attributeToInvestors does it. Stated commitments that cover the deal are taken in order, capped at
 * what is left; otherwise they count in full and the rest is split equally among the investors without one, the
 * odd dollars going to the first listed. (An investor without a commitment in a deal that commitments cover gets
 * no part, not a zero one: NULL here, as attributeToInvestors leaves it out.)
 */
export async function capitalByNamedInvestorSql(db: PrismaClient, rule: CountingRule): Promise<EntityTotal[]> {
  if (rule.kinds.length === 0) return [];
  const counted = countedWhere(rule, "d");
  const rows = await bulkReaderOf(db).all<{ slug: string; name: string; total: string }>(
    `${investorSharesSql(counted.sql)}
     SELECT o."slug", o."name", CAST(SUM(s."share") AS TEXT) AS "total"
       FROM "shares" s JOIN "Organization" o ON o."id" = s."organizationId"
      WHERE s."share" IS NOT NULL
      GROUP BY o."id", o."slug", o."name"`,
    counted.params,
  );
  return rows.map((r) => ({ key: r.slug, name: r.name, amount: BigInt(r.total) })).sort(byAmountThenName);
}

/** Counted capital per recipient among the deals announced in `year` (capitalByRecipient over those deals). */
export async function capitalByRecipientInYearSql(db: PrismaClient, rule: CountingRule, year: string): Promise<EntityTotal[]> {
  if (rule.kinds.length === 0) return [];
  const counted = countedWhere(rule, "d");
  const rows = await bulkReaderOf(db).all<{ slug: string; name: string; total: string }>(
    `SELECT o."slug", o."name", CAST(SUM(COALESCE(d."amountUsdKey", 0)) AS TEXT) AS "total"
       FROM "Deal" d JOIN "Organization" o ON o."id" = d."recipientId"
      WHERE ${counted.sql} AND d."announcedOn" >= ? AND d."announcedOn" < ?
      GROUP BY o."id", o."slug", o."name"`,
    [...counted.params, `${year}-01-01`, `${Number(year) + 1}-01-01`],
  );
  return rows.map((r) => ({ key: r.slug, name: r.name, amount: BigInt(r.total) })).sort(byAmountThenName);
}

/** The year of the newest live deal of the rule's kinds (any status), or null. */
export async function latestYearOfKindsSql(db: PrismaClient, rule: CountingRule): Promise<string | null> {
  if (rule.kinds.length === 0) return null;
  const rows = await bulkReaderOf(db).all<{ latest: string | null }>(
    `SELECT MAX("announcedOn") AS "latest" FROM "Deal" WHERE "deletedAt" IS NULL AND "kind" IN (${marks(rule.kinds)})`,
    [...rule.kinds],
  );
  return rows[0]?.latest?.slice(0, 4) ?? null;
}

