import type { DealSummary } from "@/lib/data/deals";
import { KIND_LABELS, type DealStatus } from "@/lib/domain";
import { formatAmount, formatNumber, formatUsdExact } from "@/lib/format";

/**
 * A deal as a list or table row draws it: text only, formatted on the server. The rows are drawn by a client
 * component from these, because a server component's markup travels twice, as HTML and again in React's payload, and
 * 25 rows of markup were half of /deals' 105 kB; as props they travel as this short text once beside their HTML.
 * What the client can derive is left out: the link (dealHref of the id and the view's date) and the date's text.
 */
export type DealRow = {
  id: number;
  /** "Amazon, Google → Anthropic": up to three investors, "+N" for the rest. */
  parties: string;
  amount: string;
  /** The announcement date, ISO. */
  date: string;
  kind: string;
  status: DealStatus;
  round: string | null;
};

/** A table row adds the exact amount (its title) and the number of sources. */
export type DealTableRow = DealRow & { exact: string | null; sources: string };

export function dealRow(deal: DealSummary): DealRow {
  const investors = deal.investors.slice(0, 3).map((i) => i.name);
  const more = deal.investors.length > 3 ? ` +${deal.investors.length - 3}` : "";
  return {
    id: deal.id,
    parties: `${investors.length > 0 ? `${investors.join(", ")}${more} → ` : ""}${deal.recipient.name}`,
    amount: formatAmount(deal.amountUsdLow, deal.amountUsdHigh, deal.amountQualifier),
    date: deal.announcedOn,
    kind: KIND_LABELS[deal.kind],
    status: deal.status,
    round: deal.round,
  };
}

export function dealTableRow(deal: DealSummary): DealTableRow {
  return {
    ...dealRow(deal),
    exact: deal.amountQualifier === "undisclosed" ? null : formatUsdExact((deal.amountUsdLow ?? deal.amountUsdHigh) as bigint),
    sources: formatNumber(deal.sourceCount),
  };
}
