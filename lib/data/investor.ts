// Everything /investors/[slug] shows: the organization's deals as an investor and the capital attributed to it.
import "server-only";
import { getDb } from "../db";
import type { DealKind } from "../domain";
import type { PrismaClient } from "../generated/prisma/client";
import { CAPITAL_KINDS, DEFAULT_RULE, type Grain, type PeriodTotal } from "../measures/capital";
import { coInvestorsOf, type CoInvestor } from "../measures/co-investors";
import { investorShareOfRecipients, type RecipientShare } from "../measures/funding-shares";
import { attributedAmount, investorCapital, investorCapitalByPeriod, type InvestorCapital } from "../measures/investor-capital";
import { listNewestDealSummaries, type DealSummary } from "./deals";
import { loadMeasureDeals } from "./measure-deals";
import { moneySum, readsOf, toMoney } from "./kysely";
import { countedDeal, onDeal } from "./raw/overview-figures";
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
  const ownDealIds = onDeal.selectFrom("Participation as p").where("p.organizationId", "=", id).select("p.dealId");
  const ownDeals = onDeal("d.id", "in", ownDealIds);
  // Co-investors are the investors of the same rounds: every deal of the rounds this investor is in, whoever is in it.
  const sameRounds = onDeal.or([
    ownDeals,
    onDeal(
      "d.roundId",
      "in",
      onDeal.selectFrom("Deal as r").where("r.id", "in", ownDealIds).where("r.roundId", "is not", null).select("r.roundId"),
    ),
  ]);
  const [own, recipientTotals, portfolio, roundDeals] = await Promise.all([
    loadMeasureDeals(db, ownDeals, asOf),
    asOf ? null : countedFundingOfRecipients(db, id),
    listNewestDealSummaries(db, ownDeals, asOf, PORTFOLIO_LIMIT),
    loadMeasureDeals(db, sameRounds, asOf),
  ]);
  // A share of a recipient's funding needs all of that funding: today it is summed in the database; as of a date
  // every deal of every recipient this investor funded is loaded as reported then.
  const recipients = recipientTotals
    ? investorShareOfRecipients(own, slug, DEFAULT_RULE, recipientTotals)
    : investorShareOfRecipients(
        await loadMeasureDeals(
          db,
          onDeal(
            "d.recipientId",
            "in",
            onDeal.selectFrom("Deal as f").where("f.deletedAt", "is", null).where("f.id", "in", ownDealIds).select("f.recipientId"),
          ),
          asOf,
        ),
        slug,
      );
  const byId = new Map(own.map((d) => [d.id, d]));
  const periods = investorCapitalByPeriod(own, slug, { grain });
  const present = new Set(periods.flatMap((p) => Object.keys(p.byKey)));
  return {
    profile,
    capital: investorCapital(own, slug),
    grain,
    kinds: CAPITAL_KINDS.filter((k) => present.has(k)),
    periods,
    portfolio: portfolio.deals.map((row) => {
      const measured = byId.get(row.id);
      return { ...row, attributed: measured ? attributedAmount(measured, slug) : null };
    }),
    portfolioTotal: portfolio.total,
    recipients,
    coInvestors: coInvestorsOf(roundDeals, slug),
  };
}

/**
 * Counted funding (DEFAULT_RULE: equity and convertible, announced or closed, at the amount key) of every recipient
 * the investor has a deal with, by recipient slug, summed in the database instead of loading all their deals.
 */
async function countedFundingOfRecipients(db: PrismaClient, investorId: number): Promise<Map<string, bigint>> {
  const rows = await readsOf(db)
    .selectFrom("Deal as d")
    .innerJoin("Organization as o", "o.id", "d.recipientId")
    .where(countedDeal(DEFAULT_RULE))
    .where("d.recipientId", "in", (eb) =>
      eb
        .selectFrom("Participation as p")
        .innerJoin("Deal as f", "f.id", "p.dealId")
        .where("p.organizationId", "=", investorId)
        .where("f.deletedAt", "is", null)
        .select("f.recipientId"),
    )
    .groupBy(["o.id", "o.slug"])
    .select((eb) => ["o.slug", moneySum(eb.ref("d.amountUsdKey")).as("total")])
    .execute();
  return new Map(rows.map((r) => [r.slug, toMoney(r.total)]));
}
