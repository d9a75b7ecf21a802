// The deals a deal page points to next: the recipient's other deals, and other deals of the same investors.
import "server-only";
import { getDb } from "../db";
import { DEFAULT_DEAL_FILTERS } from "../filters/deal-filters";
import { countDeals, listDealSummaries, type DealSummary } from "./deals";
import { investorPartsByDate } from "./investor-parts";
import { organizationDealCounts } from "./organization-where";
import { countAll, readsOf, type Reads } from "./kysely";
import { onDeal } from "./raw/overview-figures";
import { cachedView, viewKey } from "./view-cache";

export type RelatedDeals = {
  sameRecipient: { deals: DealSummary[]; total: number };
  /** Deals with another recipient that share at least one named investor with this deal. */
  sharedInvestors: { deals: DealSummary[]; total: number };
};

const LIMIT = 8;

/**
 * Cached per data version and deal: the same whatever the page's date (a deal page as of a date before the deal was
 * reported shows today's), and a deal page is rendered per request whenever its address has a query.
 */
export function getRelatedDeals(deal: { id: number; recipientSlug: string; investorSlugs: string[] }): Promise<RelatedDeals> {
  return cachedView(viewKey("related-deals", deal), () => computeRelatedDeals(deal));
}

async function computeRelatedDeals(deal: { id: number; recipientSlug: string; investorSlugs: string[] }): Promise<RelatedDeals> {
  const db = await getDb();
  const reads = readsOf(db);
  // By id, not by slug: a slug inside the relation filter made SQLite look the organization up again for every deal it
  // checked (most of a second per deal page at 100,000 deals).
  const orgs = await reads
    .selectFrom("Organization as o")
    .where("o.slug", "in", [deal.recipientSlug, ...deal.investorSlugs])
    .select(["o.id", "o.slug"])
    .execute();
  const recipientId = orgs.find((o) => o.slug === deal.recipientSlug)?.id ?? -1;
  const investorIds = orgs.filter((o) => deal.investorSlugs.includes(o.slug)).map((o) => o.id);
  const [sameRecipient, shared] = await Promise.all([
    sameRecipientDeals(deal.recipientSlug, recipientId, deal.id),
    investorIds.length > 0 ? sharedInvestorDeals(reads, recipientId, investorIds) : { deals: [], total: 0 },
  ]);
  return { sameRecipient, sharedInvestors: shared };
}

/**
 * The recipient's other live deals, newest first, and how many there are. The count is the recipient's /deals count
 * (countDeals: from the market's cells, read once per data version and shared by every page of the recipient) less
 * the deal itself, which is live (getDeal reads live deals only); the newest come from the recipient's index. Counted
 * beside the rows (COUNT(*) OVER), every one of a large recipient's deals was sorted for the newest LIMIT (60 ms for
 * one of 14,000 deals at 100,000; the newest alone take well under one).
 */
async function sameRecipientDeals(
  recipientSlug: string,
  recipientId: number,
  dealId: number,
): Promise<{ deals: DealSummary[]; total: number }> {
  const others = onDeal.and([onDeal("d.recipientId", "=", recipientId), onDeal("d.id", "<>", dealId), onDeal("d.deletedAt", "is", null)]);
  const total = Math.max(0, (await countDeals({ ...DEFAULT_DEAL_FILTERS, recipient: recipientSlug })) - 1);
  return { deals: total === 0 ? [] : await listDealSummaries(await getDb(), others, null, LIMIT), total };
}

/**
 * The live deals of another recipient than `recipientId` (the deal's own, so the deal itself is left out too) with at
 * least one of the investors, newest first, and how many there are, from the investors' parts the writers keep
 * (InvestorPart: one row per named investor and live deal, with the deal's date and recipient), without reading a
 * deal. A large investor has tens of thousands of deals: reading each from the Deal table to count and sort them was
 * most of a deal page (50-200 ms at 100,000 deals).
 * - The count reads the parts' keys from an index alone (counting the participations less the deleted deals and the
 *   recipient's own took a median 31 ms at a million deals, up to 309). Each deal is counted once: each investor's
 *   parts with no part of an investor counted before it, the investors largest first (by their kept totals), so that
 *   the smaller ones' parts are the ones looked up by key. Reading all of their parts and keeping the distinct deals
 *   took 47 ms for the investors of a random deal at a million deals on average, against 24 (raw SQL, 100 deals).
 * - The newest are each investor's newest LIMIT parts, walked in the order of the index on (investor, date, deal):
 *   the newest LIMIT deals of all are among them (a deal among the newest LIMIT of all has fewer than LIMIT newer
 *   deals of any of its investors). When they were picked from the newest deals of the market, sorting all of the
 *   investors' deals where those held too few, a random deal's page spent 38 ms here on average at 210,000 deals, 12
 *   so.
 */
async function sharedInvestorDeals(
  reads: Reads,
  recipientId: number,
  investorIds: number[],
): Promise<{ deals: DealSummary[]; total: number }> {
  const sizes = await organizationDealCounts(reads, investorIds);
  const largestFirst = [...investorIds].sort((a, b) => (sizes.get(b)?.dealsAsInvestor ?? 0) - (sizes.get(a)?.dealsAsInvestor ?? 0));
  const counts = await Promise.all(
    largestFirst.map((investorId, i) =>
      reads
        .selectFrom("InvestorPart as p")
        .where("p.organizationId", "=", investorId)
        .where("p.recipientId", "<>", recipientId)
        .$if(i > 0, (parts) =>
          parts.where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("InvestorPart as q")
                  .where("q.organizationId", "in", largestFirst.slice(0, i))
                  .whereRef("q.dealId", "=", "p.dealId")
                  .select("q.dealId"),
              ),
            ),
          ),
        )
        .select(countAll().as("n"))
        .executeTakeFirstOrThrow(),
    ),
  );
  const total = counts.reduce((sum, { n }) => sum + n, 0);
  if (total === 0) return { deals: [], total: 0 };
  const newestOfEach = await Promise.all(
    investorIds.map((investorId) =>
      investorPartsByDate(reads, investorId)
        .where("p.recipientId", "<>", recipientId)
        .orderBy("p.announcedOn", "desc")
        .orderBy("p.dealId", "desc")
        .limit(LIMIT)
        .select("p.dealId")
        .execute(),
    ),
  );
  const candidates = [...new Set(newestOfEach.flat().map((p) => p.dealId))];
  // The candidates' summaries come newest first; the newest LIMIT of them are the answer.
  const deals = await listDealSummaries(await getDb(), onDeal("d.id", "in", candidates), null, LIMIT);
  return { deals, total };
}
