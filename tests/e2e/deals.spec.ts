import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { DEAL_CSV_ALL_COLUMNS } from "@/lib/csv/deal-csv-format";
import { formatNumber, formatUsd } from "@/lib/format";
import { capitalOf, investorNames, rowsWithInvestor, seedRows } from "../support/seed-csv";

const amazonRows = rowsWithInvestor("Amazon");

/** The ids of the deals a /deals page lists, in order, read from the links to their pages. */
async function listedDealIds(page: Page): Promise<number[]> {
  const results = page.getByRole("region", { name: /^(Deals \d|No deals)/ });
  const hrefs = await results.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.filter((h) => /^\/deals\/\d+$/.test(h)).map((h) => Number(h.split("/")[2]));
}

test.describe("the deal explorer", () => {
  test("/deals stays within 60 kB of HTML on the seed, in both views", async ({ request }) => {
    // The form lists no organizations (its name fields suggest them) and the rows travel once as markup and once as
    // short text in React's payload: at 100,000 deals the page holds the same 25 rows and the same form.
    for (const path of ["/deals", "/deals?view=table"]) {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const bytes = (await response.body()).length;
      expect(bytes, `${path} is ${bytes} bytes`).toBeLessThanOrEqual(60 * 1024);
    }
  });

  test("filter deals by investor", async ({ page }) => {
    await page.goto("/deals");
    await page.getByRole("form", { name: "Filter deals" }).getByLabel("Investors", { exact: true }).fill("Amazon");
    await page.getByRole("button", { name: "Apply filters" }).click();
    // The name typed comes back as the slug; empty fields and the default order stay out of the address.
    await expect(page).toHaveURL(/\/deals\?investor=amazon$/);

    const n = amazonRows.length;
    const figures = page.getByRole("region", { name: "Figures for these filters" });
    await expect(figures.getByText("Deals matching the filters")).toBeVisible();
    await expect(figures.getByText(formatNumber(n), { exact: true })).toBeVisible();
    await expect(figures.getByText(formatUsd(capitalOf(amazonRows).total), { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Deals 1–${n} of ${n}` })).toBeVisible();
    await expect(page.getByRole("list", { name: "Active filters" }).getByText("Investor: Amazon")).toBeVisible();
    const ids = await listedDealIds(page);
    expect(ids).toHaveLength(n);
    // Every listed deal names Amazon among its investors; none is only an AWS deal. A list of many investors shows the
    // first three and "+N", so each deal's investors are read from the API.
    for (const id of ids) {
      const deal = (await (await page.request.get(`/api/deals/${id}`)).json()) as { investors: { slug: string | null }[] };
      expect(
        deal.investors.map((i) => i.slug),
        `deal ${id}`,
      ).toContain("amazon");
    }
  });

  test("filter deals without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/deals");
    await page.getByRole("form", { name: "Filter deals" }).getByLabel("Investors", { exact: true }).fill("amazon");
    await page.getByRole("checkbox", { name: "Convertible", exact: true }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/investor=amazon.*kind=convertible/);
    const n = amazonRows.filter((r) => r.kind === "convertible").length;
    await expect(page.getByRole("heading", { name: `Deals 1–${n} of ${n}` })).toBeVisible();
    await context.close();
  });

  test("filter by organizations typed by name or alias, without JavaScript", async ({ browser }) => {
    // The form ships no list of organizations: names and aliases go in plain text fields, and the server resolves them.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/deals");
    const form = page.getByRole("form", { name: "Filter deals" });
    await form.getByLabel("Investors", { exact: true }).fill("Amazon");
    await form.getByLabel("Recipient", { exact: true }).fill("Anthropic PBC");
    await form.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/investor=amazon&recipient=anthropic/);
    const n = amazonRows.filter((r) => r.recipient === "Anthropic").length;
    expect(n).toBeGreaterThan(1);
    await expect(page.getByRole("heading", { name: `Deals 1–${n} of ${n}` })).toBeVisible();
    // The chosen organizations show by name in the form that comes back.
    await expect(form.getByLabel("Investors", { exact: true })).toHaveValue("Amazon");
    await expect(form.getByLabel("Recipient", { exact: true })).toHaveValue("Anthropic");
    await context.close();
  });

  test("share a filtered URL", async ({ page, browser }) => {
    await page.goto("/deals?investor=amazon&kind=equity&view=table&sort=amount_desc");
    const ids = await listedDealIds(page);
    expect(ids.length).toBe(amazonRows.filter((r) => r.kind === "equity").length);

    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(page.url());
    expect(await listedDealIds(other)).toEqual(ids);
    await expect(other.getByRole("columnheader", { name: /Amount/ })).toHaveAttribute("aria-sort", "descending");
    await expect(other.getByRole("checkbox", { name: "Equity", exact: true })).toBeChecked();
    await context.close();
  });

  test("open a deal from the timeline", async ({ page }) => {
    await page.goto("/deals?investor=amazon");
    const february = page.getByRole("region", { name: "Feb 2026" });
    await february
      .getByRole("link", { name: /Amazon → OpenAI/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/deals\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: /Amazon → OpenAI/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Lifecycle" })).toBeVisible();
    const related = page.getByRole("region", { name: "Related deals" });
    await expect(related.getByRole("heading", { name: "Other deals of OpenAI" })).toBeVisible();
    // Amazon's deals with Anthropic share its investor.
    await expect(
      related
        .getByRole("region", { name: "Deals sharing an investor" })
        .getByRole("link", { name: /Amazon → Anthropic/ })
        .first(),
    ).toBeVisible();
  });

  test("group the timeline by quarter", async ({ page }) => {
    await page.goto("/deals?investor=amazon");
    await page.getByRole("link", { name: "By quarter" }).click();
    await expect(page).toHaveURL(/group=quarter/);
    await expect(page.getByRole("heading", { name: "Q1 2026" })).toBeVisible();
    await expect(page.getByRole("link", { name: "By quarter" })).toHaveAttribute("aria-current", "page");
  });

  test("download the CSV of a view", async ({ page }) => {
    await page.goto("/deals?investor=amazon&kind=equity");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe("deals-investor-amazon-kind-equity.csv");
    const rows = parse(readFileSync(await download.path(), "utf8"), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...DEAL_CSV_ALL_COLUMNS]);
    const expected = amazonRows.filter((r) => r.kind === "equity");
    expect(rows.map((r) => r.round).sort()).toEqual(expected.map((r) => r.round).sort());
    expect(rows.every((r) => investorNames(r).includes("Amazon"))).toBe(true);
  });

  test("sort the table by a column", async ({ page }) => {
    await page.goto("/deals?view=table");
    await expect(page.getByRole("columnheader", { name: /Date/ })).toHaveAttribute("aria-sort", "descending");
    await page.getByRole("link", { name: /^Amount/ }).click();
    await expect(page).toHaveURL(/sort=amount_desc/);
    const amount = page.getByRole("columnheader", { name: /Amount/ });
    await expect(amount).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("columnheader", { name: /Date/ })).not.toHaveAttribute("aria-sort", /.+/);
    // The largest counted amount of the seed (low figure, or the "up to" one) comes first.
    const largest = [...seedRows].sort((a, b) =>
      Number(BigInt(b.amount_usd_low || b.amount_usd_high || "0") - BigInt(a.amount_usd_low || a.amount_usd_high || "0")),
    )[0];
    const firstRow = page.getByRole("row").nth(1);
    await expect(firstRow.getByRole("link")).toContainText(largest.recipient.replace(/ \(.*\)$/, ""));
    await page.getByRole("link", { name: /^Amount/ }).click();
    await expect(page).toHaveURL(/sort=amount_asc/);
    await expect(amount).toHaveAttribute("aria-sort", "ascending");
  });

  test("page through the deals", async ({ page }) => {
    await page.goto("/deals?pageSize=40");
    await expect(page.getByRole("heading", { name: `Deals 1–40 of ${seedRows.length}` })).toBeVisible();
    await page.getByRole("navigation", { name: "Pages of deals" }).getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByRole("heading", { name: `Deals 41–80 of ${seedRows.length}` })).toBeVisible();
  });

  test("search the deals with the keyboard", async ({ page }) => {
    await page.goto("/deals");
    await page.getByLabel("Search", { exact: true }).fill("Colossus");
    await page.getByLabel("Search", { exact: true }).press("Enter");
    await expect(page).toHaveURL(/q=Colossus/);
    const expected = seedRows.filter((r) =>
      [r.recipient, r.investors, r.round, r.summary].some((v) => v.toLowerCase().includes("colossus")),
    );
    await expect(page.getByRole("heading", { name: `Deals 1–${expected.length} of ${expected.length}` })).toBeVisible();
  });

  test("a malformed address shows a notice and the defaults", async ({ page }) => {
    const response = await page.goto("/deals?kind=shares&page=zero&sort=name&view=grid");
    expect(response?.status()).toBe(200);
    const notice = page.getByRole("status").filter({ hasText: "was not understood" });
    await expect(notice).toBeVisible();
    for (const text of ["kind=shares", "page=zero", "sort=name", "view=grid"]) await expect(notice.getByText(text)).toBeVisible();
    await expect(page.getByRole("heading", { name: `Deals 1–25 of ${seedRows.length}` })).toBeVisible();
    await expect(page.getByRole("link", { name: "Timeline" })).toHaveAttribute("aria-current", "page");
  });

  test("an empty result says why and offers to clear the filters", async ({ page }) => {
    await page.goto("/deals?investor=amazon&kind=acquisition");
    const results = page.getByRole("region", { name: "No deals" });
    await expect(results.getByText("No deal matches all of these filters: Investor: Amazon; Kind: Acquisition.")).toBeVisible();
    await results.getByRole("link", { name: "Clear all filters" }).click();
    await expect(page).toHaveURL(/\/deals$/);
    await expect(page.getByRole("heading", { name: `Deals 1–25 of ${seedRows.length}` })).toBeVisible();
  });

  test("removes one filter at a time", async ({ page }) => {
    await page.goto("/deals?investor=amazon&kind=acquisition");
    await page.getByRole("link", { name: "Remove filter Kind: Acquisition" }).click();
    await expect(page).toHaveURL(/\/deals\?investor=amazon$/);
    await expect(page.getByRole("heading", { name: `Deals 1–${amazonRows.length} of ${amazonRows.length}` })).toBeVisible();
  });

  test("lists the same deals as /api/deals for the same URL", async ({ page, request }) => {
    for (const query of [
      "",
      "investor=amazon",
      "investor=amazon&investor=google&sort=amount_desc&view=table",
      "kind=compute_commitment&from=2025-01-01&pageSize=5&page=2",
      "q=OpenAI&status=closed&min=1000000000",
    ]) {
      await page.goto(`/deals?${query}`);
      const api = await (await request.get(`/api/deals?${query}`)).json();
      expect(await listedDealIds(page), query).toEqual(api.data.map((d: { id: number }) => d.id));
      if (api.total > 0) await expect(page.getByRole("heading", { name: new RegExp(`of ${formatNumber(api.total)}$`) })).toBeVisible();
    }
  });

  test("a missing deal is a 404 page", async ({ page, request }) => {
    for (const path of ["/deals/999999", "/deals/abc", "/deals/0"]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
    const response = await page.goto("/deals/999999");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveURL(/\/deals\/999999$/);

    const { data } = await (await request.get("/api/deals?pageSize=1")).json();
    expect((await request.get(`/deals/${data[0].id}`)).status()).toBe(200);
  });

  test("the overview headline equals /api/stats/summary", async ({ page, request }) => {
    const summary = await (await request.get("/api/stats/summary")).json();
    await page.goto("/");
    const figures = page.getByRole("region", { name: "Headline figures" });
    await expect(figures.getByText(formatUsd(summary.capitalCountedUsd), { exact: true })).toBeVisible();
    await expect(figures.getByText(formatNumber(summary.dealCount), { exact: true })).toBeVisible();
    await expect(figures.getByText(new RegExp(`^${summary.countedDealCount} equity and convertible deals`))).toBeVisible();
    await page.goto("/deals");
    await expect(
      page.getByRole("region", { name: "Figures for these filters" }).getByText(formatUsd(summary.capitalCountedUsd), { exact: true }),
    ).toBeVisible();
  });

  const pagesToCheck: [string, string][] = [
    ["the timeline", "/deals"],
    ["the table", "/deals?view=table&investor=amazon"],
    ["an empty result", "/deals?investor=amazon&kind=acquisition"],
    ["a malformed address", "/deals?kind=shares"],
    ["a deal", "deal"],
  ];
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [name, target] of pagesToCheck) {
      test(`${name} has no accessibility violations in ${colorScheme} mode`, async ({ page, request }) => {
        // axe walks every one of the ~150 form controls of /deals: allow for a busy two-core machine.
        test.slow();
        await page.emulateMedia({ colorScheme });
        const path =
          target === "deal"
            ? `/deals/${(await (await request.get("/api/deals?investor=amazon&recipient=openai")).json()).data[0].id}`
            : target;
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      });
    }
  }
});

test.describe("the deal explorer on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test("fits the screen and folds the filters", async ({ page }) => {
    for (const path of ["/deals", "/deals?view=table", "/deals?investor=amazon"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Deals" })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await expect(page.getByLabel("Search", { exact: true })).toBeHidden();
    await page.getByText(/^Show the filters/).click();
    await expect(page.getByLabel("Search", { exact: true })).toBeVisible();
  });
});
