// Who an organization is: the header of /investors/[slug], /companies/[slug] and /api/organizations/[slug].
import "server-only";
import { cache } from "react";
import { getDb } from "../db";
import type { OrganizationType } from "../domain";
import { dealCountsSelect } from "./organization-where";

export type RelatedOrganization = { slug: string; name: string; type: OrganizationType; dealsAsInvestor: number; dealsAsRecipient: number };

export type OrganizationProfile = RelatedOrganization & {
  country: string | null;
  website: string | null;
  aliases: string[];
  /** The company a unit or venture arm belongs to (AWS -> Amazon); its figures are its own, never merged. */
  parent: RelatedOrganization | null;
  children: RelatedOrganization[];
};

const relatedSelect = { slug: true, name: true, type: true, deletedAt: true, ...dealCountsSelect } as const;

function toRelated(o: { slug: string; name: string; type: string; _count: { participations: number; received: number } }): RelatedOrganization {
  return { slug: o.slug, name: o.name, type: o.type as OrganizationType, dealsAsInvestor: o._count.participations, dealsAsRecipient: o._count.received };
}

/** Null when no live organization has this slug. Cached per request: a page and its metadata share one query. */
export const getOrganizationProfile = cache(async (slug: string): Promise<OrganizationProfile | null> => {
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
  return {
    ...toRelated(org),
    country: org.country,
    website: org.website,
    aliases: org.aliases.map((a) => a.alias),
    parent: org.parent && org.parent.deletedAt === null ? toRelated(org.parent) : null,
    children: org.children.map(toRelated),
  };
});
