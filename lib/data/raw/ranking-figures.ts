// The rankings of /investors and /companies summed in the database over the deals as of a date (today with null,
// lib/data/deal-state.ts), instead of loading every deal into memory and ranking them there: each organization's
// counted capital (an investor's attributed part, summed over its parts, lib/data/investor-parts.ts; a recipient's
// capital counted received) with its deals and counted deals. The rows are those of rankInvestors and rankRecipients
// (lib/measures/organization-rankings.ts) over loadMeasureDeals(db, null, asOf) (tests/support/measure-deals.ts), the reference
// tests/integration/organization-rankings.test.ts compares them with, on the seed, a synthetic database and
// PostgreSQL, today and as of dates.
import "server-only";
import { sql, type SelectQueryBuilder } from "kysely";
import type { DB } from "../../generated/kysely/types";
import { DEFAULT_RULE } from "../../measures/capital";
import { dealsAsOf } from "../deal-state";
import { countedPart, partsOfDeals } from "../investor-parts";
import { countAll, countWhere, moneySum, toMoney, type Reads } from "../kysely";
import { countedDeal } from "./overview-figures";

export type RankingFigures = {
  id: number;
  slug: string;
  name: string;
  type: string;
  country: string | null;
  /** Soft-deleted organizations rank like any other (as the measures rank them) but are never listed. */
  deleted: boolean;
  amount: bigint;
  deals: number;
  countedDeals: number;
};

type Figures = { organizationId: number; amount: string | null; deals: number; countedDeals: number };

/** Each figure row with its organization. */
async function withOrganizations(reads: Reads, figures: SelectQueryBuilder<DB, never, Figures>): Promise<RankingFigures[]> {
  const rows = await reads
    .selectFrom(figures.as("f"))
    .innerJoin("Organization as o", "o.id", "f.organizationId")
    .select(["o.id", "o.slug", "o.name", "o.type", "o.country", "o.deletedAt", "f.amount", "f.deals", "f.countedDeals"])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    type: r.type,
    country: r.country,
    deleted: r.deletedAt !== null,
    amount: toMoney(r.amount),
    deals: r.deals,
    countedDeals: r.countedDeals,
  }));
}

/**
 * rankInvestors: every named investor of a live deal, its deals and counted deals, and the sum of its parts of the
 * counted ones (none where stated commitments cover a deal without it), in one pass over the investors' parts
 * (lib/data/investor-parts.ts: one per named investor and live deal; today the rows the writers keep, as of a date the
 * same split again from their kept terms). At a million deals, cold, it takes 0.88 s today and 8.6-9.0 s as of
 * 2023-06-30 (every part split again); its deals counted over the deals joined to their participations (4.5 s of SQL)
 * beside its parts' sums over the investor cells took 4.1-4.4 s today, and with the sums split again with windows over
 * every deal (5.3 s) 8.7-8.9 s as of that date.
 */
export function investorRankingSql(reads: Reads, asOf: string | null): Promise<RankingFigures[]> {
  const counted = countedPart(DEFAULT_RULE);
  const figures = partsOfDeals(reads, asOf)
    .groupBy("p.organizationId")
    .select((eb) => [
      "p.organizationId",
      moneySum(eb.case().when(counted).then(eb.ref("p.share")).end()).as("amount"),
      countAll().as("deals"),
      countWhere(counted).as("countedDeals"),
    ]);
  return withOrganizations(reads, figures as unknown as SelectQueryBuilder<DB, never, Figures>);
}

/** rankRecipients: every recipient of a live deal, its deals and counted deals, and the capital counted into it. */
export function recipientRankingSql(reads: Reads, asOf: string | null): Promise<RankingFigures[]> {
  const counted = countedDeal(DEFAULT_RULE);
  const figures = dealsAsOf(reads, asOf)
    .where("d.deletedAt", "is", null)
    .groupBy("d.recipientId")
    .select((eb) => [
      "d.recipientId as organizationId",
      moneySum(
        eb
          .case()
          .when(counted)
          .then(eb.fn.coalesce("d.amountUsdKey", sql<bigint>`0`))
          .end(),
      ).as("amount"),
      countAll().as("deals"),
      countWhere(counted).as("countedDeals"),
    ]);
  return withOrganizations(reads, figures as unknown as SelectQueryBuilder<DB, never, Figures>);
}
