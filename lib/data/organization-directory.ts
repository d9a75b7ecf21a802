// Every organization's name and parent, for the measures that follow the parent relation (exclusion, circular flows).
import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { OrganizationDirectory } from "../measures/organization-groups";

export async function loadOrganizationDirectory(db: PrismaClient): Promise<OrganizationDirectory> {
  const organizations = await db.organization.findMany({
    where: { deletedAt: null },
    select: { slug: true, name: true, parent: { select: { slug: true } } },
  });
  return new Map(organizations.map((o) => [o.slug, { name: o.name, parentKey: o.parent?.slug ?? null }]));
}
