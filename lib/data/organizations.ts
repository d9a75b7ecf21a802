// /api/organizations: the organization directory with deal counts, and one organization with its figures.
import "server-only";
import { getDb } from "../db";
import type { OrganizationType } from "../domain";
import type { OrganizationFilters } from "../filters/organization-filters";
import type { CapitalSummary } from "../measures/capital";
import type { InvestorCapital } from "../measures/investor-capital";
import { capitalCountedSql } from "./deal-stats";
import { dealCells } from "./raw/market-cells";
import { dealsAsOf } from "./deal-state";
import { readsOf } from "./kysely";
import { announcedWithin, type DateWindow } from "./raw/investor-figures";
import { investorParts } from "./investor-parts";
import { ALL_DATES } from "../filters/date-window";
import { findOrganization, type OrganizationProfile } from "./organization-profile";
import { organizationDealCounts, organizationWhere } from "./organization-where";

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
    select: { id: true, slug: true, name: true, type: true, country: true, parent: { select: { slug: true } } },
  });
  // A search's few organizations by their ids; the whole directory (30,314 organizations at a million deals) by one
  // grouping of each side, which reads each side's index once instead of a lookup per organization.
  const counts = await organizationDealCounts(readsOf(db), rows.length <= COUNTED_BY_ID ? rows.map((o) => o.id) : null);
  return rows.map((o) => ({
    slug: o.slug,
    name: o.name,
    type: o.type as OrganizationType,
    country: o.country,
    parent: o.parent?.slug ?? null,
    dealsAsInvestor: counts.get(o.id)?.dealsAsInvestor ?? 0,
    dealsAsRecipient: counts.get(o.id)?.dealsAsRecipient ?? 0,
  }));
}

/** Up to this many organizations listed, their deals are counted by their ids. */
const COUNTED_BY_ID = 500;

export type OrganizationDetail = {
  profile: OrganizationProfile;
  /** Capital attributed to it in counted deals it invested in (see attributeToInvestors). */
  asInvestor: InvestorCapital;
  /** The whole counted amounts of those deals, every investor's part: the total of the rounds it joined. */
  roundsJoined: CapitalSummary;
  /** Capital counted in the deals it received. */
  asRecipient: CapitalSummary;
};

/**
 * The organization's figures today or as of `asOf`, over the deals announced within `window`: the attributed part from
 * its parts (lib/data/investor-parts.ts), as the investor page reads it, so that the two agree; the rounds joined and the capital received summed in the database.
 */
export async function getOrganizationDetail(
  slug: string,
  asOf: string | null = null,
  window: DateWindow = ALL_DATES,
): Promise<OrganizationDetail | null> {
  const found = await findOrganization(slug);
  if (!found) return null;
  const { id, profile } = found;
  const db = await getDb();
  const states = () => dealsAsOf(readsOf(db), asOf).where("d.deletedAt", "is", null);
  const [asRecipient, { capital: asInvestor, roundsJoined }] = await Promise.all([
    capitalCountedSql(dealCells(readsOf(db), states().where("d.recipientId", "=", id).where(announcedWithin(window)))),
    investorParts(readsOf(db), asOf, id, "year", window),
  ]);
  return { profile, asInvestor, roundsJoined, asRecipient };
}
