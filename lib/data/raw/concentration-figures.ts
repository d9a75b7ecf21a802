// Concentration over time for every live deal today, summed in the database: per period, each recipient's counted
// capital, or each named investor's part as attributeToInvestors splits it (lib/data/raw/overview-figures.ts), plus
// the period's whole counted capital. The shares and the HHI are then the measure's own (concentrationOfTotals), so
// the figures equal concentrationSeries over loadMeasureDeals(db) without loading a deal; a test compares them.
import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { UNDISCLOSED_KEY, type CountingRule, type EntityTotal, type Grain } from "../../measures/capital";
import { concentrationOfTotals, type ConcentrationPeriod, type Side } from "../../measures/concentration";
import { bulkReaderOf } from "./bulk-reader";
import { byAmountThenName, countedWhere, investorSharesSql } from "./overview-figures";

/** The period of an ISO date column as periodOf writes it ("2025" or "2025-Q3"), in SQL both databases run. */
export function periodSql(column: string, grain: Grain): string {
  const year = `SUBSTR(${column}, 1, 4)`;
  return grain === "year" ? year : `${year} || '-Q' || CAST((CAST(SUBSTR(${column}, 6, 2) AS INTEGER) + 2) / 3 AS TEXT)`;
}

type Row = { period: string; slug: string; name: string; total: string };

export async function concentrationSeriesSql(db: PrismaClient, options: { rule: CountingRule; grain: Grain; side: Side }): Promise<ConcentrationPeriod[]> {
  const { rule, grain, side } = options;
  if (rule.kinds.length === 0) return [];
  const counted = countedWhere(rule, "d");
  const reader = bulkReaderOf(db);
  const period = periodSql(`d."announcedOn"`, grain);
  const [entities, periodTotals] = await Promise.all([
    side === "recipient"
      ? reader.all<Row>(
          `SELECT ${period} AS "period", o."slug", o."name", CAST(SUM(COALESCE(d."amountUsdKey", 0)) AS TEXT) AS "total"
             FROM "Deal" d JOIN "Organization" o ON o."id" = d."recipientId"
            WHERE ${counted.sql}
            GROUP BY 1, o."id", o."slug", o."name"`,
          counted.params,
        )
      : reader.all<Row>(
          `${investorSharesSql(counted.sql)}
           SELECT ${periodSql(`s."announcedOn"`, grain)} AS "period", o."slug", o."name", CAST(SUM(s."share") AS TEXT) AS "total"
             FROM "shares" s JOIN "Organization" o ON o."id" = s."organizationId"
            WHERE s."share" IS NOT NULL
            GROUP BY 1, o."id", o."slug", o."name"`,
          counted.params,
        ),
    // Every counted dollar of the period, unnamed investors' parts included (a deal's parts add up to the deal).
    reader.all<{ period: string; total: string }>(
      `SELECT ${period} AS "period", CAST(SUM(COALESCE(d."amountUsdKey", 0)) AS TEXT) AS "total" FROM "Deal" d WHERE ${counted.sql} GROUP BY 1`,
      counted.params,
    ),
  ]);
  const byPeriod = new Map<string, EntityTotal[]>();
  for (const r of entities) {
    const list = byPeriod.get(r.period) ?? [];
    list.push({ key: r.slug, name: r.name, amount: BigInt(r.total) });
    byPeriod.set(r.period, list);
  }
  const totalsByPeriod = new Map<string, EntityTotal[]>();
  for (const p of periodTotals) {
    const named = (byPeriod.get(p.period) ?? []).sort(byAmountThenName);
    const rest = BigInt(p.total) - named.reduce((s, e) => s + e.amount, 0n);
    totalsByPeriod.set(p.period, rest > 0n ? [...named, { key: UNDISCLOSED_KEY, name: "Undisclosed", amount: rest }] : named);
  }
  return concentrationOfTotals(totalsByPeriod, grain);
}
