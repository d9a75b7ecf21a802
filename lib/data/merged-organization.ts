// Where a merged organization's slug leads: the organization it was merged into (lib/organizations/merge-organizations.ts),
// followed through later merges, so that old links to its pages keep working.
import "server-only";
import { permanentRedirect } from "next/navigation";
import type { PrismaClient } from "../generated/prisma/client";
import { getDb } from "../db";
import { readsOf } from "./kysely";

/**
 * True when a live organization has this slug: one lookup by the unique slug, so that the proxy can ask it before
 * serving the organization's page cached per data version.
 */
export async function isLiveOrganization(db: PrismaClient, slug: string): Promise<boolean> {
  const row = await readsOf(db)
    .selectFrom("Organization")
    .where("slug", "=", slug)
    .where("deletedAt", "is", null)
    .select("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** The slug of the live organization this slug's organization was merged into, or null when it was not merged. */
export async function mergedIntoSlug(slug: string): Promise<string | null> {
  const db = await getDb();
  let org = await db.organization.findUnique({ where: { slug }, select: { mergedIntoId: true, deletedAt: true, slug: true } });
  // A chain of merges is short; the bound only guards against a loop written by hand in the database.
  for (let depth = 0; org?.mergedIntoId != null && depth < 20; depth++) {
    org = await db.organization.findUnique({
      where: { id: org.mergedIntoId },
      select: { mergedIntoId: true, deletedAt: true, slug: true },
    });
    if (org && org.deletedAt === null) return org.slug;
  }
  return null;
}

/**
 * On an organization page whose slug names no live organization: a permanent redirect to the organization it was
 * merged into, with the same query, when it was merged; otherwise nothing (the page answers 404).
 */
export async function redirectIfMerged(
  section: "investors" | "companies",
  slug: string,
  search: Record<string, string | string[] | undefined>,
): Promise<void> {
  const target = await mergedIntoSlug(slug);
  if (target === null) return;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) for (const v of [value ?? []].flat()) query.append(key, v);
  const rest = query.toString();
  permanentRedirect(`/${section}/${target}${rest ? `?${rest}` : ""}`);
}
