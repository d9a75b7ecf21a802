import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Download, type Locator, type Page } from "@playwright/test";
import { ANALYSIS_SECTIONS } from "@/lib/filters/analysis-view";
import { formatNumber, formatPeriod, formatShare, formatUsdExact } from "@/lib/format";
import { seedRecipientTotals } from "./seed-facts";

// The Sankey diagram is drawn after it scrolls into view, which can take a while on a busy two-core machine.
const DRAWN = { timeout: 20_000 };
const HHI_YEAR = "Herfindahl-Hirschman index of recipients per year";
const SHARES_YEAR = "Share of counted capital held by the top 1, 3 and 5 recipients per year";

function chart(page: Page, title: string | RegExp): Locator {
  return page.getByRole("region", { name: title });
}

async function openTable(region: Locator): Promise<Locator> {
  await region.getByText("Show the data as a table").click();
  return region.getByRole("table");
}

/**
 * Waits for /analysis/flows's Sankey diagram to be drawn. It is near the top of the page, so the island may swap its
 * placeholder for the diagram while the page is scrolled to it: scroll again until the drawing is there.
 */
async function sankeyDrawn(page: Page): Promise<void> {
  const sankey = page.getByRole("figure", { name: /Sankey diagram/ });
  await expect(async () => {
    await sankey.scrollIntoViewIfNeeded();
    await expect(sankey.locator("svg").first()).toBeVisible({ timeout: 2_000 });
  }).toPass(DRAWN);
}

async function downloadedText(download: Download): Promise<Buffer> {
  return readFileSync((await download.path()) as string);
}

/** The top-1 share of a year straight from the CSV: the largest recipient's part of the year's counted capital. */
function topShare(totals: Map<string, bigint>): { name: string; share: string } {
  const entries = [...totals.entries()].sort((a, b) => (a[1] > b[1] ? -1 : 1));
  const total = entries.reduce((s, [, a]) => s + a, 0n);
  return { name: entries[0][0], share: formatShare(Number(entries[0][1]) / Number(total)) };
}

test.describe("the analysis", () => {
  test("switches the period grain from years to quarters, in the URL", async ({ page }) => {
    await page.goto("/analysis");
    const yearly = await openTable(chart(page, HHI_YEAR));
    await expect(yearly.getByRole("rowheader", { name: "2025", exact: true })).toBeVisible();

    await page.getByLabel("Period").selectOption("quarter");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/grain=quarter/);
    const quarterly = await openTable(chart(page, "Herfindahl-Hirschman index of recipients per quarter"));
    await expect(quarterly.getByRole("rowheader", { name: "Q1 2026" })).toBeVisible();
    await expect(quarterly.getByRole("rowheader", { name: "2025", exact: true })).toHaveCount(0);
  });

  test("excludes OpenAI and sees the shares of the rest of the market", async ({ page }) => {
    const before = topShare(seedRecipientTotals("2025"));
    // Without OpenAI: what it received and its own investment (it was CoreWeave's only investor) both go.
    const after = topShare(seedRecipientTotals("2025", (r) => r.recipient === "OpenAI" || r.investors === "OpenAI"));
    expect(after.share).not.toBe(before.share);

    await page.goto("/analysis/top-shares");
    let table = await openTable(chart(page, SHARES_YEAR));
    await expect(table.getByRole("row", { name: /^2025 / })).toContainText(before.share);
    await expect(table.getByRole("row", { name: /^2025 / })).toContainText(before.name);

    await page.goto("/analysis");
    await page
      .getByRole("group", { name: /Exclude organizations/ })
      .getByLabel("OpenAI")
      .check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/exclude=openai/);
    await expect(page.getByRole("region", { name: "What this page counts" })).toContainText("Without OpenAI");
    // The top shares are drawn on their own page, for the same view.
    await page.getByRole("link", { name: "Chart the top shares" }).click();
    await expect(page).toHaveURL(/\/analysis\/top-shares\?exclude=openai$/);
    table = await openTable(chart(page, SHARES_YEAR));
    await expect(table.getByRole("row", { name: /^2025 / })).toContainText(after.share);
    await expect(table.getByRole("row", { name: /^2025 / })).toContainText(after.name);
  });

  test("downloads a chart's CSV whose rows are the rows of its table", async ({ page }) => {
    await page.goto("/analysis");
    const region = chart(page, HHI_YEAR);
    const table = await openTable(region);
    const [download] = await Promise.all([page.waitForEvent("download"), region.getByRole("link", { name: /Download CSV/ }).click()]);
    const [header, ...lines] = (await downloadedText(download)).toString("utf8").trim().split("\n");
    expect(header).toBe("period,total_usd,hhi,top1_share,top3_share,top5_share,largest,largest_usd");
    const bodyRows = table.locator("tbody tr");
    await expect(bodyRows).toHaveCount(lines.length);
    for (const [i, line] of lines.entries()) {
      const [period, total, hhi] = line.split(",");
      const row = bodyRows.nth(i);
      await expect(row.getByRole("rowheader")).toHaveText(formatPeriod(period));
      const cells = row.getByRole("cell");
      await expect(cells.nth(0)).toHaveText(hhi === "" ? "—" : formatNumber(Number(hhi)));
      await expect(cells.nth(3)).toHaveText(formatUsdExact(BigInt(total)));
    }
  });

  test("links to each section's page with the same view, and each links back to it", async ({ page }) => {
    const view = "asOf=2026-03-31&grain=quarter&side=investor&count=all";
    const at = (path: string) => new RegExp(`${path.replaceAll("/", "\\/")}\\?${view.replaceAll("?", "\\?")}$`);
    const sections = [
      { link: "Chart the top shares", path: "/analysis/top-shares", heading: "Top shares of counted capital" },
      { link: "Draw the flows", path: "/analysis/flows", heading: "Capital flows: who put capital into whom" },
      { link: "Chart capital in and spending back per loop", path: "/analysis/circular-flows", heading: /^Circular flows: capital in/ },
      { link: "circular flows, leg by leg", path: "/analysis/loops", heading: /^Circular flows: money invested/ },
      { link: "Draw the network", path: "/analysis/network", heading: "Who funds whom" },
      { link: "Chart the amounts by kind", path: "/analysis/kinds", heading: "Counted amounts by kind" },
    ];
    for (const { link, path, heading } of sections) {
      await page.goto(`/analysis?${view}`);
      await page.getByRole("link", { name: link, exact: true }).click();
      await expect(page).toHaveURL(at(path));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      // The view's date is said, with a way back to the same page today.
      const banner = page.getByRole("complementary", { name: "Date shown" });
      await expect(banner.getByRole("link", { name: "Back to today" })).toHaveAttribute(
        "href",
        `${path}?grain=quarter&side=investor&count=all`,
      );
      await page.getByRole("link", { name: "Back to concentration and flows" }).click();
      await expect(page).toHaveURL(at("/analysis"));
    }
    // Each section's line on /analysis keeps its anchor, so older links to /analysis#flows still land on it.
    await page.goto("/analysis#flows");
    await expect(page.getByRole("region", { name: "Capital flows from investors to recipients" })).toBeInViewport();
  });

  test("serves each section's bare address as its page rendered once per data version, the page rendered per request", async ({
    request,
  }) => {
    const shown = (html: string) => ({
      title: /<title>(.*?)<\/title>/.exec(html)?.[1],
      text: html
        .slice(html.indexOf("<main"))
        .replace(/<script[\s\S]*?<\/script>/g, "")
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " "),
    });
    for (const section of ANALYSIS_SECTIONS) {
      const path = `/analysis/${section}`;
      // proxy.ts marks its rewrite to /v/<data version>; a page rendered per request (any query) is private to it.
      const cached = await request.get(path);
      expect(cached.headers()["cache-control"], path).toBe("no-cache");
      const rendered = await request.get(`${path}?unknown=1`);
      expect(rendered.headers()["cache-control"], path).toContain("private");
      const [fromCache, perRequest] = [shown(await cached.text()), shown(await rendered.text())];
      expect(fromCache.text.length, path).toBeGreaterThan(1000);
      expect(fromCache, path).toEqual(perRequest);
    }
  });

  test("opens a circular flow and follows a leg to its deal", async ({ page }) => {
    await page.goto("/analysis?asOf=2026-03-31");
    // The loops leg by leg are a page of their own, for the same view.
    await page.getByRole("link", { name: "circular flows, leg by leg" }).click();
    await expect(page).toHaveURL(/\/analysis\/loops\?asOf=2026-03-31$/);
    await page.goto("/analysis/loops");
    const loops = page.getByRole("region", { name: "Circular flows, leg by leg" });
    await loops.getByText("Amazon → OpenAI → AWS").click();
    await expect(loops.getByRole("img", { name: /Amazon put \$50B into OpenAI; OpenAI committed \$138B back to AWS/ })).toBeVisible();
    const back = loops.getByRole("table", { name: "Spending back: OpenAI → AWS" });
    // The header, two commitments and the total, the sum of the parts.
    await expect(back.getByRole("row")).toHaveCount(4);
    await expect(back).toContainText("3 Nov 2025");
    await expect(back).toContainText("$100B");
    await back.getByRole("link", { name: "OpenAI → AWS" }).last().click();
    await expect(page).toHaveURL(/\/deals\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: "OpenAI → AWS" })).toBeVisible();
  });

  test("downloads a chart as PNG and as SVG with its colours written in", async ({ page }) => {
    await page.goto("/analysis");
    const region = chart(page, HHI_YEAR);
    await expect(region.locator("path.chart-line").first()).toBeVisible();

    const [png] = await Promise.all([page.waitForEvent("download"), region.getByRole("button", { name: /Download PNG/ }).click()]);
    expect(png.suggestedFilename()).toBe("hhi.png");
    const bytes = await downloadedText(png);
    expect(bytes.length).toBeGreaterThan(5_000);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const [svg] = await Promise.all([page.waitForEvent("download"), region.getByRole("button", { name: /Download SVG/ }).click()]);
    expect(svg.suggestedFilename()).toBe("hhi.svg");
    const markup = (await downloadedText(svg)).toString("utf8");
    expect(markup.startsWith("<svg")).toBe(true);
    expect(markup).toContain(HHI_YEAR);
    expect(markup).toContain("Highly concentrated");
    // Colours are written in as plain rgb(): no CSS variables, no lab() or oklch() that other readers cannot draw.
    expect(markup).not.toMatch(/var\(--|lab\(|oklch\(/);
    expect(markup).toMatch(/fill:rgb\(/);
  });

  test("keeps its view in the address, so a chart link shares it", async ({ page }) => {
    await page.goto("/analysis?grain=quarter&side=investor");
    const region = chart(page, "Herfindahl-Hirschman index of investors per quarter");
    await region.getByRole("link", { name: /Link to this chart/ }).click();
    await expect(page).toHaveURL(/\/analysis\?grain=quarter&side=investor#hhi$/);
    await expect(page.getByLabel("Concentration of")).toHaveValue("investor");
  });

  test("says which parameters it did not understand and shows the default view", async ({ page }) => {
    await page.goto("/analysis?grain=decade");
    await expect(page.getByRole("status").filter({ hasText: "not understood" })).toContainText("grain=decade");
    await expect(chart(page, HHI_YEAR)).toBeVisible();
  });

  test("the overview chart downloads as SVG too", async ({ page }) => {
    await page.goto("/");
    const region = chart(page, "Capital counted by quarter, by kind");
    await expect(region.locator("path.chart-bars").first()).toBeVisible();
    const [svg] = await Promise.all([page.waitForEvent("download"), region.getByRole("button", { name: /Download SVG/ }).click()]);
    const markup = (await downloadedText(svg)).toString("utf8");
    expect(markup).toContain("Equity");
    expect(markup).not.toMatch(/var\(--|lab\(|oklch\(/);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`has no accessibility violations in ${colorScheme} mode, nor its section pages (a loop open)`, async ({ page }) => {
      // Seven pages for axe on a shared two-core machine.
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme });
      const violations = async () =>
        (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      await page.goto("/analysis");
      await expect(chart(page, HHI_YEAR).locator("path.chart-line").first()).toBeVisible();
      expect(await violations()).toEqual([]);
      await page.goto("/analysis/loops");
      await page.getByRole("region", { name: "Circular flows, leg by leg" }).getByText("Microsoft → OpenAI → Microsoft Azure").click();
      expect(await violations()).toEqual([]);
      await page.goto("/analysis/network");
      await expect(page.getByRole("region", { name: /Who funds whom/ }).locator("svg[data-chart-plot]")).toBeVisible();
      expect(await violations()).toEqual([]);
      for (const path of ["/analysis/top-shares", "/analysis/circular-flows", "/analysis/kinds?count=all"]) {
        await page.goto(path);
        await expect(page.locator("svg[data-chart-plot]").first(), path).toBeVisible();
        expect(await violations(), path).toEqual([]);
      }
      await page.goto("/analysis/flows");
      await sankeyDrawn(page);
      expect(await violations()).toEqual([]);
    });
  }
});

test.describe("the analysis on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });

  test("fits the screen without sideways scrolling, its flows too", async ({ page }) => {
    await page.goto("/analysis/flows");
    await sankeyDrawn(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.goto("/analysis");
    // The server-drawn charts fill the phone's width, and show only as many period labels as fit side by side.
    const hhi = chart(page, HHI_YEAR).getByRole("figure");
    await expect(hhi.locator("path.chart-line")).toBeVisible();
    const labels = await hhi.locator("[data-chart-text].axis-x").evaluateAll((spans) =>
      spans
        .filter((s) => s.getClientRects().length > 0)
        .map((s) => s.getBoundingClientRect())
        .map((r) => [r.left, r.right]),
    );
    expect(labels.length).toBeGreaterThan(1);
    for (let i = 1; i < labels.length; i++) expect(labels[i][0]).toBeGreaterThanOrEqual(labels[i - 1][1]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
