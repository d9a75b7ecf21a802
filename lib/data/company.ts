// Everything /companies/[slug] shows: the deals an organization received, its funding rounds and who funded it, and
// the commitments it made itself.
import "server-only";
import { getDb } from "../db";
import type { DealKind } from "../domain";
import { CAPITAL_KINDS, type CapitalSummary } from "../measures/capital";
import type { FundingRoundPoint } from "../measures/funding-rounds";
import { fundingTimeline, type FundingTimeline } from "../measures/funding-timeline";
import type { InvestorShare } from "../measures/funding-shares";
import { countLiveDeals, datedDeals, listNewestDealSummaries, type DealSummary } from "./deals";
import { dealsAsOf } from "./deal-state";
import { readsOf } from "./kysely";
import { capitalCountedSql } from "./deal-stats";
import { dealCells } from "./raw/market-cells";
import { onDeal } from "./raw/overview-figures";
import { announcedWithin, dealsOfInvestor, investorSharesOfRecipientSql } from "./raw/investor-figures";
import { ALL_DATES, type DateWindow } from "../filters/date-window";
import { fundingRoundsSql } from "./raw/round-figures";
import { cachedView, viewKey } from "./view-cache";
import { valuationMarks, type ValuationMark } from "./valuation-marks";
import { findOrganization, type OrganizationProfile } from "./organization-profile";

/**
 * Purchases of compute, cloud and chips. In the data the buyer is the "investor" and the seller the recipient (OpenAI
 * -> Oracle), so these are the deals where the company is on the paying side of a commitment, not capital it received.
 */
export const COMMITMENT_KINDS: readonly DealKind[] = ["compute_commitment", "cloud_credits", "chip_supply"];

export type CompanyView = {
  profile: OrganizationProfile;
  /** The dates the figures, lists and chart cover (open ends: every date). */
  window: DateWindow;
  funding: CapitalSummary;
  /** How many counted rounds (a Round's deals together, every other deal a round of its own). */
  roundCount: number;
  /** The counted rounds and valuation marks per date (the chart's table, its latest entries) and as the chart draws them. */
  fundingTimeline: FundingTimeline;
  /** How many equity and convertible deals it received, counted or not: the page's rounds link to them all on /deals. */
  roundDealTotal: number;
  /** How many valuations were reported with a deal it (or a division) received, rounds and secondary sales alike. */
  valuationCount: number;
  /** The latest COMPANY_LIST_LIMIT of them with their deals and sources, oldest first. */
  latestValuations: ValuationMark[];
  /** The newest valuation. */
  latestValuation: { date: string; amount: bigint } | null;
  investors: InvestorShare[];
  /** The newest COMPANY_LIST_LIMIT, newest first. */
  commitmentsMade: DealSummary[];
  commitmentTotal: number;
  /** The newest COMPANY_LIST_LIMIT deals received, newest first. */
  timeline: DealSummary[];
  /** Every deal received, of any kind and status. */
  timelineTotal: number;
};

/** The company today, or as its deals were reported on `asOf` (lib/story/as-of.ts), over the deals announced within `window`. */
export function getCompany(slug: string, asOf: string | null = null, window: DateWindow = ALL_DATES): Promise<CompanyView | null> {
  const { from, to } = window;
  return cachedView(viewKey("company", { slug, asOf, from, to }), () => computeCompany(slug, asOf, { from, to }));
}

/** How many deals each list of the page shows (newest); /deals has them all. */
export const COMPANY_LIST_LIMIT = 10;

/**
 * At most this many dates are drawn one by one. Past it the chart draws a bar and a mark per quarter (per year when
 * the quarters are still more): OpenAI's 10,412 synthetic rounds at 100,000 deals drew a megabyte of page, every
 * round's bar, step and tooltip twice over (HTML and React's payload), far more than a 1,000-unit plot can show. Each
 * column drawn costs about half a kilobyte of page (its tooltip, its screen-reader text, its props), so 40 columns keep
 * the chart within about 20 kB. The CSV keeps every round and mark.
 */
export const FUNDING_CHART_POINTS = 40;

/** A company's every counted round and valuation mark (with sources), for the funding-rounds CSV and JSON. */
export async function getFundingHistory(
  slug: string,
  asOf: string | null = null,
  window: DateWindow = ALL_DATES,
): Promise<{ rounds: FundingRoundPoint[]; valuations: ValuationMark[] } | null> {
  const found = await findOrganization(slug);
  if (!found) return null;
  const db = await getDb();
  const [rounds, valuations] = await Promise.all([
    fundingRoundsSql(db, found.id, asOf, window),
    valuationMarks(db, slug, asOf, { window }),
  ]);
  return { rounds, valuations };
}

async function computeCompany(slug: string, asOf: string | null, window: DateWindow): Promise<CompanyView | null> {
  const found = await findOrganization(slug);
  if (!found) return null;
  const { id, profile } = found;
  const db = await getDb();
  // By the organization's id, which the recipient index answers; through its slug the database joined every deal.
  const received = onDeal.and([onDeal("d.recipientId", "=", id), announcedWithin(window)]);
  const capitalReceived = onDeal.and([received, onDeal("d.kind", "in", [...CAPITAL_KINDS])]);
  const commitmentsMade = onDeal.and([onDeal("d.kind", "in", [...COMMITMENT_KINDS]), dealsOfInvestor(id, window)]);
  const reads = readsOf(db);
  const [timeline, roundDealTotal, funding, investors, commitments, rounds, valuations] = await Promise.all([
    listNewestDealSummaries(db, datedDeals(reads, received, asOf), asOf, COMPANY_LIST_LIMIT),
    countLiveDeals(db, capitalReceived, asOf),
    capitalCountedSql(dealCells(reads, dealsAsOf(reads, asOf).where("d.deletedAt", "is", null).where(received))),
    // Summed in the database, not by loading a large company's thousands of counted deals into memory for this one table.
    investorSharesOfRecipientSql(db, id, asOf, window),
    listNewestDealSummaries(db, datedDeals(reads, commitmentsMade, asOf), asOf, COMPANY_LIST_LIMIT),
    fundingRoundsSql(db, id, asOf, window),
    // The marks within the page's dates, as every other figure of the page; sources for the ones it lists.
    valuationMarks(db, slug, asOf, { window, sourcesOfLatest: COMPANY_LIST_LIMIT }),
  ]);
  const lastValued = valuations.at(-1);
  // The view keeps what the page shows, not the rounds and marks (tens of megabytes for a large company at scale).
  return {
    profile,
    window,
    funding,
    roundCount: rounds.length,
    fundingTimeline: fundingTimeline(rounds, valuations, { latest: COMPANY_LIST_LIMIT, points: FUNDING_CHART_POINTS }),
    roundDealTotal,
    valuationCount: valuations.length,
    latestValuations: valuations.slice(Math.max(0, valuations.length - COMPANY_LIST_LIMIT)),
    latestValuation: lastValued ? { date: lastValued.date, amount: lastValued.valuationUsd } : null,
    investors,
    commitmentsMade: commitments.deals,
    commitmentTotal: commitments.total,
    timeline: timeline.deals,
    timelineTotal: timeline.total,
  };
}
