// Everything /companies/[slug] shows: the deals an organization received, its funding rounds and who funded it, and
// the commitments it made itself.
import "server-only";
import { getDb } from "../db";
import type { DealKind } from "../domain";
import { CAPITAL_KINDS, capitalCounted, countedAmount, isCounted, type CapitalSummary } from "../measures/capital";
import { fundingRoundsByDate, type FundingRoundPoint } from "../measures/funding-rounds";
import { investorSharesOfRecipient, type InvestorShare } from "../measures/funding-shares";
import { listDealSummaries, type DealSummary } from "./deals";
import { loadMeasureDeals } from "./measure-deals";
import { cachedView, viewKey } from "./view-cache";
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

/** The company today, or as its deals were reported on `asOf` (lib/story/as-of.ts). */
export function getCompany(slug: string, asOf: string | null = null): Promise<CompanyView | null> {
  return cachedView(viewKey("company", { slug, asOf }), () => computeCompany(slug, asOf));
}

async function computeCompany(slug: string, asOf: string | null): Promise<CompanyView | null> {
  const profile = await getOrganizationProfile(slug);
  if (!profile) return null;
  const db = await getDb();
  const [timeline, measured, commitments] = await Promise.all([
    listDealSummaries(db, { recipient: { slug } }, asOf),
    loadMeasureDeals(db, { recipient: { slug } }, asOf ? { date: asOf } : null),
    listDealSummaries(db, { kind: { in: [...COMMITMENT_KINDS] }, participations: { some: { organization: { slug } } } }, asOf),
  ]);
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
    commitmentsMade: commitments,
    timeline,
  };
}
