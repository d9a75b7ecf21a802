// The site search: organizations by name or alias (tolerant of spacing and typos, lib/organizations/name-match.ts),
// then deals. Shared by the header's suggestions, /search and GET /api/search.
import "server-only";
import { getDb } from "../db";
import type { AmountQualifier, DealKind, DealStatus } from "../domain";
import { dealTitle } from "../deals/deal-title";
import { DEFAULT_DEAL_FILTERS } from "../filters/deal-filters";
import { DEFAULT_SEARCH_LIMIT } from "../filters/search-query";
import type { DirectoryMatch } from "../organizations/directory";
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
  return searchWith(await getDb(), (await getSearchDirectory()).suggest(q, limit), q, limit);
}

/** The same search on a given database handle, its directory built afresh (tests on both databases). */
export async function searchDatabase(db: PrismaClient, q: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<SearchResults> {
  return searchWith(db, (await loadSearchDirectory(db)).suggest(q, limit), q, limit);
}

/**
 * From how many deals an organization's newest are read by walking every deal newest first (the list's date index)
 * and checking each one's parties, rather than gathering its own deals through its indexes and sorting them. At
 * 100,000 synthetic deals the second took 75-440 ms for the busiest organizations (13,000-25,000 deals to sort), the
 * first 0.1 ms for them but 80-140 ms for an organization of a few hundred, whose six newest lie far apart.
 */
const BUSY_ORGANIZATION_DEALS = 500;

/**
 * The deals: the newest of the best-matched organization (received or joined), since a name typed with a typo or as
 * an alias appears in no deal's text; when no organization matches, the newest whose search text contains q, as the
 * /deals search reads it (dealFilterCondition). Either is read as every list is (listDealSummaries). Reading one
 * organization's deals is two index lookups, so a suggestion never scans the search text at scale.
 */
async function searchWith(db: PrismaClient, matches: DirectoryMatch[], q: string, limit: number): Promise<SearchResults> {
  const reads = readsOf(db);
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
  const eb = onDeal;
  const condition = best
    ? eb.or([
        eb("d.recipientId", "=", best.id),
        best.dealsAsInvestor + best.dealsAsRecipient >= BUSY_ORGANIZATION_DEALS
          ? eb.exists(
              eb.selectFrom("Participation as p").whereRef("p.dealId", "=", "d.id").where("p.organizationId", "=", best.id).select("p.id"),
            )
          : eb("d.id", "in", eb.selectFrom("Participation as p").where("p.organizationId", "=", best.id).select("p.dealId")),
      ])
    : dealFilterCondition({ ...DEFAULT_DEAL_FILTERS, q: text }, reads);
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
