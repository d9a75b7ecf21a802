// The site search: organizations by name or alias (tolerant of spacing and typos, lib/organizations/name-match.ts),
// then deals. Shared by the header's suggestions, /search and GET /api/search.
import "server-only";
import { getDb } from "../db";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import { dealTitle } from "../deals/deal-title";
import { DEFAULT_DEAL_FILTERS } from "../filters/deal-filters";
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from "../filters/search-query";
import type { DirectoryMatch, OrganizationDirectory } from "../organizations/directory";
import type { PrismaClient } from "../generated/prisma/client";
import { organizationHref } from "../organizations/organization-href";
import { listDealSummaries, type DealSummary } from "./deals";
import { dealFilterCondition } from "./deal-where";
import { readsOf } from "./kysely";
import { getSearchDirectory, loadSearchDirectory } from "./organization-directory";
import { onDeal } from "./raw/overview-figures";
import { cachedView, viewKey } from "./view-cache";

export type SearchDeal = {
  id: number;
  title: string;
  announcedOn: string;
  kind: DealKind;
  status: DealStatus;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier;
  recipient: { slug: string; name: string };
};
/** An organization found, linked to its company page or its investor page, whichever has its deals. */
export type SearchOrganization = Pick<DirectoryMatch, "id" | "slug" | "name" | "type" | "matched"> & { href: string };
export type SearchResults = { organizations: SearchOrganization[]; deals: SearchDeal[] };

/** What the site search finds for q, at most `limit` organizations and `limit` deals. */
export async function searchSite(q: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<SearchResults> {
  const db = await getDb();
  return searchWith(db, await getSearchDirectory(), q, limit, (id) =>
    cachedView(viewKey("organization-newest-deals", id), () => newestDealsOf(db, id)),
  );
}

/** The same search on a given database handle, its directory built afresh (tests on both databases). */
export async function searchDatabase(db: PrismaClient, q: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<SearchResults> {
  return searchWith(db, await loadSearchDirectory(db), q, limit, (id) => newestDealsOf(db, id));
}

/**
 * An organization's newest live deals, received or joined, as many as the largest search lists, in the lists' date
 * order (listDealSummaries). The site search keeps them per organization and data version, so that they are read
 * once per organization (2-30 ms at a million deals), not on every letter typed.
 */
async function newestDealsOf(db: PrismaClient, organizationId: number): Promise<DealSummary[]> {
  const reads = readsOf(db);
  // The newest received (the recipient's date index) and the newest joined (its kept parts, which carry the deal's
  // date), each cut to the limit before they are merged: a large investor's deals are not all sorted. Microsoft's
  // newest at a million deals took 158 ms warm and 1.6 s cold through the list of all its deal ids, 20 and 30 ms so.
  const [received, joined] = await Promise.all([
    reads
      .selectFrom("Deal as d")
      .where("d.recipientId", "=", organizationId)
      .where("d.deletedAt", "is", null)
      .select(["d.id", "d.announcedOn"])
      .orderBy("d.announcedOn", "desc")
      .orderBy("d.id", "desc")
      .limit(MAX_SEARCH_LIMIT)
      .execute(),
    reads
      .selectFrom("InvestorPart as p")
      .where("p.organizationId", "=", organizationId)
      .select(["p.dealId as id", "p.announcedOn"])
      .orderBy("p.announcedOn", "desc")
      .orderBy("p.dealId", "desc")
      .limit(MAX_SEARCH_LIMIT)
      .execute(),
  ]);
  const ids = [...new Set([...received, ...joined].map((d) => d.id))];
  return ids.length === 0 ? [] : listDealSummaries(db, onDeal("d.id", "in", ids), null, MAX_SEARCH_LIMIT);
}

/**
 * The deals: the newest of the best-matched organization (received or joined), since a name typed with a typo or as
 * an alias appears in no deal's text; when no organization matches, the newest whose search text contains q, as the
 * /deals search reads it (dealFilterCondition). Either is read as every list is (listDealSummaries).
 */
async function searchWith(
  db: PrismaClient,
  directory: OrganizationDirectory,
  q: string,
  limit: number,
  newestOf: (organizationId: number) => Promise<DealSummary[]>,
): Promise<SearchResults> {
  const matches = directory.suggest(q, limit);
  const organizations = matches.map((m) => ({
    id: m.id,
    slug: m.slug,
    name: m.name,
    type: m.type,
    matched: m.matched,
    href: organizationHref(m, m.type === "ai_lab" || m.type === "corporate" ? "company" : "investor", null),
  }));
  const best = matches[0];
  const text = q.trim();
  if (!best && text === "") return { organizations, deals: [] };
  const deals = best
    ? (await newestOf(best.id)).slice(0, limit)
    : await listDealSummaries(db, dealFilterCondition({ ...DEFAULT_DEAL_FILTERS, q: text }, readsOf(db)), null, limit);
  return {
    organizations,
    deals: deals.map((d) => ({
      id: d.id,
      title: dealTitle({ recipientName: d.recipient.name, round: d.round, kind: d.kind }),
      announcedOn: d.announcedOn,
      kind: d.kind,
      status: d.status,
      amountUsdLow: d.amountUsdLow,
      amountUsdHigh: d.amountUsdHigh,
      amountQualifier: d.amountQualifier,
      recipient: d.recipient,
    })),
  };
}
