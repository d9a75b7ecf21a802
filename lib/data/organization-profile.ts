// Who an organization is: the header of /investors/[slug], /companies/[slug] and /api/organizations/[slug].
import "server-only";
import { getDb } from "../db";
import type { OrganizationType } from "../domain";
import { readsOf } from "./kysely";
import { organizationDealCounts, type DealCounts } from "./organization-where";
import { cachedView, viewKey } from "./view-cache";

export type RelatedOrganization = { slug: string; name: string; type: OrganizationType; dealsAsInvestor: number; dealsAsRecipient: number };

export type OrganizationProfile = RelatedOrganization & {
  country: string | null;
  website: string | null;
  aliases: string[];
  /** The company a unit or venture arm belongs to (AWS -> Amazon); its figures are its own, never merged. */
  parent: RelatedOrganization | null;
  children: RelatedOrganization[];
};

const relatedSelect = { id: true, slug: true, name: true, type: true, deletedAt: true } as const;
type RelatedRow = { id: number; slug: string; name: string; type: string };

function toRelated(o: RelatedRow, counts: Map<number, DealCounts>): RelatedOrganization {
  const { dealsAsInvestor, dealsAsRecipient } = counts.get(o.id) ?? { dealsAsInvestor: 0, dealsAsRecipient: 0 };
  return { slug: o.slug, name: o.name, type: o.type as OrganizationType, dealsAsInvestor, dealsAsRecipient };
}

/** Null when no live organization has this slug. */
export async function getOrganizationProfile(slug: string): Promise<OrganizationProfile | null> {
  return (await findOrganization(slug))?.profile ?? null;
}

/**
 * The profile with the organization's id, for the views that then read its deals by id; null when none. Kept per data
 * version (its deal counts walk every participation of the organization: 60 ms to over a second for Microsoft at
 * 100,000 deals, on every request of its page, the cached ones too), which also makes a page and its metadata share
 * one lookup. Not
 * wrapped in React's cache() as well: that would hand a view computing in its turn the promise of a lookup still queued
 * for a turn (the metadata's), and the page would wait for itself.
 */
export function findOrganization(slug: string): Promise<{ id: number; profile: OrganizationProfile } | null> {
  return cachedView(viewKey("organization", { slug }), () => readOrganization(slug));
}

async function readOrganization(slug: string): Promise<{ id: number; profile: OrganizationProfile } | null> {
  const db = await getDb();
  const org = await db.organization.findFirst({
    where: { slug, deletedAt: null },
    select: {
      ...relatedSelect,
      country: true,
      website: true,
      aliases: { orderBy: { alias: "asc" }, select: { alias: true } },
      parent: { select: relatedSelect },
      children: { where: { deletedAt: null }, orderBy: { name: "asc" }, select: relatedSelect },
    },
  });
  if (!org) return null;
  const parent = org.parent && org.parent.deletedAt === null ? org.parent : null;
  const counts = await organizationDealCounts(readsOf(db), [org.id, ...(parent ? [parent.id] : []), ...org.children.map((c) => c.id)]);
  const profile: OrganizationProfile = {
    ...toRelated(org, counts),
    country: org.country,
    website: org.website,
    aliases: org.aliases.map((a) => a.alias),
    parent: parent ? toRelated(parent, counts) : null,
    children: org.children.map((c) => toRelated(c, counts)),
  };
  return { id: org.id, profile };
}
