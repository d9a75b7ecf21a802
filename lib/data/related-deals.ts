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
  const sameRecipientWhere = { deletedAt: null, id: { not: deal.id }, recipient: { slug: deal.recipientSlug } };
  // Left out when the recipient is the same, so that no deal is listed twice on one page.
  const sharedWhere = {
    deletedAt: null,
    id: { not: deal.id },
    recipient: { slug: { not: deal.recipientSlug } },
    participations: { some: { organization: { slug: { in: deal.investorSlugs } } } },
  };
  const [recipientRows, recipientTotal, sharedRows, sharedTotal] = await Promise.all([
    db.deal.findMany({ where: sameRecipientWhere, orderBy: newestFirst, take: LIMIT, select: dealSummarySelect }),
    db.deal.count({ where: sameRecipientWhere }),
    deal.investorSlugs.length > 0 ? db.deal.findMany({ where: sharedWhere, orderBy: newestFirst, take: LIMIT, select: dealSummarySelect }) : [],
    deal.investorSlugs.length > 0 ? db.deal.count({ where: sharedWhere }) : 0,
  ]);
  return {
    sameRecipient: { deals: recipientRows.map(toDealSummary), total: recipientTotal },
    sharedInvestors: { deals: sharedRows.map(toDealSummary), total: sharedTotal },
  };
}
