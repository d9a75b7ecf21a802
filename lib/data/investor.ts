// Everything /investors/[slug] shows: the organization's deals as an investor and the capital attributed to it.
import "server-only";
import { getDb } from "../db";
import type { DealKind } from "../domain";
import { CAPITAL_KINDS, type CapitalSummary, type Grain, type PeriodTotal } from "../measures/capital";
import { SHARED_ROUNDS_SHOWN, type CoInvestor } from "../measures/co-investors";
import type { RecipientShare } from "../measures/funding-shares";
import type { InvestorCapital } from "../measures/investor-capital";
import { listNewestDealSummaries, type DealSummary } from "./deals";
import { ALL_DATES } from "../filters/date-window";
import { readsOf } from "./kysely";
import { attributedAmounts } from "./investor-parts";
import { datedDealsOfInvestor, investorFigures, type DateWindow } from "./raw/investor-figures";
import { coInvestorsSql } from "./raw/round-figures";
import { cachedView, viewKey } from "./view-cache";
import { findOrganization, type OrganizationProfile } from "./organization-profile";

export type PortfolioDeal = DealSummary & {
  /** The investor's attributed part of the deal's counted amount; null when the deal is not counted as capital. */
  attributed: bigint | null;
};

export type InvestorView = {
  profile: OrganizationProfile;
  /** The dates the figures, lists and chart cover (open ends: every date). */
  window: DateWindow;
  /** Its attributed part of the counted deals it is in ("attributed to" it). */
  capital: InvestorCapital;
  /** The whole counted amounts of the same deals, every investor's part ("total of the rounds joined"). */
  roundsJoined: CapitalSummary;
  grain: Grain;
  /** The kinds present in `periods`, in the domain's order: the chart's series. */
  kinds: DealKind[];
  periods: PeriodTotal[];
  /** The newest PORTFOLIO_LIMIT deals as an investor, newest first. */
  portfolio: PortfolioDeal[];
  /** Every deal as an investor, of any kind and status. */
  portfolioTotal: number;
  recipients: RecipientShare[];
  coInvestors: CoInvestor[];
};

/**
 * The investor today, or as its deals were reported on `asOf` (lib/story/as-of.ts), over the deals announced within
 * `window`.
 */
export function getInvestor(
  slug: string,
  grain: Grain,
  asOf: string | null = null,
  window: DateWindow = ALL_DATES,
): Promise<InvestorView | null> {
  const { from, to } = window;
  return cachedView(viewKey("investor", { slug, grain, asOf, from, to }), () => computeInvestor(slug, grain, asOf, { from, to }));
}

/** How many deals the portfolio table lists (newest first); /deals?investor=slug has them all. */
export const PORTFOLIO_LIMIT = 10;

async function computeInvestor(slug: string, grain: Grain, asOf: string | null, window: DateWindow): Promise<InvestorView | null> {
  const found = await findOrganization(slug);
  if (!found) return null;
  const { id, profile } = found;
  const db = await getDb();
  // By the organization's id: a nested `some` over its slug made the database check every deal (30 s at 100,000).
  // Every figure is summed in the database (lib/data/raw/investor-figures.ts, round-figures.ts, over the investor's
  // parts, lib/data/investor-parts.ts): loading a large investor's deals and measuring them in memory took 5.5 s at
  // 100,000 deals.
  const [{ capital, roundsJoined, periods, recipients }, coInvestors, portfolio] = await Promise.all([
    investorFigures(db, asOf, id, grain, window),
    coInvestorsSql(db, id, asOf, SHARED_ROUNDS_SHOWN, window),
    listNewestDealSummaries(db, datedDealsOfInvestor(readsOf(db), asOf, id, window), asOf, PORTFOLIO_LIMIT),
  ]);
  const attributed = await attributedAmounts(
    readsOf(db),
    asOf,
    id,
    portfolio.deals.map((d) => d.id),
  );
  const present = new Set(periods.flatMap((p) => Object.keys(p.byKey)));
  return {
    profile,
    window,
    capital,
    roundsJoined,
    grain,
    kinds: CAPITAL_KINDS.filter((k) => present.has(k)),
    periods,
    portfolio: portfolio.deals.map((row) => ({ ...row, attributed: attributed.get(row.id) ?? null })),
    portfolioTotal: portfolio.total,
    recipients,
    coInvestors,
  };
}

/** The investor's co-investors with every round in common (GET /api/organizations/{slug}/co-investors); null: no such organization. */
export function getCoInvestors(slug: string, asOf: string | null = null, window: DateWindow = ALL_DATES): Promise<CoInvestor[] | null> {
  return cachedView(viewKey("co-investors", { slug, asOf, ...window }), async () => {
    const found = await findOrganization(slug);
    return found ? coInvestorsSql(await getDb(), found.id, asOf, null, window) : null;
  });
}
