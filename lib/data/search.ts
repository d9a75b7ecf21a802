// The site search: organizations by name or alias (tolerant of spacing and typos, lib/organizations/name-match.ts),
// then deals. Shared by the header's suggestions, /search and GET /api/search.
import "server-only";
import { getDb } from "../db";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import { dealTitle } from "../deals/deal-title";
import { DEFAULT_DEAL_FILTERS } from "../filters/deal-filters";
import { DEFAULT_SEARCH_LIMIT } from "../filters/search-query";
import type { DirectoryMatch, OrganizationDirectory } from "../organizations/directory";
import type { PrismaClient } from "../generated/prisma/client";
import { organizationHref } from "../organizations/organization-href";
import { listDealSummaries } from "./deals";
import { dealFilterCondition } from "./deal-where";
import { readsOf } from "./kysely";
import { getSearchDirectory, loadSearchDirectory } from "./organization-directory";
import { onDeal } from "./raw/overview-figures";

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
  return searchWith(await getDb(), await getSearchDirectory(), q, limit);
}

/** The same search on a given database handle, its directory built afresh (tests on both databases). */
export async function searchDatabase(db: PrismaClient, q: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<SearchResults> {
  return searchWith(db, await loadSearchDirectory(db), q, limit);
}

/**
 * The deals: the newest of the best-matched organization (received or joined), since a name typed with a typo or as
 * an alias appears in no deal's text; when no organization matches, the newest whose search text contains q, as the
 * /deals search reads it (dealFilterCondition). Either is read as every list is (listDealSummaries). The best match's
 * newest deal ids are kept in the directory (built once per data version), so its deals are read by primary key.
 */
async function searchWith(db: PrismaClient, directory: OrganizationDirectory, q: string, limit: number): Promise<SearchResults> {
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
  const newest = best ? directory.newestDeals(best.id).slice(0, limit) : [];
  if (best && newest.length === 0) return { organizations, deals: [] };
  const condition = best ? onDeal("d.id", "in", newest) : dealFilterCondition({ ...DEFAULT_DEAL_FILTERS, q: text }, readsOf(db));
  const deals = await listDealSummaries(db, condition, null, limit);
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
