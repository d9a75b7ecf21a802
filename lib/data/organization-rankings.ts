// The lists of /investors and /companies: organizations ranked by counted capital (summed in the database, as of a
// date too), narrowed by the search.
import "server-only";
import { getDb } from "../db";
import type { OrganizationType } from "../domain";
import { hasOrganizationFilters, type OrganizationFilters } from "../filters/organization-filters";
import { byRankingOrder } from "../measures/organization-rankings";
import { readsOf } from "./kysely";
import { organizationWhere } from "./organization-where";
import { investorRankingSql, recipientRankingSql, type RankingFigures } from "./raw/ranking-figures";
import { cachedView, viewKey } from "./view-cache";

export type RankedOrganization = {
  /** Position in the whole ranking, whatever the search: a search for "amazon" still shows where Amazon stands. */
  rank: number;
  slug: string;
  name: string;
  type: OrganizationType;
  country: string | null;
  /** Counted capital attributed to the investor, or received by the company. */
  capital: bigint;
  deals: number;
  countedDeals: number;
};

export type OrganizationRanking = { rows: RankedOrganization[]; total: number };

/**
 * Every organization in a live deal as an investor, ranked by the counted capital attributed to it; with `asOf`, over
 * the deals as reported on that date (organizations in none of them are left out).
 */
export function listInvestors(filters: OrganizationFilters, asOf: string | null = null): Promise<OrganizationRanking> {
  return listRanked(filters, "investor", asOf);
}

/** Every organization that received a live deal, ranked by the counted capital it received (as of `asOf`, if given). */
export function listCompanies(filters: OrganizationFilters, asOf: string | null = null): Promise<OrganizationRanking> {
  return listRanked(filters, "recipient", asOf);
}

/**
 * The whole ranking of one side as of a date, cached per data version: every search of the list reads the same one
 * (a search keeps each organization's rank in the whole list), summed in the database (lib/data/raw/ranking-figures.ts).
 */
function rankingOf(side: "investor" | "recipient", asOf: string | null): Promise<RankingFigures[]> {
  return cachedView(viewKey("ranking", { side, asOf }), async () => {
    const reads = readsOf(await getDb());
    const figures = await (side === "investor" ? investorRankingSql(reads, asOf) : recipientRankingSql(reads, asOf));
    return figures.sort(byRankingOrder);
  });
}

async function listRanked(filters: OrganizationFilters, side: "investor" | "recipient", asOf: string | null): Promise<OrganizationRanking> {
  const db = await getDb();
  const [ranking, matching] = await Promise.all([
    rankingOf(side, asOf),
    // The search in the database: only the organizations it names (every live one without a search).
    hasOrganizationFilters(filters)
      ? db.organization.findMany({ where: organizationWhere(filters), select: { id: true } }).then((rows) => new Set(rows.map((o) => o.id)))
      : null,
  ]);
  const rows = ranking.flatMap((r, index) => {
    if (r.deleted || (matching && !matching.has(r.id))) return [];
    return [
      {
        rank: index + 1,
        slug: r.slug,
        name: r.name,
        type: r.type as OrganizationType,
        country: r.country,
        capital: r.amount,
        deals: r.deals,
        countedDeals: r.countedDeals,
      },
    ];
  });
  return { rows, total: ranking.length };
}
