// The deals a deal page points to next: the recipient's other deals, and other deals of the same investors.
import "server-only";
import { getDb } from "../db";
import { dealSummarySelect, toDealSummary, type DealSummary } from "./deals";

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
  const orgs = await db.organization.findMany({ where: { slug: { in: [deal.recipientSlug, ...deal.investorSlugs] } }, select: { id: true, slug: true } });
  const recipientId = orgs.find((o) => o.slug === deal.recipientSlug)?.id ?? -1;
  const investorIds = orgs.filter((o) => deal.investorSlugs.includes(o.slug)).map((o) => o.id);
  const sameRecipientWhere = { deletedAt: null, id: { not: deal.id }, recipientId };
  // Left out when the recipient is the same, so that no deal is listed twice on one page.
  const sharedWhere = {
    deletedAt: null,
    id: { not: deal.id },
    recipientId: { not: recipientId },
    participations: { some: { organizationId: { in: investorIds } } },
  };
  const [recipientRows, recipientTotal, sharedRows, sharedTotal] = await Promise.all([
    db.deal.findMany({ where: sameRecipientWhere, orderBy: newestFirst, take: LIMIT, select: dealSummarySelect }),
    db.deal.count({ where: sameRecipientWhere }),
    investorIds.length > 0 ? db.deal.findMany({ where: sharedWhere, orderBy: newestFirst, take: LIMIT, select: dealSummarySelect }) : [],
    investorIds.length > 0 ? db.deal.count({ where: sharedWhere }) : 0,
  ]);
  return {
    sameRecipient: { deals: recipientRows.map(toDealSummary), total: recipientTotal },
    sharedInvestors: { deals: sharedRows.map(toDealSummary), total: sharedTotal },
  };
}
