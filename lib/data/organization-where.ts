// The Prisma pieces every organization read shares: the search as one `where` (rankings, /api/organizations) and
// the counts of an organization's live deals on each side (profiles, /api/organizations).
import type { Prisma } from "../generated/prisma/client";
import { containsText } from "./text-search";
import { aliasKey } from "../domain";
import type { OrganizationFilters } from "../filters/organization-filters";

export function organizationWhere(f: OrganizationFilters): Prisma.OrganizationWhereInput {
  const and: Prisma.OrganizationWhereInput[] = [{ deletedAt: null }];
  if (f.type) and.push({ type: f.type });
  if (f.q) {
    // Aliases are stored in their normalised form and slugs are lower case, so these two match whatever the case,
    // on SQLite and PostgreSQL alike; the name itself catches the rest (e.g. "D. E. Shaw").
    and.push({
      OR: [
        { name: containsText(f.q) },
        { slug: { contains: aliasKey(f.q).replace(/[^a-z0-9]+/g, "-") } },
        { aliases: { some: { key: { contains: aliasKey(f.q) } } } },
      ],
    });
  }
  return { AND: and };
}

/** Counts of the live deals an organization is in, as investor and as recipient. */
export const dealCountsSelect = {
  _count: { select: { participations: { where: { deal: { deletedAt: null } } }, received: { where: { deletedAt: null } } } },
} satisfies Prisma.OrganizationSelect;
