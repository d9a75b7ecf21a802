// The deals a deal page points to next: the recipient's other deals, and other deals of the same investors.
import "server-only";
import { getDb } from "../db";
import { dealSummarySelect, toDealSummary, type DealSummary } from "./deals";
import { countAll, readsOf } from "./kysely";

export type RelatedDeals = {
  sameRecipient: { deals: DealSummary[]; total: number };
  /** Deals with another recipient that share at least one named investor with this deal. */
  sharedInvestors: { deals: DealSummary[]; total: number };
};

const LIMIT = 8;

export async function getRelatedDeals(deal: { id: number; recipientSlug: string; investorSlugs: string[] }): Promise<RelatedDeals> {
  const db = await getDb();
  const newestFirst = [{ announcedOn: "desc" as const }, { id: "desc" as const }];
  // By id, not by slug: a slug inside the relation filter made SQLite look the organization up again for every deal it
  // checked (most of a second per deal page at 100,000 deals).
  const orgs = await db.organization.findMany({
    where: { slug: { in: [deal.recipientSlug, ...deal.investorSlugs] } },
    select: { id: true, slug: true },
  });
  const recipientId = orgs.find((o) => o.slug === deal.recipientSlug)?.id ?? -1;
  const investorIds = orgs.filter((o) => deal.investorSlugs.includes(o.slug)).map((o) => o.id);
  const sameRecipientWhere = { deletedAt: null, id: { not: deal.id }, recipientId };
  const [recipientRows, recipientTotal, shared] = await Promise.all([
    db.deal.findMany({ where: sameRecipientWhere, orderBy: newestFirst, take: LIMIT, select: dealSummarySelect }),
    db.deal.count({ where: sameRecipientWhere }),
    investorIds.length > 0 ? sharedInvestorDeals(db, deal.id, recipientId, investorIds) : { ids: [], total: 0 },
  ]);
  const sharedRows = shared.ids.length > 0 ? await db.deal.findMany({ where: { id: { in: shared.ids } }, select: dealSummarySelect }) : [];
  const byId = new Map(sharedRows.map((row) => [row.id, row]));
  return {
    sameRecipient: { deals: recipientRows.map(toDealSummary), total: recipientTotal },
    sharedInvestors: { deals: shared.ids.flatMap((id) => byId.get(id) ?? []).map(toDealSummary), total: shared.total },
  };
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
