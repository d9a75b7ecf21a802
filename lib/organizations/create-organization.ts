// New organizations met in an import or created by an editor: a unique slug derived from the name, and a revision.
import type { Prisma } from "../generated/prisma/client";
import { aliasKey, type OrganizationType } from "../domain";
import { recordRevision } from "../revisions";

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return slug || "organization";
}

export async function uniqueSlug(tx: Prisma.TransactionClient, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.organization.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}

export type OrganizationInput = {
  slug?: string;
  name: string;
  type: OrganizationType;
  country: string | null;
  website: string | null;
  parentId: number | null;
  aliases: string[];
};

export async function createOrganization(
  tx: Prisma.TransactionClient,
  input: OrganizationInput,
  actor: string,
  action: "create" | "import" = "create",
) {
  const slug = input.slug ?? (await uniqueSlug(tx, input.name));
  const org = await tx.organization.create({
    data: {
      slug,
      name: input.name,
      type: input.type,
      country: input.country,
      website: input.website,
      parentId: input.parentId,
      aliases: { create: input.aliases.map((alias) => ({ alias, key: aliasKey(alias) })) },
    },
    select: { id: true, slug: true, name: true },
  });
  await recordRevision(tx, { entityType: "organization", entityId: org.id, action, actor, before: null, after: { ...input, slug } });
  return org;
}
