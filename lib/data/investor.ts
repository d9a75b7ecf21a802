// Everything /investors/[slug] shows: the organization's deals as an investor and the capital attributed to it.
import "server-only";
import { getDb } from "../db";
import type { DealKind } from "../domain";
import { CAPITAL_KINDS, type Grain, type PeriodTotal } from "../measures/capital";
import { coInvestorsOf, type CoInvestor } from "../measures/co-investors";
import { investorShareOfRecipients, type RecipientShare } from "../measures/funding-shares";
import { attributedAmount, investorCapital, investorCapitalByPeriod, type InvestorCapital } from "../measures/investor-capital";
import { listDealSummaries, type DealSummary } from "./deals";
import { loadMeasureDeals } from "./measure-deals";
import { cachedView, viewKey } from "./view-cache";
import { getOrganizationProfile, type OrganizationProfile } from "./organization-profile";

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
  /** Newest first. */
  portfolio: PortfolioDeal[];
  recipients: RecipientShare[];
  coInvestors: CoInvestor[];
};

/** The investor today, or as its deals were reported on `asOf` (lib/story/as-of.ts). */
export function getInvestor(slug: string, grain: Grain, asOf: string | null = null): Promise<InvestorView | null> {
  return cachedView(viewKey("investor", { slug, grain, asOf }), () => computeInvestor(slug, grain, asOf));
}

async function computeInvestor(slug: string, grain: Grain, asOf: string | null): Promise<InvestorView | null> {
  const profile = await getOrganizationProfile(slug);
  if (!profile) return null;
  const db = await getDb();
  const [deals, portfolioRows] = await Promise.all([
    // Every deal of every recipient this investor funded: a share of a recipient's funding needs all of that funding.
    loadMeasureDeals(db, { recipient: { received: { some: { deletedAt: null, participations: { some: { organization: { slug } } } } } } }, asOf ? { date: asOf } : null),
    listDealSummaries(db, { participations: { some: { organization: { slug } } } }, asOf),
  ]);
  const own = deals.filter((d) => d.investors.some((i) => i.key === slug));
  const byId = new Map(own.map((d) => [d.id, d]));
  const periods = investorCapitalByPeriod(own, slug, { grain });
  const present = new Set(periods.flatMap((p) => Object.keys(p.byKey)));
  return {
    profile,
    capital: investorCapital(own, slug),
    grain,
    kinds: CAPITAL_KINDS.filter((k) => present.has(k)),
    periods,
    portfolio: portfolioRows.map((row) => {
      const measured = byId.get(row.id);
      return { ...row, attributed: measured ? attributedAmount(measured, slug) : null };
    }),
    recipients: investorShareOfRecipients(deals, slug),
    coInvestors: coInvestorsOf(own, slug),
  };
}
