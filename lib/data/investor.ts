// Everything /investors/[slug] shows: the organization's deals as an investor and the capital attributed to it.
import "server-only";
import { getDb } from "../db";
import type { DealKind } from "../domain";
import { CAPITAL_KINDS, type Grain, type PeriodTotal } from "../measures/capital";
import { SHARED_ROUNDS_SHOWN, type CoInvestor } from "../measures/co-investors";
import type { RecipientShare } from "../measures/funding-shares";
import type { InvestorCapital } from "../measures/investor-capital";
import { listNewestDealSummaries, type DealSummary } from "./deals";
import { attributedAmountsSql, dealsOfInvestor, investorFiguresSql } from "./raw/investor-figures";
import { coInvestorsSql } from "./raw/round-figures";
import { cachedView, viewKey } from "./view-cache";
import { findOrganization, type OrganizationProfile } from "./organization-profile";

export type PortfolioDeal = DealSummary & {
  /** The investor's attributed part of the deal's counted amount; null when the deal is not counted as capital. */
  attributed: bigint | null;
};

export type InvestorView = {
  profile: OrganizationProfile;
  capital: InvestorCapital;
  grain: Grain;
  /** The kinds present in `periods`, in the domain's order: the chart's series. */
  kinds: DealKind[];
  periods: PeriodTotal[];
  /** The newest PORTFOLIO_LIMIT deals as an investor, newest first. */
  portfolio: PortfolioDeal[];
  /** Every deal as an investor, of any kind and status. */
  portfolioTotal: number;
  recipients: RecipientShare[];
  /** Each with its newest SHARED_ROUNDS_SHOWN rounds in common and the count of all (getCoInvestors has every one). */
  coInvestors: CoInvestor[];
};

/** The investor today, or as its deals were reported on `asOf` (lib/story/as-of.ts). */
export function getInvestor(slug: string, grain: Grain, asOf: string | null = null): Promise<InvestorView | null> {
  return cachedView(viewKey("investor", { slug, grain, asOf }), () => computeInvestor(slug, grain, asOf));
}

/** How many deals the portfolio table lists (newest first); /deals?investor=slug has them all. */
export const PORTFOLIO_LIMIT = 50;

async function computeInvestor(slug: string, grain: Grain, asOf: string | null): Promise<InvestorView | null> {
  const found = await findOrganization(slug);
  if (!found) return null;
  const { id, profile } = found;
  const db = await getDb();
  // By the organization's id: a nested `some` over its slug made the database check every deal (30 s at 100,000).
  // Every figure is summed in the database (lib/data/raw/investor-figures.ts, round-figures.ts): loading a large
  // investor's deals and measuring them in memory took 5.5 s at 100,000 deals.
  const [{ capital, periods, recipients }, coInvestors, portfolio] = await Promise.all([
    investorFiguresSql(db, id, grain, asOf),
    coInvestorsSql(db, id, asOf, SHARED_ROUNDS_SHOWN),
    listNewestDealSummaries(db, dealsOfInvestor(id), asOf, PORTFOLIO_LIMIT),
  ]);
  const attributed = await attributedAmountsSql(
    db,
    id,
    portfolio.deals.map((d) => d.id),
    asOf,
  );
  const present = new Set(periods.flatMap((p) => Object.keys(p.byKey)));
  return {
    profile,
    capital,
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
export function getCoInvestors(slug: string, asOf: string | null = null): Promise<CoInvestor[] | null> {
  return cachedView(viewKey("co-investors", { slug, asOf }), async () => {
    const found = await findOrganization(slug);
    return found ? coInvestorsSql(await getDb(), found.id, asOf, null) : null;
  });
}
