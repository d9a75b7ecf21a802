import { expect, test } from "@playwright/test";
import { formatNumber, formatShare, formatUsd } from "@/lib/format";
import { attributedInSeed, countedDollars, investorNames, isCountedRow, seedRows } from "../support/seed-csv";
import { barCount } from "./chart-marks";

// Figures straight from the seed CSV, with equal splits among a deal's investors.
const amazonCapital = attributedInSeed("Amazon");
const amazonDeals = seedRows.filter((r) => investorNames(r).includes("Amazon")).length;
const amazonIntoOpenAi = attributedInSeed("Amazon", (r) => r.recipient === "OpenAI");
const openAiFunding = seedRows.filter((r) => r.recipient === "OpenAI" && isCountedRow(r)).reduce((sum, r) => sum + countedDollars(r), 0n);

test.describe("read an investor's portfolio", () => {
  test("find Amazon in the ranking and open its page", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Investors" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Investors" })).toBeVisible();
    const ranking = page.getByRole("table", { name: "Investors ranked by the counted capital attributed to them" });
    const row = ranking.getByRole("row").filter({ has: page.getByRole("link", { name: "Amazon", exact: true }) });
    await expect(row.getByRole("cell", { name: formatUsd(amazonCapital), exact: true })).toBeVisible();
    await row.getByRole("link", { name: "Amazon", exact: true }).click();
    await expect(page).toHaveURL(/\/investors\/amazon$/);
    await expect(page.getByRole("heading", { level: 1, name: "Amazon" })).toBeVisible();
  });

  test("see its capital, its deals and the chart, by year and by quarter", async ({ page, request }) => {
    await page.goto("/investors/amazon");
    const figures = page.getByRole("region", { name: "Headline figures" });
    await expect(figures.getByText(formatUsd(amazonCapital), { exact: true })).toBeVisible();
    await expect(figures.getByText(formatNumber(amazonDeals), { exact: true })).toBeVisible();

    const portfolio = page.getByRole("table", { name: /Deals Amazon is named in/ });
    // The newest 10 (PORTFOLIO_LIMIT) with a header row, and a link to every one on /deals.
    expect(amazonDeals).toBeGreaterThan(10);
    await expect(portfolio.getByRole("row")).toHaveCount(10 + 1);
    await expect(
      page.getByRole("link", { name: `All ${amazonDeals} deals of Amazon as an investor, with filters and paging` }),
    ).toHaveAttribute("href", "/deals?investor=amazon");
    // The milestone tranche is reported "up to $20B" and counts at that figure; its status badge says it is announced only.
    const milestone = portfolio.getByRole("row").filter({ hasText: "milestone tranche" });
    await expect(milestone.getByRole("cell", { name: "Up to $20B", exact: true })).toBeVisible();
    await expect(milestone.getByRole("cell", { name: "$20B", exact: true })).toBeVisible();
    await expect(milestone.getByText("Announced", { exact: true })).toBeVisible();

    const chart = page.getByRole("figure", { name: /capital Amazon put in per year/ });
    await expect(chart.locator("path.chart-bars").first()).toBeVisible();
    expect(await barCount(chart)).toBeGreaterThan(2);
    const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
    const csv = (await (await request.get(href as string)).text()).trim().split("\n");
    expect(csv.slice(1).reduce((sum, line) => sum + BigInt(line.split(",").at(-1) as string), 0n)).toBe(amazonCapital);

    await page.getByRole("link", { name: "By quarter" }).click();
    await expect(page).toHaveURL(/grain=quarter/);
    await expect(page.getByRole("heading", { name: "Capital Amazon put in by quarter, by kind" })).toBeVisible();
    await page.getByText("Show the data as a table").click();
    await expect(
      page.getByRole("table", { name: "Capital Amazon put in by quarter, by kind" }).getByRole("rowheader", { name: "Q1 2026" }),
    ).toBeVisible();
  });

  test("read its share of each recipient's funding and open a deal", async ({ page }) => {
    await page.goto("/investors/amazon");
    const shares = page.getByRole("table", { name: /Recipients by the capital Amazon put in/ });
    const openai = shares.getByRole("row").filter({ has: page.getByRole("link", { name: "OpenAI" }) });
    await expect(openai.getByRole("cell", { name: formatUsd(amazonIntoOpenAi), exact: true })).toBeVisible();
    await expect(openai.getByRole("cell", { name: formatUsd(openAiFunding), exact: true })).toBeVisible();
    await expect(
      openai.getByRole("cell", { name: formatShare(Number(amazonIntoOpenAi) / Number(openAiFunding)), exact: true }),
    ).toBeVisible();

    await page
      .getByRole("table", { name: /Deals Amazon is named in/ })
      .getByRole("link", { name: /Amazon initial tranche/ })
      .click();
    await expect(page).toHaveURL(/\/deals\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Amazon → OpenAI" })).toBeVisible();
  });

  test("follow the link from Amazon to its unit AWS and back", async ({ page }) => {
    await page.goto("/investors/amazon");
    await page.getByRole("link", { name: "AWS", exact: true }).click();
    await expect(page).toHaveURL(/\/companies\/aws$/);
    await expect(page.getByRole("heading", { level: 1, name: "AWS" })).toBeVisible();
    await page.getByRole("link", { name: "Amazon", exact: true }).click();
    await expect(page).toHaveURL(/\/investors\/amazon$/);
  });

  test("see who invested alongside SoftBank", async ({ page }) => {
    await page.goto("/investors/softbank");
    const coInvestors = page.getByRole("table", { name: /invested alongside SoftBank/ });
    await expect(coInvestors.getByRole("link", { name: "Nvidia" })).toBeVisible();
  });
});
