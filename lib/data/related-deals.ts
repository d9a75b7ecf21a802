// The deals a deal page points to next: the recipient's other deals, and other deals of the same investors.
import "server-only";
import { getDb } from "../db";
import { listDealSummaries, listNewestDealSummaries, type DealSummary } from "./deals";
import { onDeal } from "./raw/overview-figures";
import { countAll, readsOf } from "./kysely";

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
  const [sameRecipient, shared] = await Promise.all([
    listNewestDealSummaries(db, onDeal.and([onDeal("d.recipientId", "=", recipientId), onDeal("d.id", "<>", deal.id)]), null, LIMIT),
    investorIds.length > 0 ? sharedInvestorDeals(db, deal.id, recipientId, investorIds) : { ids: [], total: 0 },
  ]);
  // The ids are the newest first, the order listDealSummaries reads them in.
  const sharedDeals = shared.ids.length > 0 ? await listDealSummaries(db, onDeal("d.id", "in", shared.ids), null) : [];
  return { sameRecipient, sharedInvestors: { deals: sharedDeals, total: shared.total } };
}

/**
 * The newest deals with another recipient (the same recipient's are listed apart, so no deal is listed twice) that
 * share an investor, and how many there are: read from those investors' participations (one index range each) and
 * their deals by primary key. Through Prisma the same question was an EXISTS checked for every deal in the database,
 * and a large investor's count took seconds at 100,000 deals.
 */
async function sharedInvestorDeals(
  db: Awaited<ReturnType<typeof getDb>>,
  dealId: number,
  recipientId: number,
  investorIds: number[],
): Promise<{ ids: number[]; total: number }> {
  const reads = readsOf(db);
  const from = reads
    .selectFrom("Deal as d")
    .where("d.id", "in", (eb) => eb.selectFrom("Participation as p").where("p.organizationId", "in", investorIds).select("p.dealId"))
    .where("d.deletedAt", "is", null)
    .where("d.id", "<>", dealId)
    .where("d.recipientId", "<>", recipientId);
  const [newest, count] = await Promise.all([
    from.select("d.id").orderBy("d.announcedOn", "desc").orderBy("d.id", "desc").limit(LIMIT).execute(),
    from.select(countAll().as("n")).executeTakeFirst(),
  ]);
  return { ids: newest.map((r) => r.id), total: count?.n ?? 0 };
}
