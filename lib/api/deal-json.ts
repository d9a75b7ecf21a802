// Deals as the JSON API writes them: amounts become JSON numbers of whole dollars (exact, all far below 2^53).
import type { DealDetail } from "../data/deal";
import type { DealSummary } from "../data/deals";

export function usd(amount: bigint | null): number | null {
  return amount === null ? null : Number(amount);
}

export function toDealJson(deal: DealSummary) {
  return {
    id: deal.id,
    announcedOn: deal.announcedOn,
    kind: deal.kind,
    status: deal.status,
    round: deal.round,
    amountUsdLow: usd(deal.amountUsdLow),
    amountUsdHigh: usd(deal.amountUsdHigh),
    amountQualifier: deal.amountQualifier,
    postMoneyValuationUsd: usd(deal.postMoneyValuationUsd),
    recipient: deal.recipient,
    investors: deal.investors,
    sourceCount: deal.sourceCount,
  };
}

export function toDealDetailJson(deal: DealDetail) {
  return {
    id: deal.id,
    announcedOn: deal.announcedOn,
    kind: deal.kind,
    status: deal.status,
    round: deal.round,
    amountUsdLow: usd(deal.amountUsdLow),
    amountUsdHigh: usd(deal.amountUsdHigh),
    amountQualifier: deal.amountQualifier,
    originalCurrency: deal.originalCurrency,
    originalAmount: usd(deal.originalAmount),
    postMoneyValuationUsd: usd(deal.postMoneyValuationUsd),
    stakeBps: deal.stakeBps,
    summary: deal.summary,
    unverified: deal.unverified,
    recipient: deal.recipient,
    investors: deal.participations.map((p) => ({
      slug: p.organization?.slug ?? null,
      name: p.organization?.name ?? p.partyLabel ?? "Undisclosed",
      role: p.role,
      note: p.note,
      committedUsd: usd(p.committedUsd),
    })),
    sourceCount: deal.sources.length,
    sources: deal.sources.map((s) => ({
      url: s.url,
      publisher: s.publisher,
      publishedOn: s.publishedOn,
      title: s.title,
      unverified: s.unverified,
    })),
    events: deal.events.map((e) => ({
      occurredOn: e.occurredOn,
      status: e.status,
      amountUsdLow: usd(e.amountUsdLow),
      amountUsdHigh: usd(e.amountUsdHigh),
      amountQualifier: e.amountQualifier,
      note: e.note,
      source: e.source,
    })),
  };
}
