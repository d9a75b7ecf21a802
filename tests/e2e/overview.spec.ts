import AxeBuilder from "@axe-core/playwright";
import { devices, expect, test } from "@playwright/test";
import { formatNumber, formatUsd } from "@/lib/format";
import { barCount } from "./chart-marks";
import { seedCapitalCounted, seedDealCount } from "./seed-facts";

test.describe("the overview", () => {
  test("shows the headline figures of the real seed", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Where AI capital goes" })).toBeVisible();
    const figures = page.getByRole("region", { name: "Headline figures" });
    await expect(figures.getByText(formatUsd(seedCapitalCounted), { exact: true })).toBeVisible();
    await expect(figures.getByText(formatNumber(seedDealCount), { exact: true })).toBeVisible();
    await expect(figures.getByText(/Largest investor by capital/)).toBeVisible();
    await expect(figures.getByText(/^Recipient HHI, \d{4}$/)).toBeVisible();
  });

  test("draws capital by quarter, with its data as a table and as CSV that adds up to the headline", async ({ page, request }) => {
    await page.goto("/");
    const chart = page.getByRole("figure", { name: /capital counted per quarter/ });
    // The bars are drawn on the server: one path per kind, one closed rectangle per quarter that has some.
    await expect(chart.locator("path.chart-bars").first()).toBeVisible();
    expect(await barCount(chart)).toBeGreaterThan(10);
    // Each quarter's column carries its figures as a tooltip (shown on hover and focus).
    await expect(chart.locator(".chart-column > span").filter({ hasText: /^Q1 2026\n/ })).toHaveCount(1);

    await page.getByText("Show the data as a table").click();
    const table = page.getByRole("table", { name: "Capital counted by quarter, by kind" });
    await expect(table.getByRole("rowheader", { name: "Q1 2026" })).toBeVisible();

    const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
    const response = await request.get(href as string);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("period,equity_usd,convertible_usd,total_usd");
    const total = lines.slice(1).reduce((sum, line) => sum + BigInt(line.split(",").at(-1) as string), 0n);
    expect(total).toBe(seedCapitalCounted);
  });

  test("switches commitments in as their own series and back, in the URL", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Add commitments and other kinds" }).click();
    await expect(page).toHaveURL(/include=commitments/);
    await expect(page.getByRole("heading", { name: "Capital and commitments by quarter, by kind" })).toBeVisible();
    await expect(
      page.getByRole("figure", { name: /capital and commitments per quarter/ }).getByText("Compute commitment", { exact: true }),
    ).toBeVisible();
    await page.getByRole("link", { name: "Show capital only" }).click();
    await expect(page.getByRole("heading", { name: "Capital counted by quarter, by kind" })).toBeVisible();
  });

  test("links the latest deals and status changes to their deal pages", async ({ page }) => {
    await page.goto("/");
    const changes = page.getByRole("region", { name: "Latest status changes" });
    await changes
      .getByRole("link", { name: /Amazon → OpenAI/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/deals\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: /Amazon → OpenAI/ })).toBeVisible();
    const lifecycle = page.getByRole("region", { name: "Lifecycle" });
    await expect(lifecycle.getByText("Up to $50B")).toBeVisible();
    await expect(lifecycle.getByText("About $10B")).toBeVisible();

    await page.goto("/");
    const latest = page.getByRole("region", { name: "Latest deals" });
    await latest.getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
  });

  test("can be used with the keyboard", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "AI Deal Tracker" })).toBeFocused();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`has no accessibility violations in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/");
      // Paint the computed background on a canvas to read it as RGB, whatever colour space CSS reports it in.
      const [r, g, b] = await page.evaluate(() => {
        const context = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
        context.fillStyle = getComputedStyle(document.body).backgroundColor;
        context.fillRect(0, 0, 1, 1);
        return Array.from(context.getImageData(0, 0, 1, 1).data);
      });
      const luminance = (r + g + b) / 3;
      if (colorScheme === "dark") expect(luminance).toBeLessThan(40);
      else expect(luminance).toBeGreaterThan(240);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }

  test("a deal page has no accessibility violations", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("region", { name: "Latest deals" }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Lifecycle" })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe("the overview on a phone", () => {
  // The phone's size, touch and user agent, in the Chromium the suite already runs.
  const { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent } = devices["Pixel 7"];
  test.use({ viewport, deviceScaleFactor, isMobile, hasTouch, userAgent });

  test("fits the screen without sideways scrolling", async ({ page }) => {
    await page.goto("/");
    await expect(
      page
        .getByRole("figure", { name: /capital counted per quarter/ })
        .locator("path.chart-bars")
        .first(),
    ).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("link", { name: "Overview" })).toBeVisible();
  });
});

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/", "/api/health", "/login"]) {
    const headers = (await request.get(path)).headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toMatch(/https?:\/\//);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  // Behind a TLS-terminating proxy, HSTS is added.
  const overHttps = (await request.get("/", { headers: { "x-forwarded-proto": "https" } })).headers();
  expect(overHttps["strict-transport-security"]).toContain("max-age=");
});

test("the running app uses WAL, a busy timeout, synchronous NORMAL and foreign keys", async ({ request }) => {
  const health = await (await request.get("/api/health")).json();
  // synchronous: 1 is NORMAL.
  expect(health.sqlite).toEqual({ journalMode: "wal", busyTimeoutMs: 10000, synchronous: 1, foreignKeys: true });
});
