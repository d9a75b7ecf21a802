// /api/organizations: the organization directory with deal counts, and one organization with its figures.
import "server-only";
import { getDb } from "../db";
import type { OrganizationType } from "../domain";
import type { OrganizationFilters } from "../filters/organization-filters";
import { capitalCounted, type CapitalSummary } from "../measures/capital";
import { investorCapital, type InvestorCapital } from "../measures/investor-capital";
import { loadMeasureDeals } from "./measure-deals";
import { onDeal } from "./raw/overview-figures";
import { getOrganizationProfile, type OrganizationProfile } from "./organization-profile";
import { dealCountsSelect, organizationWhere } from "./organization-where";

export type OrganizationListItem = {
  slug: string;
  name: string;
  type: OrganizationType;
  country: string | null;
  parent: string | null;
  dealsAsInvestor: number;
  dealsAsRecipient: number;
};

/** Every live organization matching the search, by name. */
export async function listOrganizations(filters: OrganizationFilters): Promise<OrganizationListItem[]> {
  const db = await getDb();
  const rows = await db.organization.findMany({
    where: organizationWhere(filters),
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    select: { slug: true, name: true, type: true, country: true, parent: { select: { slug: true } }, ...dealCountsSelect },
  });
  return rows.map((o) => ({
    slug: o.slug,
    name: o.name,
    type: o.type as OrganizationType,
    country: o.country,
    parent: o.parent?.slug ?? null,
    dealsAsInvestor: o._count.participations,
    dealsAsRecipient: o._count.received,
  }));
}

export type OrganizationDetail = {
  profile: OrganizationProfile;
  /** Capital attributed to it in counted deals it invested in (see attributeToInvestors). */
  asInvestor: InvestorCapital;
  /** Capital counted in the deals it received. */
  asRecipient: CapitalSummary;
};

export async function getOrganizationDetail(slug: string): Promise<OrganizationDetail | null> {
  const profile = await getOrganizationProfile(slug);
  if (!profile) return null;
  const organization = onDeal.selectFrom("Organization as o").where("o.slug", "=", slug).select("o.id");
  const deals = await loadMeasureDeals(
    await getDb(),
    onDeal.or([
      onDeal("d.recipientId", "in", organization),
      onDeal("d.id", "in", onDeal.selectFrom("Participation as p").where("p.organizationId", "in", organization).select("p.dealId")),
    ]),
  );
  return {
    profile,
    asInvestor: investorCapital(deals, slug),
    asRecipient: capitalCounted(deals.filter((d) => d.recipient.key === slug)),
  };
}
