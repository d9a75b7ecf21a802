// New organizations met in an import or created by an editor: a unique slug derived from the name, and a revision.
import type { Prisma } from "../generated/prisma/client";
import { aliasKey, type OrganizationType } from "../domain";
import { insertRows, insertRowsReturningIds } from "../insert-rows";
import { recordRevisions } from "../revisions";

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
  return (await uniqueSlugs(tx, [name]))[0];
}

/**
 * A free slug for each name, distinct from each other: the plain slugs are looked up in one query per 500, and only a
 * name whose plain slug is taken tries `-2`, `-3`… one at a time.
 */
export async function uniqueSlugs(tx: Prisma.TransactionClient, names: readonly string[]): Promise<string[]> {
  const bases = names.map(slugify);
  const taken = new Set<string>();
  const distinct = [...new Set(bases)];
  for (let start = 0; start < distinct.length; start += 500) {
    const found = await tx.organization.findMany({ where: { slug: { in: distinct.slice(start, start + 500) } }, select: { slug: true } });
    for (const { slug } of found) taken.add(slug);
  }
  const chosen: string[] = [];
  for (const base of bases) {
    let slug = base;
    for (let n = 2; taken.has(slug) || (n > 2 && (await tx.organization.findUnique({ where: { slug }, select: { id: true } }))); n++) {
      taken.add(slug);
      slug = `${base}-${n}`;
    }
    taken.add(slug);
    chosen.push(slug);
  }
  return chosen;
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
  return (await createOrganizations(tx, [input], actor, action))[0];
}

/** Creates organizations with their aliases and revisions in multi-row statements; returns them in the order given. */
export async function createOrganizations(
  tx: Prisma.TransactionClient,
  inputs: readonly OrganizationInput[],
  actor: string,
  action: "create" | "import" = "create",
): Promise<{ id: number; slug: string; name: string }[]> {
  const unnamed = inputs.filter((input) => input.slug === undefined);
  const generated = await uniqueSlugs(
    tx,
    unnamed.map((input) => input.name),
  );
  const slugs: string[] = [];
  for (let i = 0, g = 0; i < inputs.length; i++) slugs.push(inputs[i].slug ?? generated[g++]);
  const now = new Date();
  const ids = await insertRowsReturningIds(
    tx,
    "Organization",
    inputs.map((input, i) => ({
      slug: slugs[i],
      name: input.name,
      type: input.type,
      country: input.country,
      website: input.website,
      parentId: input.parentId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const orgs = inputs.map((input, i) => ({ id: ids[i], slug: slugs[i], name: input.name }));
  await insertRows(
    tx,
    "OrganizationAlias",
    inputs.flatMap((input, i) => input.aliases.map((alias) => ({ organizationId: ids[i], alias, key: aliasKey(alias) }))),
  );
  await recordRevisions(
    tx,
    inputs.map((input, i) => ({
      entityType: "organization",
      entityId: orgs[i].id,
      action,
      actor,
      before: null,
      after: { ...input, slug: slugs[i] },
    })),
  );
  return orgs;
}
