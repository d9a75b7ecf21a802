import { expect, test, type Page } from "@playwright/test";
import { formatNumber, formatUsd } from "@/lib/format";
import { seedCapitalCounted, seedDealCount } from "./seed-facts";

// One page of every kind a visitor can open, with what shows that its content is there: its headline figure or list.
const PAGES: { path: string; content: (page: Page) => ReturnType<Page["getByRole"]> }[] = [
  {
    path: "/",
    content: (page) => page.getByRole("region", { name: "Headline figures" }).getByText(formatUsd(seedCapitalCounted), { exact: true }),
  },
  { path: "/?asOf=2026-01-30", content: (page) => page.getByRole("region", { name: "Headline figures" }) },
  {
    path: "/deals",
    content: (page) => page.getByRole("heading", { name: new RegExp(`^Deals 1–\\d+ of ${formatNumber(seedDealCount)}$`) }),
  },
  { path: "/deals/1", content: (page) => page.getByRole("heading", { name: /^Other deals of / }) },
  {
    path: "/investors",
    content: (page) => page.getByRole("table", { name: /Investors ranked/ }).getByRole("link", { name: "Amazon", exact: true }),
  },
  { path: "/investors/amazon", content: (page) => page.getByRole("region", { name: "Headline figures" }) },
  {
    path: "/companies",
    content: (page) => page.getByRole("table", { name: /Companies ranked/ }).getByRole("link", { name: "OpenAI", exact: true }),
  },
  { path: "/companies/openai", content: (page) => page.getByRole("figure", { name: /OpenAI's counted funding per round/ }) },
  { path: "/analysis", content: (page) => page.getByRole("heading", { name: "Largest deals counted" }) },
  { path: "/analysis?grain=quarter", content: (page) => page.getByRole("heading", { name: "Largest deals counted" }) },
  {
    path: "/analysis/loops",
    content: (page) => page.getByRole("region", { name: "Circular flows, leg by leg" }).getByRole("listitem").first(),
  },
  { path: "/analysis/network", content: (page) => page.getByRole("region", { name: /Who funds whom/ }).getByRole("table") },
  {
    path: "/analysis/top-shares?grain=quarter",
    content: (page) => page.getByRole("region", { name: /^Share of counted capital/ }).getByRole("figure"),
  },
  { path: "/analysis/flows", content: (page) => page.getByRole("region", { name: /^Capital flows from investors/ }).getByRole("table") },
  {
    path: "/analysis/circular-flows",
    content: (page) => page.getByRole("region", { name: /^Circular flows: capital invested/ }).getByRole("figure"),
  },
  {
    path: "/analysis/kinds?count=all",
    content: (page) => page.getByRole("region", { name: /^Counted amounts by kind/ }).getByRole("figure"),
  },
  { path: "/methodology", content: (page) => page.getByRole("heading", { level: 1, name: "How every number is counted" }) },
  { path: "/changes", content: (page) => page.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem").first() },
  {
    path: "/search?q=anthropic",
    content: (page) => page.getByRole("region", { name: "Organizations" }).getByRole("link", { name: "Anthropic", exact: true }),
  },
  { path: "/about", content: (page) => page.getByRole("heading", { level: 1, name: "About this tracker" }) },
  { path: "/login", content: (page) => page.getByLabel("Email") },
  { path: "/embed/capital-by-period", content: (page) => page.getByRole("figure").first() },
];

test.describe("every page kind", () => {
  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });
    for (const { path, content } of PAGES) {
      test(`${path} shows its content, not a loading placeholder`, async ({ page }) => {
        await page.goto(path);
        await expect(content(page)).toBeVisible();
        await expect(page.getByText(/^Loading/)).toHaveCount(0);
      });
    }
  });

  test.describe("on a 375 px phone", () => {
    test.use({ viewport: { width: 375, height: 800 } });
    for (const { path, content } of PAGES) {
      test(`${path} has no sideways scroll`, async ({ page }) => {
        await page.goto(path);
        await expect(content(page)).toBeVisible();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      });
    }
  });

  test("every not-found answer, page or API, has status 404", async ({ request }) => {
    for (const path of [
      "/investors/no-such-org",
      "/companies/no-such-org",
      "/deals/999999",
      "/deals/not-a-number",
      "/deals/%ZZ",
      "/investors/%E0%A4%A",
      "/embed/investor-capital/no-such-org",
      "/embed/funding-rounds/no-such-org",
      "/no-such-page",
      "/analysis/no-such-section",
      "/v/1",
      "/v/1/analysis/flows",
      "/api/no-such-endpoint",
      "/api/deals/999999",
      "/api/organizations/no-such-org",
      "/api/organizations/%ZZ",
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
    }
  });

  test("an unknown API address answers JSON in the API's error shape, whatever the method", async ({ request }) => {
    for (const response of [await request.get("/api/no-such-endpoint"), await request.post("/api/stats/no-such-stat", { data: "x" })]) {
      expect(response.status()).toBe(404);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect(await response.json()).toMatchObject({ error: "not found" });
    }
  });

  test("the static files are served from public/ and the pages link them", async ({ page, request }) => {
    for (const [path, type] of [
      ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
      ["/icon.svg", /image\/svg\+xml/],
      ["/robots.txt", /text\/plain/],
      ["/manifest.webmanifest", /application\/manifest\+json/],
      ["/screenshot.png", /image\/png/],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"], path).toMatch(type);
    }
    expect(await (await request.get("/robots.txt")).text()).toContain("Disallow: /admin");
    expect((await (await request.get("/manifest.webmanifest")).json()).name).toBe("AI Deal Tracker");
    await page.goto("/about");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /^\/icon\.svg/);
  });
});
