// A stored deal written as the form's (CSV) field values, for editing and for showing a conflict side by side.
import { formatInvestorToken } from "../csv/deal-csv-format";
import type { ParticipationRole } from "../domain";

export type EditableDeal = {
  announcedOn: string;
  kind: string;
  status: string;
  round: string | null;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: string;
  originalCurrency: string;
  originalAmount: bigint | null;
  postMoneyValuationUsd: bigint | null;
  stakeBps: number | null;
  summary: string;
  recipient: { name: string };
  participations: { role: string; note: string | null; partyLabel: string | null; organization: { name: string } | null }[];
};

const text = (v: bigint | number | string | null) => (v === null ? "" : String(v));

export function dealToFormValues(deal: EditableDeal): Record<string, string> {
  return {
    announced_on: deal.announcedOn,
    investors: deal.participations
      .map((p) => formatInvestorToken(p.organization?.name ?? p.partyLabel ?? "Undisclosed", p.role as ParticipationRole, p.note))
      .join("; "),
    recipient: deal.recipient.name,
    kind: deal.kind,
    status: deal.status,
    round: text(deal.round),
    amount_usd_low: text(deal.amountUsdLow),
    amount_usd_high: text(deal.amountUsdHigh),
    amount_qualifier: deal.amountQualifier,
    original_currency: deal.originalCurrency,
    original_amount: text(deal.originalAmount),
    post_money_valuation_usd: text(deal.postMoneyValuationUsd),
    stake_pct: deal.stakeBps === null ? "" : (deal.stakeBps / 100).toString(),
    summary: deal.summary,
  };
}
