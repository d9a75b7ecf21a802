// Everything /companies/[slug] shows: the deals an organization received, its funding rounds and who funded it, and
// the commitments it made itself.
import "server-only";
import { getDb } from "../db";
import { cachedView, viewKey } from "./view-cache";
import type { DealKind } from "../domain";
import { CAPITAL_KINDS, capitalCounted, countedAmount, isCounted, type CapitalSummary } from "../measures/capital";
import { fundingRoundsByDate, type FundingRoundPoint } from "../measures/funding-rounds";
import { investorSharesOfRecipient, type InvestorShare } from "../measures/funding-shares";
import { findDealSummaryRows, toDealSummary, type DealSummary } from "./deals";
import { loadMeasureDeals } from "./measure-deals";
import { getOrganizationProfile, type OrganizationProfile } from "./organization-profile";

/**
 * Purchases of compute, cloud and chips. In the data the buyer is the "investor" and the seller the recipient (OpenAI
 * -> Oracle), so these are the deals where the company is on the paying side of a commitment, not capital it received.
 */
export const COMMITMENT_KINDS: readonly DealKind[] = ["compute_commitment", "cloud_credits", "chip_supply"];

export type RoundDeal = DealSummary & {
  /** The amount counted as capital; null when the deal does not count (pipeline or terminated). */
  counted: bigint | null;
};

export type CompanyView = {
  profile: OrganizationProfile;
  funding: CapitalSummary;
  /** Counted rounds per date, oldest first: the chart. */
  rounds: FundingRoundPoint[];
  /** Every equity and convertible deal received, counted or not, oldest first: the rounds table. */
  roundDeals: RoundDeal[];
  latestValuation: { date: string; amount: bigint } | null;
  investors: InvestorShare[];
  /** Newest first. */
  commitmentsMade: DealSummary[];
  /** Every deal received, newest first. */
  timeline: DealSummary[];
};

export function getCompany(slug: string): Promise<CompanyView | null> {
  return cachedView(viewKey("company", slug), () => computeCompany(slug));
}

async function computeCompany(slug: string): Promise<CompanyView | null> {
  const profile = await getOrganizationProfile(slug);
  if (!profile) return null;
  const db = await getDb();
  const newestFirst = [{ announcedOn: "desc" as const }, { id: "desc" as const }];
  const [received, measured, commitments] = await Promise.all([
    findDealSummaryRows(db, { where: { deletedAt: null, recipient: { slug } }, orderBy: newestFirst }),
    loadMeasureDeals(db, { recipient: { slug } }),
    findDealSummaryRows(db, {
      where: { deletedAt: null, kind: { in: [...COMMITMENT_KINDS] }, participations: { some: { organization: { slug } } } },
      orderBy: newestFirst,
    }),
  ]);
  const timeline = received.map(toDealSummary);
  const rounds = fundingRoundsByDate(timeline);
  const lastValued = rounds.findLast((r) => r.postMoneyValuation !== null);
  return {
    profile,
    funding: capitalCounted(measured),
    rounds,
    roundDeals: timeline
      .filter((d) => CAPITAL_KINDS.includes(d.kind))
      .reverse()
      .map((d) => ({ ...d, counted: isCounted(d) ? countedAmount(d).amount : null })),
    latestValuation: lastValued ? { date: lastValued.date, amount: lastValued.postMoneyValuation as bigint } : null,
    investors: investorSharesOfRecipient(measured, slug),
    commitmentsMade: commitments.map(toDealSummary),
    timeline,
  };
}
