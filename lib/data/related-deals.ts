// The deals a deal page points to next: the recipient's other deals, and other deals of the same investors.
import "server-only";
import { getDb } from "../db";
import { DEFAULT_DEAL_FILTERS } from "../filters/deal-filters";
import { countDeals, listDealSummaries, type DealSummary } from "./deals";
import { dealsAsOf } from "./deal-state";
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
 * How many times more of the newest deals than the share of the investors' deals predicts are read for the newest
 * LIMIT of them, before falling back to sorting all of their deals.
 */
const WINDOW_MARGIN = 4;

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
    sameRecipientDeals(reads, recipientId, deal.id),
    investorIds.length > 0 ? sharedInvestorDeals(reads, recipientId, investorIds) : { deals: [], total: 0 },
  ]);
  return { sameRecipient, sharedInvestors: shared };
}

/**
 * The recipient's other live deals, newest first, and how many there are: both from the recipient's index, the count
 * apart. Counted beside the rows (COUNT(*) OVER), every one of a large recipient's deals was sorted for the newest
 * LIMIT (60 ms for one of 14,000 deals at 100,000; the count alone takes 3 ms and the newest well under one).
 */
async function sameRecipientDeals(reads: Reads, recipientId: number, dealId: number): Promise<{ deals: DealSummary[]; total: number }> {
  const others = onDeal.and([onDeal("d.recipientId", "=", recipientId), onDeal("d.id", "<>", dealId), onDeal("d.deletedAt", "is", null)]);
  const { n } = await dealsAsOf(reads, null).where(others).select(countAll().as("n")).executeTakeFirstOrThrow();
  return { deals: n === 0 ? [] : await listDealSummaries(await getDb(), others, null, LIMIT), total: n };
}

/**
 * The live deals of another recipient than `recipientId` (the deal's own, so the deal itself is left out too) with at
 * least one of the investors, newest first, and how many there are. A large investor has tens of thousands of deals:
 * reading each of them from the Deal table to count and sort them was most of a deal page (50-200 ms at 100,000
 * deals). So the count is taken from the investors' parts the writers keep (InvestorPart: one row per named investor
 * and live deal, with the deal's recipient) by the key's prefix, without reading a deal (counting the participations
 * less the deleted deals and the recipient's own took a median 31 ms at a million deals, up to 309);
 * and the newest are read from the newest deals in the date index, checking each deal's participations by key, as far
 * as the investors' share of all deals says the newest LIMIT lie (WINDOW_MARGIN times further), and only when they are
 * not all there by sorting all of the investors' deals. An investor of a few hundred deals has a window of tens of
 * thousands: its own deals, read and sorted, are fewer.
 */
async function sharedInvestorDeals(
  reads: Reads,
  recipientId: number,
  investorIds: number[],
): Promise<{ deals: DealSummary[]; total: number }> {
  const db = await getDb();
  const ofInvestors = onDeal.selectFrom("Participation as p").where("p.organizationId", "in", investorIds);
  const parts = reads
    .selectFrom("InvestorPart as ip")
    .where("ip.organizationId", "in", investorIds)
    .where("ip.recipientId", "<>", recipientId);
  // One part per investor and deal (its key): with one investor the parts are the deals.
  const { n: total } = await reads
    .selectFrom((investorIds.length === 1 ? parts.select("ip.dealId") : parts.select("ip.dealId").distinct()).as("shared"))
    .select(countAll().as("n"))
    .executeTakeFirstOrThrow();
  if (total === 0) return { deals: [], total: 0 };

  const others = onDeal.and([onDeal("d.deletedAt", "is", null), onDeal("d.recipientId", "<>", recipientId)]);
  const live = await countDeals(DEFAULT_DEAL_FILTERS);
  const window = Math.ceil((WINDOW_MARGIN * LIMIT * live) / total);
  let newest: { id: number }[] = [];
  if (window < Math.min(live, total)) {
    const newestLive = dealsAsOf(reads, null)
      .where("d.deletedAt", "is", null)
      .orderBy("d.announcedOn", "desc")
      .orderBy("d.id", "desc")
      .limit(window)
      .select(["d.id", "d.announcedOn", "d.recipientId"]);
    newest = await reads
      .selectFrom(newestLive.as("d"))
      .where("d.recipientId", "<>", recipientId)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("Participation as p").whereRef("p.dealId", "=", "d.id").where("p.organizationId", "in", investorIds).select("p.id"),
        ),
      )
      .orderBy("d.announcedOn", "desc")
      .orderBy("d.id", "desc")
      .limit(LIMIT)
      .select("d.id")
      .execute();
  }
  if (newest.length < Math.min(LIMIT, total)) {
    newest = await dealsAsOf(reads, null)
      .where(others)
      .where("d.id", "in", ofInvestors.select("p.dealId"))
      .orderBy("d.announcedOn", "desc")
      .orderBy("d.id", "desc")
      .limit(LIMIT)
      .select("d.id")
      .execute();
  }
  const deals = await listDealSummaries(
    db,
    onDeal(
      "d.id",
      "in",
      newest.map((d) => d.id),
    ),
    null,
  );
  return { deals, total };
}
