// Writes one stored deal as a row of the CSV interchange format, so that an export imports back to the same deal.
import type { AmountQualifier, DealKind, DealStatus, ParticipationRole } from "../domain";
import { DEAL_CSV_ALL_COLUMNS, formatInvestorToken, UNVERIFIED, type DealCsvColumn } from "./deal-csv-format";

export type DealCsvSource = {
  announcedOn: string;
  /** In position order (lead first); `name` is the organization's name, or the label of an unnamed party. */
  investors: { name: string; role: ParticipationRole; note: string | null }[];
  recipientName: string;
  kind: DealKind;
  status: DealStatus;
  round: string | null;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier;
  originalCurrency: string;
  originalAmount: bigint | null;
  postMoneyValuationUsd: bigint | null;
  stakeBps: number | null;
  summary: string;
  /** The source the deal was recorded with (its first); the format has room for one. */
  source: { url: string | null; publisher: string | null; publishedOn: string | null; unverified: boolean } | null;
  /** The key of the deal's round within its recipient; null when the deal is a round of its own. */
  roundKey: string | null;
};

export type DealCsvCell = string | bigint | null;

/** Basis points back to the stake_pct notation: 1000 -> "10", 250 -> "2.5", 1005 -> "10.05". */
export function formatStakePct(bps: number): string {
  const fraction = bps % 100;
  if (fraction === 0) return String(bps / 100);
  return `${Math.floor(bps / 100)}.${String(fraction).padStart(2, "0").replace(/0$/, "")}`;
}

export function toDealCsvRow(deal: DealCsvSource): DealCsvCell[] {
  const source = deal.source;
  const cells: Record<DealCsvColumn, DealCsvCell> = {
    announced_on: deal.announcedOn,
    investors: deal.investors.map((i) => formatInvestorToken(i.name, i.role, i.note)).join(";"),
    recipient: deal.recipientName,
    kind: deal.kind,
    status: deal.status,
    round: deal.round,
    amount_usd_low: deal.amountUsdLow,
    amount_usd_high: deal.amountUsdHigh,
    amount_qualifier: deal.amountQualifier,
    original_currency: deal.originalCurrency,
    original_amount: deal.originalAmount,
    post_money_valuation_usd: deal.postMoneyValuationUsd,
    stake_pct: deal.stakeBps === null ? null : formatStakePct(deal.stakeBps),
    summary: deal.summary,
    // The importer reads "unverified" in source_url as a source with no page; the publisher column says so too
    // when no publisher is known, as in the seed.
    source_url: source === null ? null : source.unverified ? UNVERIFIED : source.url,
    source_publisher: source === null ? null : (source.publisher ?? (source.unverified ? UNVERIFIED : null)),
    source_date: source?.publishedOn ?? null,
    round_key: deal.roundKey,
  };
  return DEAL_CSV_ALL_COLUMNS.map((column) => cells[column]);
}
