// Every organization's name and parent, for the measures that follow the parent relation (exclusion, circular flows),
// and the names and aliases the search matches.
import "server-only";
import { getDb } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import type { OrganizationDirectory } from "../measures/organization-groups";
import { buildDirectory, type OrganizationDirectory as SearchDirectory } from "../organizations/directory";
import { countAll, readsOf } from "./kysely";
import { cachedView } from "./view-cache";

export async function loadOrganizationDirectory(db: PrismaClient): Promise<OrganizationDirectory> {
  const organizations = await db.organization.findMany({
    where: { deletedAt: null },
    select: { slug: true, name: true, parent: { select: { slug: true } } },
  });
  return new Map(organizations.map((o) => [o.slug, { name: o.name, parentKey: o.parent?.slug ?? null }]));
}

/**
 * The alias directory of every live organization with its deal count, the index the search box, `/api/search` and the
 * filters' names are matched against: built once per data version (cachedView) and kept in memory, so that a
 * suggestion is a scan of a few thousand prepared names in the process, the same on SQLite and PostgreSQL.
 */
export async function getSearchDirectory(): Promise<SearchDirectory> {
  return cachedView("organization-search-directory", async () => loadSearchDirectory(await getDb()));
}

export async function loadSearchDirectory(db: PrismaClient): Promise<SearchDirectory> {
  const reads = readsOf(db);
  const [organizations, aliases, received, joined] = await Promise.all([
    reads.selectFrom("Organization as o").where("o.deletedAt", "is", null).select(["o.id", "o.slug", "o.name", "o.type"]).execute(),
    reads.selectFrom("OrganizationAlias as a").select(["a.organizationId", "a.alias"]).execute(),
    reads
      .selectFrom("Deal as d")
      .where("d.deletedAt", "is", null)
      .groupBy("d.recipientId")
      .select(["d.recipientId as id", countAll().as("deals")])
      .execute(),
    reads
      .selectFrom("Participation as p")
      .innerJoin("Deal as d", "d.id", "p.dealId")
      .where("d.deletedAt", "is", null)
      .where("p.organizationId", "is not", null)
      .groupBy("p.organizationId")
      .select(["p.organizationId as id", countAll().as("deals")])
      .execute(),
  ]);
  const aliasesOf = new Map<number, { alias: string }[]>();
  for (const a of aliases) {
    const list = aliasesOf.get(a.organizationId) ?? [];
    list.push({ alias: a.alias });
    aliasesOf.set(a.organizationId, list);
  }
  const countOf = (rows: { id: number | null; deals: number }[]) => new Map(rows.map((r) => [r.id, r.deals]));
  const [asRecipient, asInvestor] = [countOf(received), countOf(joined)];
  return buildDirectory(
    organizations.map((o) => ({
      ...o,
      aliases: aliasesOf.get(o.id) ?? [],
      dealsAsInvestor: asInvestor.get(o.id) ?? 0,
      dealsAsRecipient: asRecipient.get(o.id) ?? 0,
    })),
  );
}
