import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { FIRST_LOAD_BUDGET_KB } from "../../bench/browser";

// The chart library (about 130 kB gzipped of Recharts) is the heaviest script on the site. The bar and line charts are
// drawn on the server as SVG, so no page downloads it to load: only the Sankey diagram uses it, as an island loaded
// when the diagram comes near the viewport. Pages must not pull it in through their own imports nor through a
// prefetching link to a chart page. bench/browser.ts measures the sizes at scale; this guards the rules and budgets.

/** Every script the page downloads until the network is idle. */
async function scriptsUntilIdle(page: Page, path: string, then?: () => Promise<void>): Promise<{ url: string; body: Buffer }[]> {
  const bodies: Promise<{ url: string; body: Buffer }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body().then((body) => ({ url: response.url(), body })));
  });
  await page.goto(path, { waitUntil: "networkidle" });
  if (then) await then();
  return Promise.all(bodies);
}

const usesRecharts = (body: Buffer) => body.toString("utf8").includes("recharts-");
const gzipKb = (scripts: { body: Buffer }[]) => scripts.reduce((sum, s) => sum + gzipSync(s.body).length, 0) / 1024;

/** The budgets bench/browser.ts measures against (gzipped): 150 kB for chart pages too, since the charts are server-drawn SVG. */
const BUDGET_KB = FIRST_LOAD_BUDGET_KB;

test.describe("first-load JavaScript", () => {
  test("the Sankey diagram downloads the chart library when it scrolls into view (the check below can see it)", async ({ page }) => {
    const scripts = await scriptsUntilIdle(page, "/analysis/flows", async () => {
      // Near the top of the page, the island may swap its placeholder for the diagram while it is scrolled to.
      const sankey = page.getByRole("figure", { name: /Sankey diagram/ });
      await expect(async () => {
        await sankey.scrollIntoViewIfNeeded();
        await expect(sankey.locator("svg").first()).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
    });
    expect(scripts.some((s) => usesRecharts(s.body))).toBe(true);
  });

  for (const path of ["/", "/analysis", "/investors/amazon", "/companies/openai", "/embed/network", "/embed/capital-by-period"]) {
    test(`${path} draws its charts without the chart library, within ${BUDGET_KB.charts} kB`, async ({ page }) => {
      const scripts = await scriptsUntilIdle(page, path);
      await expect(page.locator("svg[data-chart-plot]").first()).toBeVisible();
      expect(scripts.filter((s) => usesRecharts(s.body)).map((s) => s.url)).toEqual([]);
      expect(gzipKb(scripts)).toBeLessThanOrEqual(BUDGET_KB.charts);
    });
  }

  for (const path of ["/deals", "/deals/1", "/investors", "/methodology"]) {
    test(`${path} downloads no chart library, within ${BUDGET_KB.noCharts} kB`, async ({ page }) => {
      const scripts = await scriptsUntilIdle(page, path);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((s) => usesRecharts(s.body)).map((s) => s.url)).toEqual([]);
      expect(gzipKb(scripts)).toBeLessThanOrEqual(BUDGET_KB.noCharts);
    });
  }
});
