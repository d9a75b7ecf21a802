// Who funded whom, as shares of counted funding: an investor's share of each recipient it funded, and each
// investor's share of one recipient. Attribution follows attributeToInvestors, so a recipient's shares add up to 1.
import {
  attributeToInvestors,
  countedAmount,
  DEFAULT_RULE,
  isCounted,
  ratio,
  UNDISCLOSED_KEY,
  type CountingRule,
  type MeasureDeal,
} from "./capital";

export type RecipientShare = {
  key: string;
  name: string;
  /** Counted deals of this recipient that the investor is in. */
  countedDeals: number;
  investorAmount: bigint;
  /** Everything the recipient received in counted deals, from every investor. */
  recipientTotal: bigint;
  /** investorAmount / recipientTotal (0-1); null when the recipient's counted funding is zero (undisclosed amounts). */
  share: number | null;
};

/**
 * Each recipient the investor is in a counted deal with, ranked by the capital attributed to the investor. A share
 * needs everything each recipient received: either `deals` holds every deal of those recipients, or
 * `knownRecipientTotals` gives their counted funding (summed in the database under the same rule) and `deals` need only
 * hold the investor's own deals.
 */
export function investorShareOfRecipients(
  deals: readonly MeasureDeal[],
  investorKey: string,
  rule: CountingRule = DEFAULT_RULE,
  knownRecipientTotals?: ReadonlyMap<string, bigint>,
): RecipientShare[] {
  const recipientTotals = new Map<string, bigint>();
  const rows = new Map<string, RecipientShare>();
  for (const deal of deals) {
    if (!isCounted(deal, rule)) continue;
    const amount = countedAmount(deal).amount;
    recipientTotals.set(deal.recipient.key, (recipientTotals.get(deal.recipient.key) ?? 0n) + amount);
    if (!deal.investors.some((i) => i.key === investorKey)) continue;
    const part = attributeToInvestors(deal, amount).find((p) => p.key === investorKey)?.amount ?? 0n;
    const row = rows.get(deal.recipient.key) ?? { ...deal.recipient, countedDeals: 0, investorAmount: 0n, recipientTotal: 0n, share: null };
    row.countedDeals++;
    row.investorAmount += part;
    rows.set(deal.recipient.key, row);
  }
  return [...rows.values()]
    .map((row) => {
      const recipientTotal = (knownRecipientTotals ? knownRecipientTotals.get(row.key) : recipientTotals.get(row.key)) ?? 0n;
      return { ...row, recipientTotal, share: recipientTotal === 0n ? null : ratio(row.investorAmount, recipientTotal) };
    })
    .sort(byAmountThenName((r) => r.investorAmount));
}

export type InvestorShare = {
  key: string;
  name: string;
  countedDeals: number;
  amount: bigint;
  /** amount / the recipient's counted funding (0-1); null when that funding is zero. */
  share: number | null;
};

/** Each investor in the recipient's counted deals with its attributed amount and share, largest first. */
export function investorSharesOfRecipient(
  deals: readonly MeasureDeal[],
  recipientKey: string,
  rule: CountingRule = DEFAULT_RULE,
): InvestorShare[] {
  const rows = new Map<string, InvestorShare>();
  let total = 0n;
  for (const deal of deals) {
    if (deal.recipient.key !== recipientKey || !isCounted(deal, rule)) continue;
    const amount = countedAmount(deal).amount;
    total += amount;
    const parts = attributeToInvestors(deal, amount);
    // Walk the listed investors, not only the parts: a deal of undisclosed amount has no parts, yet its investors are in it.
    // The unnamed parties of every deal are one entry: "Undisclosed", not the label of whichever came first.
    const investors = deal.investors.length > 0 ? deal.investors : [{ key: UNDISCLOSED_KEY, name: "Undisclosed" }];
    for (const { key, name } of new Map(investors.map((i) => [i.key, i])).values()) {
      const row = rows.get(key) ?? { key, name: key === UNDISCLOSED_KEY ? "Undisclosed" : name, countedDeals: 0, amount: 0n, share: null };
      row.countedDeals++;
      row.amount += parts.find((p) => p.key === key)?.amount ?? 0n;
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .map((row) => ({ ...row, share: total === 0n ? null : ratio(row.amount, total) }))
    .sort(byAmountThenName((r) => r.amount));
}

/** Largest amount first, then by name: the order of both share tables (and of their sums in SQL). */
export function byAmountThenName<T extends { name: string }>(amountOf: (row: T) => bigint) {
  return (a: T, b: T) => {
    const x = amountOf(a);
    const y = amountOf(b);
    return x === y ? a.name.localeCompare(b.name) : x > y ? -1 : 1;
  };
}
