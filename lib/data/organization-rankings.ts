// The lists of /investors and /companies: organizations ranked by counted capital, narrowed by the search.
import "server-only";
import { getDb } from "../db";
import type { OrganizationType } from "../domain";
import type { OrganizationFilters } from "../filters/organization-filters";
import { rankInvestors, rankRecipients, type OrganizationRank } from "../measures/organization-rankings";
import { loadMeasureDeals } from "./measure-deals";
import { organizationWhere } from "./organization-where";

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

async function listRanked(filters: OrganizationFilters, side: "investor" | "recipient", asOf: string | null): Promise<OrganizationRanking> {
  const db = await getDb();
  const inDeals =
    side === "investor" ? { participations: { some: { deal: { deletedAt: null } } } } : { received: { some: { deletedAt: null } } };
  const [deals, matching] = await Promise.all([
    loadMeasureDeals(db, null, asOf),
    db.organization.findMany({ where: { AND: [organizationWhere(filters), inDeals] }, select: { slug: true, type: true, country: true } }),
  ]);
  const ranking: OrganizationRank[] = side === "investor" ? rankInvestors(deals) : rankRecipients(deals);
  const bySlug = new Map(matching.map((o) => [o.slug, o]));
  const rows = ranking.flatMap((r, index) => {
    const org = bySlug.get(r.key);
    if (!org) return [];
    return [
      {
        rank: index + 1,
        slug: r.key,
        name: r.name,
        type: org.type as OrganizationType,
        country: org.country,
        capital: r.amount,
        deals: r.deals,
        countedDeals: r.countedDeals,
      },
    ];
  });
  return { rows, total: ranking.length };
}
