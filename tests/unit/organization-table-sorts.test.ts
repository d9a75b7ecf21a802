// The organization pages' tables sort by any column through links in their headers, each table in its own parameter.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CoInvestorTable } from "@/components/organizations/co-investor-table";
import { PortfolioTable } from "@/components/organizations/portfolio-table";
import { RecipientShareTable } from "@/components/organizations/recipient-share-table";
import {
  CO_INVESTORS_SORT,
  INVESTORS_SORT,
  PORTFOLIO_SORT,
  RECIPIENTS_SORT,
  sortCoInvestors,
  sortInvestors,
  sortPortfolio,
  sortRecipients,
} from "@/lib/filters/organization-table-sorts";
import { parseTableSort, tableSortHref } from "@/lib/filters/ranking-sort";
import type { RecipientShare } from "@/lib/measures/funding-shares";
import type { PortfolioDeal } from "@/lib/data/investor";

const recipient = (key: string, name: string, investorAmount: bigint, recipientTotal: bigint, countedDeals: number): RecipientShare => ({
  key,
  name,
  countedDeals,
  investorAmount,
  recipientTotal,
  share: recipientTotal === 0n ? null : Number(investorAmount) / Number(recipientTotal),
});
// In the measure's order: largest amount first.
const recipients = [
  recipient("openai", "OpenAI", 13_000_000_000n, 60_000_000_000n, 3),
  recipient("anthropic", "anthropic", 8_000_000_000n, 8_000_000_000n, 2),
  recipient("mistral-ai", "Mistral AI", 8_000_000_000n, 0n, 1),
];
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe("the organization pages' table orders", () => {
  it("read each table's own parameter and fall back to the measure's order on a bad one", () => {
    const search = { recipientsSort: "name", coInvestorsSort: "size", investorsSort: "share_desc" };
    expect(parseTableSort(RECIPIENTS_SORT, search).sort).toEqual({ column: "name", descending: false });
    const bad = parseTableSort(CO_INVESTORS_SORT, search);
    expect(bad.sort).toEqual(CO_INVESTORS_SORT.defaultSort);
    expect(bad.issues[0].param).toBe("coInvestorsSort");
    expect(parseTableSort(INVESTORS_SORT, search).sort).toEqual({ column: "share", descending: true });
  });

  it("sort by any column, exact amounts compared as BigInt, ties and no figure kept in a stable place", () => {
    expect(names(sortRecipients(recipients, { column: "name", descending: false }))).toEqual(["anthropic", "Mistral AI", "OpenAI"]);
    expect(names(sortRecipients(recipients, { column: "amount", descending: false }))).toEqual(["anthropic", "Mistral AI", "OpenAI"]);
    expect(names(sortRecipients(recipients, { column: "funding", descending: true }))).toEqual(["OpenAI", "anthropic", "Mistral AI"]);
    expect(names(sortRecipients(recipients, { column: "share", descending: true }))).toEqual(["anthropic", "OpenAI", "Mistral AI"]);
    expect(names(sortRecipients(recipients, { column: "counted", descending: false }))).toEqual(["Mistral AI", "anthropic", "OpenAI"]);
    expect(sortRecipients(recipients, RECIPIENTS_SORT.defaultSort)).toBe(recipients);
    const co = [
      { key: "a", name: "Zeta", roundCount: 0, rounds: [] },
      { key: "b", name: "alpha", roundCount: 0, rounds: [] },
    ];
    expect(names(sortCoInvestors(co, { column: "name", descending: false }))).toEqual(["alpha", "Zeta"]);
    const inv = [
      { key: "x", name: "X", countedDeals: 1, amount: 5n, share: 0.5 },
      { key: "y", name: "Y", countedDeals: 4, amount: 3n, share: 0.3 },
    ];
    expect(names(sortInvestors(inv, { column: "counted", descending: true }))).toEqual(["Y", "X"]);
  });

  it("link each header to its order, keeping the page's other parameters, with aria-sort on the sorted column", () => {
    const search = { asOf: "2025-01-01", grain: "quarter", coInvestorsSort: "name" };
    const sortHref = (sort: { column: "name" | "counted" | "amount" | "funding" | "share"; descending: boolean }) =>
      tableSortHref("/investors/microsoft", search, RECIPIENTS_SORT, sort);
    const html = renderToStaticMarkup(
      createElement(RecipientShareTable, {
        rows: recipients,
        investorName: "Microsoft",
        asOf: null,
        sort: { column: "name", descending: false },
        sortHref,
      }),
    );
    const headers = html.split("<tbody>")[0];
    expect(headers.match(/aria-sort="[a-z]+"/g)).toEqual(['aria-sort="ascending"']);
    // The sorted column turns around; another starts largest first; the default order leaves the address.
    expect(headers).toContain(
      'href="/investors/microsoft?asOf=2025-01-01&amp;grain=quarter&amp;coInvestorsSort=name&amp;recipientsSort=name_desc"',
    );
    expect(headers).toContain(
      'href="/investors/microsoft?asOf=2025-01-01&amp;grain=quarter&amp;coInvestorsSort=name&amp;recipientsSort=funding_desc"',
    );
    expect(headers).toContain('href="/investors/microsoft?asOf=2025-01-01&amp;grain=quarter&amp;coInvestorsSort=name"');

    const co = renderToStaticMarkup(
      createElement(CoInvestorTable, {
        rows: [{ key: "a", name: "A", roundCount: 0, rounds: [] }],
        investorName: "Microsoft",
        asOf: null,
        sort: { column: "rounds", descending: false },
        sortHref: (sort) => tableSortHref("/investors/microsoft", {}, CO_INVESTORS_SORT, sort),
      }),
    );
    expect(co).toContain('aria-sort="ascending"');
    expect(co).toContain('href="/investors/microsoft"');
  });

  it("sort an investor's portfolio by any column with `sort`, newest first by default, and refuse an unknown column", () => {
    const deal = (id: number, announcedOn: string, recipient: string, low: bigint | null, attributed: bigint | null): PortfolioDeal => ({
      id,
      announcedOn,
      kind: "equity",
      status: id === 2 ? "closed" : "announced",
      round: `Round ${id}`,
      amountUsdLow: low,
      amountUsdHigh: null,
      amountQualifier: low === null ? "undisclosed" : "exact",
      postMoneyValuationUsd: null,
      recipient: { slug: recipient.toLowerCase(), name: recipient },
      investors: [],
      sourceCount: 1,
      attributed,
    });
    // As read: newest first.
    const portfolio = [
      deal(3, "2026-03-01", "Beta", 2_000_000_000n, 1_000_000_000n),
      deal(2, "2025-06-01", "alpha", null, null),
      deal(1, "2024-01-01", "Gamma", 9_000_000_000n, 9_000_000_000n),
    ];
    const ids = (rows: PortfolioDeal[]) => rows.map((r) => r.id);
    expect(parseTableSort(PORTFOLIO_SORT, {}).sort).toEqual({ column: "date", descending: true });
    expect(sortPortfolio(portfolio, PORTFOLIO_SORT.defaultSort)).toBe(portfolio);
    expect(ids(sortPortfolio(portfolio, { column: "date", descending: false }))).toEqual([1, 2, 3]);
    expect(ids(sortPortfolio(portfolio, { column: "recipient", descending: false }))).toEqual([2, 3, 1]);
    // The undisclosed amount has no figure: last from the largest, first from the smallest.
    expect(ids(sortPortfolio(portfolio, { column: "amount", descending: true }))).toEqual([1, 3, 2]);
    expect(ids(sortPortfolio(portfolio, { column: "counted", descending: false }))).toEqual([2, 3, 1]);
    expect(ids(sortPortfolio(portfolio, { column: "status", descending: false }))).toEqual([3, 1, 2]);
    const bad = parseTableSort(PORTFOLIO_SORT, { sort: "size" });
    expect(bad.sort).toEqual(PORTFOLIO_SORT.defaultSort);
    expect(bad.issues).toEqual([{ param: "sort", value: "size", message: expect.stringContaining("sort must be one of date, deal") }]);

    const html = renderToStaticMarkup(
      createElement(PortfolioTable, {
        deals: portfolio,
        investorName: "Nvidia",
        asOf: null,
        sort: { column: "amount", descending: true },
        sortHref: (sort) => tableSortHref("/investors/nvidia", { grain: "quarter" }, PORTFOLIO_SORT, sort),
      }),
    );
    const headers = html.split("<tbody>")[0];
    expect(headers.match(/aria-sort="[a-z]+"/g)).toEqual(['aria-sort="descending"']);
    expect(headers).toContain("largest amount first");
    expect(headers).toContain('href="/investors/nvidia?grain=quarter&amp;sort=amount"');
    expect(headers).toContain('href="/investors/nvidia?grain=quarter"');
    expect(headers).toContain('href="/investors/nvidia?grain=quarter&amp;sort=recipient"');
  });
});
