// The orders of an organization page's tables, each in its own parameter since a page has several: the portfolio
// (`sort`), recipients and co-investors of /investors/<slug>, the investors of /companies/<slug>. Each defaults to the
// order its rows are read in (the portfolio newest first, the others largest first), which the address leaves out.
import { KIND_LABELS, STATUS_LABELS } from "../domain";
import type { PortfolioDeal } from "../data/investor";
import type { CoInvestor } from "../measures/co-investors";
import type { InvestorShare, RecipientShare } from "../measures/funding-shares";
import { sortTable, type TableSort, type TableSortSpec } from "./ranking-sort";

export const RECIPIENTS_SORT = {
  param: "recipientsSort",
  columns: ["name", "counted", "amount", "funding", "share"],
  defaultSort: { column: "amount", descending: true },
  descendingFirst: ["counted", "amount", "funding", "share"],
} as const satisfies TableSortSpec<string>;
export type RecipientsColumn = (typeof RECIPIENTS_SORT.columns)[number];

export const CO_INVESTORS_SORT = {
  param: "coInvestorsSort",
  columns: ["name", "rounds"],
  defaultSort: { column: "rounds", descending: true },
  descendingFirst: ["rounds"],
} as const satisfies TableSortSpec<string>;
export type CoInvestorsColumn = (typeof CO_INVESTORS_SORT.columns)[number];

export const INVESTORS_SORT = {
  param: "investorsSort",
  columns: ["name", "counted", "amount", "share"],
  defaultSort: { column: "amount", descending: true },
  descendingFirst: ["counted", "amount", "share"],
} as const satisfies TableSortSpec<string>;
export type InvestorsColumn = (typeof INVESTORS_SORT.columns)[number];

export const PORTFOLIO_SORT = {
  param: "sort",
  columns: ["date", "deal", "recipient", "kind", "status", "amount", "counted"],
  defaultSort: { column: "date", descending: true },
  descendingFirst: ["date", "amount", "counted"],
} as const satisfies TableSortSpec<string>;
export type PortfolioColumn = (typeof PORTFOLIO_SORT.columns)[number];

const isDefault = <C extends string>(spec: TableSortSpec<C>, sort: TableSort<C>) =>
  sort.column === spec.defaultSort.column && sort.descending === spec.defaultSort.descending;

/** The recipients in this order; the default is the measure's own. */
export function sortRecipients(rows: RecipientShare[], sort: TableSort<RecipientsColumn>): RecipientShare[] {
  if (isDefault<RecipientsColumn>(RECIPIENTS_SORT, sort)) return rows;
  return sortTable(rows, sort, (row, column) => {
    switch (column) {
      case "name":
        return row.name;
      case "counted":
        return row.countedDeals;
      case "amount":
        return row.investorAmount;
      case "funding":
        return row.recipientTotal;
      case "share":
        return row.share;
    }
  });
}

export function sortCoInvestors(rows: CoInvestor[], sort: TableSort<CoInvestorsColumn>): CoInvestor[] {
  if (isDefault<CoInvestorsColumn>(CO_INVESTORS_SORT, sort)) return rows;
  return sortTable(rows, sort, (row, column) => (column === "name" ? row.name : row.roundCount));
}

export function sortInvestors(rows: InvestorShare[], sort: TableSort<InvestorsColumn>): InvestorShare[] {
  if (isDefault<InvestorsColumn>(INVESTORS_SORT, sort)) return rows;
  return sortTable(rows, sort, (row, column) => {
    switch (column) {
      case "name":
        return row.name;
      case "counted":
        return row.countedDeals;
      case "amount":
        return row.amount;
      case "share":
        return row.share;
    }
  });
}

/**
 * The portfolio's deals in this order: the rows the page shows (its newest deals), not the investor's every deal, which
 * /deals sorts by date and amount. A deal's amount is its low figure, else its "up to" one; undisclosed has none.
 */
export function sortPortfolio(rows: PortfolioDeal[], sort: TableSort<PortfolioColumn>): PortfolioDeal[] {
  if (isDefault<PortfolioColumn>(PORTFOLIO_SORT, sort)) return rows;
  return sortTable(rows, sort, (row, column) => {
    switch (column) {
      case "date":
        return row.announcedOn;
      case "deal":
        return row.round ?? KIND_LABELS[row.kind];
      case "recipient":
        return row.recipient.name;
      case "kind":
        return KIND_LABELS[row.kind];
      case "status":
        return STATUS_LABELS[row.status];
      case "amount":
        return row.amountQualifier === "undisclosed" ? null : (row.amountUsdLow ?? row.amountUsdHigh);
      case "counted":
        return row.attributed;
    }
  });
}
