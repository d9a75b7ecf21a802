// The deals a deal page points to next: the recipient's other deals, and other deals of the same investors.
import "server-only";
import { getDb } from "../db";
import { listNewestDealSummaries, type DealSummary } from "./deals";
import { onDeal } from "./raw/overview-figures";

export type RelatedDeals = {
  sameRecipient: { deals: DealSummary[]; total: number };
  /** Deals with another recipient that share at least one named investor with this deal. */
  sharedInvestors: { deals: DealSummary[]; total: number };
};

const LIMIT = 8;

export async function getRelatedDeals(deal: { id: number; recipientSlug: string; investorSlugs: string[] }): Promise<RelatedDeals> {
  const db = await getDb();
  // By id, not by slug: a slug inside the relation filter made SQLite look the organization up again for every deal it
  // checked (most of a second per deal page at 100,000 deals).
  const orgs = await db.organization.findMany({
    where: { slug: { in: [deal.recipientSlug, ...deal.investorSlugs] } },
    select: { id: true, slug: true },
  });
  const recipientId = orgs.find((o) => o.slug === deal.recipientSlug)?.id ?? -1;
  const investorIds = orgs.filter((o) => deal.investorSlugs.includes(o.slug)).map((o) => o.id);
  const others = onDeal("d.id", "<>", deal.id);
  // The shared investors' deals are read from their participations (one index range each) and then by primary key;
  // the same recipient's are listed apart, so no deal is listed twice.
  const sharedInvestors = onDeal.and([
    others,
    onDeal("d.recipientId", "<>", recipientId),
    onDeal("d.id", "in", onDeal.selectFrom("Participation as p").where("p.organizationId", "in", investorIds).select("p.dealId")),
  ]);
  const [sameRecipient, shared] = await Promise.all([
    listNewestDealSummaries(db, onDeal.and([onDeal("d.recipientId", "=", recipientId), others]), null, LIMIT),
    investorIds.length > 0 ? listNewestDealSummaries(db, sharedInvestors, null, LIMIT) : { deals: [], total: 0 },
  ]);
  return { sameRecipient, sharedInvestors: shared };
}
