// The rankings of /investors and /companies summed in the database over the deals as of a date (today with null,
// lib/data/deal-state.ts), instead of loading every deal into memory and ranking them there: each organization's
// counted capital (an investor's attributed part, withInvestorShares, the one attribution in SQL; a recipient's
// capital counted received) with its deals and counted deals. The rows are those of rankInvestors and rankRecipients
// (lib/measures/organization-rankings.ts) over loadMeasureDeals(db, null, asOf) (tests/support/measure-deals.ts), the reference
// tests/integration/organization-rankings.test.ts compares them with, on the seed, a synthetic database and
// PostgreSQL, today and as of dates.
import "server-only";
import { sql, type SelectQueryBuilder } from "kysely";
import type { DB } from "../../generated/kysely/types";
import { DEFAULT_RULE } from "../../measures/capital";
import { dealsAsOf, type DealStates } from "../deal-state";
import { countAll, countWhere, moneySum, toMoney, type Reads } from "../kysely";
import { countedDeal, withInvestorShares } from "./overview-figures";

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

// The columns of a deal's state the ranking reads.
const STATE_COLUMNS = ["d.id", "d.recipientId", "d.kind", "d.status", "d.announcedOn", "d.amountUsdKey", "d.deletedAt"] as const;

/**
 * rankInvestors: every named investor of a live deal, its deals and counted deals, and the sum of its parts of the
 * counted ones (none where stated commitments cover a deal without it).
 */
export function investorRankingSql(reads: Reads, asOf: string | null): Promise<RankingFigures[]> {
  const counted = countedDeal(DEFAULT_RULE);
  // As of a date, the deals' states once, as the CTE "states" that both the parts and the deal counts read: each
  // reading would run the window over every event again (SQLite and PostgreSQL materialize a CTE read twice). Today
  // they are the Deal table itself.
  const withStates = asOf ? (reads.with("states", () => dealsAsOf(reads, asOf).select(STATE_COLUMNS)) as unknown as Reads) : reads;
  const states = (): DealStates =>
    asOf ? (reads.selectFrom("states as d" as "Deal as d") as unknown as DealStates) : dealsAsOf(reads, null);
  const figures = withInvestorShares(withStates, counted, states())
    .with("attributed", (db) =>
      db
        .selectFrom("shares")
        .groupBy("organizationId")
        .select((eb) => ["organizationId", moneySum(eb.ref("share")).as("amount")]),
    )
    .with("named", () =>
      states()
        .innerJoin("Participation as p", "p.dealId", "d.id")
        .where("d.deletedAt", "is", null)
        .where("p.organizationId", "is not", null)
        .groupBy("p.organizationId")
        .select(["p.organizationId", countAll().as("deals"), countWhere(counted).as("countedDeals")]),
    )
    .selectFrom("named as n")
    .leftJoin("attributed as a", "a.organizationId", "n.organizationId")
    .select(["n.organizationId", "a.amount", "n.deals", "n.countedDeals"]);
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
