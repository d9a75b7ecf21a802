// What each page's share card says: the page, its headline figure and one line of detail, from the same reads the
// pages use (so the card and the page agree).
import "server-only";
import { getAnalysis } from "../data/analysis";
import { getCompany } from "../data/company";
import { getDeal } from "../data/deal";
import { getInvestor } from "../data/investor";
import { KIND_LABELS, STATUS_LABELS } from "../domain";
import { parseAnalysisView } from "../filters/analysis-view";
import { formatAmount, formatDate, formatNumber, formatUsd } from "../format";
import type { ShareCard } from "./share-card";

export const DEAL_CARD_ALT = "The deal, its amount and status";
export const INVESTOR_CARD_ALT = "The investor and the capital counted in its deals";
export const COMPANY_CARD_ALT = "The company and the capital counted in the rounds it received";

export async function dealCard(id: number): Promise<ShareCard | null> {
  const deal = await getDeal(id);
  if (!deal) return null;
  const investors = deal.participations.map((p) => p.organization?.name ?? p.partyLabel ?? "Undisclosed");
  return {
    eyebrow: `Deal · ${STATUS_LABELS[deal.status]}`,
    title: `${investors.slice(0, 3).join(", ")}${investors.length > 3 ? ` and ${investors.length - 3} more` : ""} → ${deal.recipient.name}`,
    figure: formatAmount(deal.amountUsdLow, deal.amountUsdHigh, deal.amountQualifier),
    detail: `${deal.round ?? KIND_LABELS[deal.kind]} · ${formatDate(deal.announcedOn)}`,
  };
}

export async function investorCard(slug: string): Promise<ShareCard | null> {
  const view = await getInvestor(slug, "year");
  if (!view) return null;
  const { capital } = view;
  return {
    eyebrow: "Investor",
    title: view.profile.name,
    figure: formatUsd(capital.total),
    detail: `Capital counted in ${formatNumber(capital.countedDeals)} equity and convertible ${capital.countedDeals === 1 ? "deal" : "deals"} (shared rounds split)`,
  };
}

export async function companyCard(slug: string): Promise<ShareCard | null> {
  const view = await getCompany(slug);
  if (!view) return null;
  const { funding } = view;
  return {
    eyebrow: "Company",
    title: view.profile.name,
    figure: formatUsd(funding.total),
    detail: `Capital counted in ${formatNumber(funding.dealCount)} equity and convertible ${funding.dealCount === 1 ? "round" : "rounds"} received`,
  };
}

export const ANALYSIS_CARD_ALT = "Capital counted and its concentration among recipients";

export async function analysisCard(): Promise<ShareCard> {
  const analysis = await getAnalysis(parseAnalysisView(new URLSearchParams()).view);
  const latest = analysis.concentration.filter((p) => p.hhi !== null).at(-1);
  return {
    eyebrow: "Concentration and flows",
    title: "Where AI capital concentrates",
    figure: formatUsd(analysis.summary.total),
    detail: `Capital counted in ${formatNumber(analysis.summary.dealCount)} deals${latest ? ` · recipient HHI ${latest.period}: ${formatNumber(latest.hhi as number)}` : ""}`,
  };
}
