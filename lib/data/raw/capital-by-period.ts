// Counted capital per period and kind, summed in the database instead of over every deal in JavaScript.
// Portable SQL (SQLite and PostgreSQL): double-quoted identifiers, SUBSTR and CAST only, integer division of
// integers, and the sum cast to TEXT so that no driver rounds it (PostgreSQL's SUM of BIGINT is NUMERIC).
import "server-only";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { DealKind, DealStatus } from "../../domain";
import { COUNTED_STATUSES, PIPELINE_STATUSES, periodRange, type CountingRule, type Grain, type PeriodTotal } from "../../measures/capital";

type Row = { year: string; quarter: number | bigint; kind: string; total: string; deals: number | bigint };

/** The same result as capitalByPeriod(deals, { rule, grain, stackBy: "kind" }) over every live deal (a test compares them). */
export async function capitalByPeriodSql(db: PrismaClient, rule: CountingRule, grain: Grain): Promise<PeriodTotal[]> {
  const statuses: DealStatus[] = [...COUNTED_STATUSES, ...(rule.includePipeline ? PIPELINE_STATUSES : [])];
  const kinds: readonly DealKind[] = rule.kinds;
  if (kinds.length === 0) return [];
  const rows = await db.$queryRaw<Row[]>`
    SELECT SUBSTR("announcedOn", 1, 4) AS "year",
           (CAST(SUBSTR("announcedOn", 6, 2) AS INTEGER) + 2) / 3 AS "quarter",
           "kind" AS "kind",
           CAST(SUM(COALESCE("amountUsdKey", 0)) AS TEXT) AS "total",
           COUNT(*) AS "deals"
      FROM "Deal"
     WHERE "deletedAt" IS NULL AND "kind" IN (${Prisma.join(kinds)}) AND "status" IN (${Prisma.join(statuses)})
     GROUP BY 1, 2, 3`;
  if (rows.length === 0) return [];
  const periodOfRow = (r: Row) => (grain === "year" ? r.year : `${r.year}-Q${Number(r.quarter)}`);
  const periods = rows.map(periodOfRow).sort();
  const byPeriod = new Map<string, PeriodTotal>();
  for (const period of periodRange(periods[0], periods[periods.length - 1], grain)) byPeriod.set(period, { period, total: 0n, byKey: {} });
  for (const r of rows) {
    const bucket = byPeriod.get(periodOfRow(r)) as PeriodTotal;
    const amount = BigInt(r.total);
    bucket.total += amount;
    bucket.byKey[r.kind] = (bucket.byKey[r.kind] ?? 0n) + amount;
  }
  return [...byPeriod.values()];
}
