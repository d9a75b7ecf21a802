// The pieces every organization read shares: the search as one Prisma `where` (rankings, /api/organizations), the
// counts of an organization's live deals on each side (profiles, the search's directory, /api/organizations), and the
// names of the organizations a figure names (concentration's leaders, circular flows' legs).
import type { Prisma } from "../generated/prisma/client";
import { countSum, type Reads } from "./kysely";
import { containsText } from "./text-search";
import { idChunks } from "./deals";
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

export type DealCounts = { dealsAsInvestor: number; dealsAsRecipient: number };

/**
 * How many live deals each organization is in as an investor (its kept totals, InvestorTotalCell: its parts per kind
 * and status, one part per investor and live deal, a deal names an investor once) and as the recipient (its kept
 * totals, RecipientTotalCell: its live deals per kind and status), by id: of `ids`, or of every organization with
 * null. Two reads of two keys' prefixes: counting through Participation joined to Deal walked every deal Microsoft is
 * in, 243 ms at a million deals, 8-30 ms by its parts' key (InvestorPart), a few dozen rows of totals so; every
 * recipient's deals counted from the Deal table took 520 ms there, the search's directory's first build.
 */
export async function organizationDealCounts(reads: Reads, ids: readonly number[] | null): Promise<Map<number, DealCounts>> {
  if (ids?.length === 0) return new Map();
  let joined = reads
    .selectFrom("InvestorTotalCell as p")
    .groupBy("p.organizationId")
    .select((eb) => ["p.organizationId as id", countSum(eb.ref("p.parts")).as("deals")]);
  let received = reads
    .selectFrom("RecipientTotalCell as c")
    .groupBy("c.recipientId")
    .select((eb) => ["c.recipientId as id", countSum(eb.ref("c.deals")).as("deals")]);
  if (ids) {
    joined = joined.where("p.organizationId", "in", [...ids]);
    received = received.where("c.recipientId", "in", [...ids]);
  }
  const [asInvestor, asRecipient] = await Promise.all([joined.execute(), received.execute()]);
  const counts = new Map<number, DealCounts>();
  const of = (id: number) => {
    const found = counts.get(id) ?? { dealsAsInvestor: 0, dealsAsRecipient: 0 };
    counts.set(id, found);
    return found;
  };
  for (const r of asInvestor) of(r.id).dealsAsInvestor = r.deals ?? 0;
  for (const r of asRecipient) of(r.id).dealsAsRecipient = r.deals ?? 0;
  return counts;
}

/**
 * The slugs and names of these organizations by id (a deleted organization's too), read in chunks a statement can
 * bind: the figures that name a few of many organizations read those only (every organization's took 44 ms at a
 * million deals).
 */
export async function organizationNames(reads: Reads, ids: Iterable<number>): Promise<Map<number, { slug: string; name: string }>> {
  const names = new Map<number, { slug: string; name: string }>();
  for (const chunk of idChunks([...new Set(ids)])) {
    for (const o of await reads.selectFrom("Organization").where("id", "in", chunk).select(["id", "slug", "name"]).execute())
      names.set(o.id, { slug: o.slug, name: o.name });
  }
  return names;
}
