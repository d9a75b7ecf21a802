// Every organization's name and parent, for the measures that follow the parent relation (exclusion, circular flows),
// and the names and aliases the search matches.
import "server-only";
import { getDb } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import type { OrganizationDirectory } from "../measures/organization-groups";
import { buildDirectory, type OrganizationDirectory as SearchDirectory } from "../organizations/directory";
import { readsOf } from "./kysely";
import { organizationDealCounts } from "./organization-where";
import { cachedView } from "./view-cache";

/**
 * Every live organization by slug with its name and its parent's slug. One Kysely query: Prisma's findMany with the
 * parent took 70-250 ms for 3,314 organizations, paid by every company page and every analysis view computed.
 */
export async function loadOrganizationDirectory(db: PrismaClient): Promise<OrganizationDirectory> {
  const organizations = await readsOf(db)
    .selectFrom("Organization as o")
    .leftJoin("Organization as parent", "parent.id", "o.parentId")
    .where("o.deletedAt", "is", null)
    .select(["o.slug", "o.name", "parent.slug as parentKey"])
    .execute();
  return new Map(organizations.map((o) => [o.slug, { name: o.name, parentKey: o.parentKey }]));
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
  // Each organization's live deals on each side, counted in the database: reading every deal and party to count them
  // in memory took 3.9 s and about 550 MB at a million deals.
  const [organizations, aliases, counts] = await Promise.all([
    reads.selectFrom("Organization as o").where("o.deletedAt", "is", null).select(["o.id", "o.slug", "o.name", "o.type"]).execute(),
    reads.selectFrom("OrganizationAlias as a").select(["a.organizationId", "a.alias"]).execute(),
    organizationDealCounts(reads, null),
  ]);
  const aliasesOf = new Map<number, { alias: string }[]>();
  for (const a of aliases) {
    const list = aliasesOf.get(a.organizationId) ?? [];
    list.push({ alias: a.alias });
    aliasesOf.set(a.organizationId, list);
  }
  return buildDirectory(
    organizations.map((o) => ({
      ...o,
      aliases: aliasesOf.get(o.id) ?? [],
      dealsAsInvestor: counts.get(o.id)?.dealsAsInvestor ?? 0,
      dealsAsRecipient: counts.get(o.id)?.dealsAsRecipient ?? 0,
    })),
  );
}
