import { createServer, type Server } from "node:http";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { formatUsd } from "@/lib/format";
import { E2E_PORT } from "./settings";

// A second origin for the framing test: another port of 127.0.0.1 is another origin to the browser.
const OTHER_PORT = Number(process.env.E2E_OTHER_PORT ?? 3241);
const APP = `http://127.0.0.1:${E2E_PORT}`;

const amazonOpenAi = "/deals?investor=amazon&recipient=openai&kind=equity&view=table&sort=amount_desc";

async function dealRows(page: Page) {
  const rows = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
  return rows.allInnerTexts();
}

test.describe("follow the story", () => {
  test("as of 2026-01-30 Amazon -> OpenAI is talks of up to $50B; today it is the $50B commitment in two tranches", async ({ page }) => {
    await page.goto(`${amazonOpenAi}&asOf=2026-01-30`);
    const banner = page.getByRole("complementary", { name: "Date shown" });
    await expect(banner).toContainText("30 Jan 2026");
    const then = await dealRows(page);
    expect(then).toHaveLength(1);
    expect(then[0]).toContain("In talks");
    expect(then[0]).toContain("Up to $50B");

    await banner.getByRole("link", { name: "Back to today" }).click();
    await expect(page).not.toHaveURL(/asOf=/);
    await expect(page).toHaveURL(/investor=amazon/);
    await expect(page.getByRole("complementary", { name: "Date shown" })).toHaveCount(0);
    const today = await dealRows(page);
    expect(today).toHaveLength(2);
    expect(today[0]).toMatch(/\$35B[\s\S]*Announced[\s\S]*conditional tranche/);
    expect(today[0]).not.toContain("In talks");
    expect(today[1]).toMatch(/\$15B[\s\S]*Closed[\s\S]*initial tranche/);
  });

  test("a deal opened from an as-of list shows only what was reported by then; today it shows the 8-K's terms", async ({ page }) => {
    await page.goto(`${amazonOpenAi}&asOf=2026-01-30`);
    // The list's link keeps the date: the deal page opens as of 30 January.
    const row = page.getByRole("row").filter({ hasText: "In talks" });
    await row.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/deals\/\d+\?asOf=2026-01-30$/);
    const dealPath = new URL(page.url()).pathname;

    const article = page.locator("article");
    await expect(page.getByRole("complementary", { name: "Date shown" })).toContainText("30 Jan 2026");
    await expect(article.locator("header").getByText("In talks", { exact: true })).toBeVisible();
    const terms = page.getByRole("region", { name: "Terms" });
    await expect(terms.getByText("Up to $50B", { exact: true })).toBeVisible();
    await expect(terms.getByText("$830B", { exact: true })).toBeVisible();
    await expect(article).toContainText("as much as $50B");
    // Nothing reported after the date: no round name from the 8-K, no $852B close, no 8-K, no later step or source.
    for (const later of ["Series C", "$852B", "8-K", "Closed"]) await expect(article).not.toContainText(later);
    await expect(page).not.toHaveTitle(/Series C/);
    await expect(page.getByRole("note").filter({ hasText: "Reports published after 30 Jan 2026 are left out" })).toBeVisible();
    // Links onward keep the date.
    await expect(page.getByRole("link", { name: /All deals of OpenAI as of 30 Jan 2026/ })).toHaveAttribute(
      "href",
      "/deals?recipient=openai&asOf=2026-01-30",
    );

    await page.getByRole("link", { name: "Back to today" }).click();
    await expect(page).toHaveURL(new RegExp(`${dealPath}$`));
    await expect(article.locator("header").getByText("Closed", { exact: true })).toBeVisible();
    await expect(article.locator("header")).toContainText("(Series C Preferred)");
    await expect(page.getByRole("region", { name: "Terms" }).getByText("$15B", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Terms" }).getByText("$852B", { exact: true })).toBeVisible();
    await expect(article).toContainText("8-K");
    await expect(page).toHaveTitle(/Series C/);
  });

  test("/investors as of a date ranks the deals reported by then, and its links keep the date", async ({ page }) => {
    await page.goto("/investors?asOf=2026-01-30");
    await expect(page.getByRole("complementary", { name: "Date shown" })).toContainText("30 Jan 2026");
    const amazon = page.getByRole("table").getByRole("link", { name: "Amazon", exact: true });
    await expect(amazon).toHaveAttribute("href", "/investors/amazon?asOf=2026-01-30");
    await amazon.click();
    await expect(page).toHaveURL(/\/investors\/amazon\?asOf=2026-01-30$/);
    const dealLinks = await page.locator('a[href^="/deals/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(dealLinks.length).toBeGreaterThan(0);
    for (const href of dealLinks) expect(href).toMatch(/asOf=2026-01-30/);
  });

  test("the main navigation keeps the view's date, and leads to today's pages outside one", async ({ page }) => {
    await page.goto("/investors?asOf=2026-01-30");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Deals", exact: true })).toHaveAttribute("href", "/deals?asOf=2026-01-30");
    await nav.getByRole("link", { name: "Analysis", exact: true }).click();
    await expect(page).toHaveURL(/\/analysis\?asOf=2026-01-30$/);
    await expect(page.getByRole("complementary", { name: "Date shown" })).toContainText("30 Jan 2026");
    await page.goto("/investors");
    await expect(nav.getByRole("link", { name: "Deals", exact: true })).toHaveAttribute("href", "/deals");
  });

  test("the header's date control sets asOf on the current page and keeps its filters", async ({ page }) => {
    await page.goto("/deals?investor=amazon");
    const form = page.getByRole("form", { name: "Show as of a date" });
    await form.getByLabel("As of").fill("2026-01-30");
    await form.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/asOf=2026-01-30/);
    await expect(page).toHaveURL(/investor=amazon/);
    await expect(page.getByRole("complementary", { name: "Date shown" })).toContainText("30 Jan 2026");
    // The field shows the page's date, and another page's once the reader goes there.
    await expect(form.getByLabel("As of")).toHaveValue("2026-01-30");
    await page.goto("/deals?investor=amazon&asOf=2025-06-30");
    await expect(form.getByLabel("As of")).toHaveValue("2025-06-30");
  });

  test("the header's date field is in the page once, outside what streams in later, so a date typed early stays", async ({ request }) => {
    // A field inside the streamed part was first its fallback's, replaced when the part arrived: what the reader had typed
    // into it was gone (the form then sent an empty date).
    const html = await (await request.get("/deals?investor=amazon")).text();
    expect(html.match(/id="as-of-date"/g)).toHaveLength(1);
  });

  test("the header's date control works without JavaScript, on the current page with its filters", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/deals?investor=amazon");
    const form = page.getByRole("form", { name: "Show as of a date" });
    await form.getByLabel("As of").fill("2026-01-30");
    await form.getByRole("button", { name: "Show" }).click();
    // /deals is rendered per request, so its parameters are in the form as sent (a page rendered once sends the date
    // alone).
    await expect(page).toHaveURL(/\/deals\?investor=amazon&asOf=2026-01-30$/);
    await expect(page.getByRole("complementary", { name: "Date shown" })).toContainText("30 Jan 2026");
    await context.close();
  });

  test("the overview as of a date counts the capital the API counts for that date", async ({ page, request }) => {
    for (const asOf of ["2026-01-30", null]) {
      const summary = await (await request.get(`/api/stats/summary${asOf ? `?asOf=${asOf}` : ""}`)).json();
      await page.goto(asOf ? `/?asOf=${asOf}` : "/");
      const figures = page.getByRole("region", { name: "Headline figures" });
      await expect(figures.getByText(formatUsd(summary.capitalCountedUsd), { exact: true })).toBeVisible();
    }
  });

  test("an embed page renders inside another site's frame while the other pages refuse to be framed", async ({ page, request }) => {
    const embed = await request.get("/embed/capital-by-period?asOf=2026-01-30");
    expect(embed.headers()["x-frame-options"]).toBeUndefined();
    expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
    const home = await request.get("/");
    expect(home.headers()["x-frame-options"]).toBe("DENY");
    expect(home.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

    const html = `<!doctype html><title>Someone else's article</title>
      <iframe id="embed" title="embedded chart" src="${APP}/embed/capital-by-period?asOf=2026-01-30" width="800" height="500"></iframe>
      <iframe id="home" title="home page" src="${APP}/" width="800" height="500"></iframe>`;
    const server: Server = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
    await new Promise<void>((resolve) => server.listen(OTHER_PORT, "127.0.0.1", resolve));
    try {
      await page.goto(`http://127.0.0.1:${OTHER_PORT}/`);
      const framed = page.frameLocator("#embed");
      await expect(framed.getByRole("heading", { name: /Capital counted by quarter/ })).toBeVisible();
      await expect(
        framed
          .getByRole("figure", { name: /capital counted per quarter/ })
          .locator("svg")
          .first(),
      ).toBeVisible();
      await expect(framed.getByText("As reported on 30 Jan 2026.")).toBeVisible();
      await expect(framed.getByRole("link", { name: /AI Deal Tracker/ })).toHaveAttribute("href", "/?asOf=2026-01-30#capital-by-quarter");
      // The site's own header is not part of an embed.
      await expect(framed.getByRole("navigation", { name: "Main" })).toHaveCount(0);
      // The browser refuses to render / in the frame: it shows its error page instead of the overview.
      await expect.poll(() => page.frames().map((f) => f.url())).toContain("chrome-error://chromewebdata/");
      await expect(page.frameLocator("#home").getByRole("heading", { name: "Where AI capital goes" })).toHaveCount(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("each chart offers an iframe snippet of its embed page", async ({ page }) => {
    await page.goto("/?asOf=2026-01-30");
    await page.locator("summary", { hasText: "Embed" }).first().click();
    const snippet = await page.getByLabel("Paste this into your page").inputValue();
    expect(snippet).toContain(`<iframe src="${APP}/embed/capital-by-period?include=capital&asOf=2026-01-30"`);
    await page.goto("/analysis");
    await page.locator("#hhi summary", { hasText: "Embed" }).click();
    expect(await page.locator("#hhi").getByLabel("Paste this into your page").inputValue()).toContain(`${APP}/embed/concentration`);
  });

  // Every chart's /embed page: the page's parameters in, the chart drawn alone (no site header), a link back to its anchor.
  const embeds = [
    {
      url: "/embed/capital-by-period?include=commitments&asOf=2026-01-30",
      chart: "Stacked bar chart: capital and commitments per quarter, by kind",
      back: "/?include=commitments&asOf=2026-01-30#capital-by-quarter",
    },
    {
      url: "/embed/concentration?side=investor&asOf=2026-01-30",
      chart: "Line chart: HHI of investors per year, over bands for unconcentrated, moderately and highly concentrated",
      back: "/analysis?asOf=2026-01-30&side=investor#hhi",
    },
    {
      url: "/embed/top-shares?grain=quarter",
      chart: "Line chart: share of counted capital of the top 1, 3 and 5 recipients per quarter",
      back: "/analysis/top-shares?grain=quarter#top-shares",
    },
    {
      url: "/embed/capital-by-kind?count=all&asOf=2026-01-30",
      chart: "Stacked bar chart: counted amounts per year, by kind",
      back: "/analysis/kinds?asOf=2026-01-30&count=all#capital-by-kind",
    },
    {
      url: "/embed/flows?investor=amazon",
      chart: /^Sankey diagram: the \d+ largest flows of counted capital/,
      back: "/analysis/flows?investor=amazon#flows",
    },
    {
      url: "/embed/circular-flows",
      chart: "Bar chart: capital in and spending back for each circular flow",
      back: "/analysis/circular-flows#circular-flows",
    },
    {
      url: "/embed/investor-capital/amazon?grain=quarter&asOf=2026-01-30",
      chart: "Bar chart: capital Amazon put in per quarter, by kind",
      back: "/investors/amazon?grain=quarter&asOf=2026-01-30#investor-capital",
    },
    {
      url: "/embed/funding-rounds/openai?asOf=2026-01-30",
      chart: "Bar and step-line chart: OpenAI's counted funding per round and its post-money valuation",
      back: "/companies/openai?asOf=2026-01-30#funding-rounds",
    },
  ];

  test("every chart's embed page answers 200, may be framed, and draws just its chart with a link back", async ({ page }) => {
    for (const { url, chart, back } of embeds) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      expect((await response?.allHeaders())?.["content-security-policy"], url).toContain("frame-ancestors *");
      await expect(
        page
          .getByRole("figure", { name: chart, exact: typeof chart === "string" })
          .locator("svg")
          .first(),
        url,
      ).toBeVisible();
      await expect(page.getByRole("link", { name: /AI Deal Tracker/ }), url).toHaveAttribute("href", back);
      await expect(page.getByRole("navigation", { name: "Main" }), url).toHaveCount(0);
    }
    expect((await page.goto("/embed/investor-capital/no-such-organization"))?.status()).toBe(404);
  });

  test("every chart on /analysis, its section pages and the organization pages offers its embed", async ({ page }) => {
    for (const [path, id] of [
      ["/analysis", "hhi"],
      ["/analysis/top-shares", "top-shares"],
      ["/analysis/flows", "flows"],
      ["/analysis/circular-flows", "circular-flows"],
      ["/analysis/kinds", "capital-by-kind"],
    ]) {
      await page.goto(`${path}?asOf=2026-01-30`);
      await page.locator(`#${id} summary`, { hasText: "Embed" }).click();
      const snippet = await page.locator(`#${id}`).getByLabel("Paste this into your page").inputValue();
      expect(snippet).toContain(`${APP}/embed/${id === "hhi" ? "concentration" : id}?asOf=2026-01-30"`);
    }
    await page.goto("/investors/amazon?asOf=2026-01-30");
    await page.locator("#investor-capital summary", { hasText: "Embed" }).click();
    expect(await page.locator("#investor-capital").getByLabel("Paste this into your page").inputValue()).toContain(
      `${APP}/embed/investor-capital/amazon?grain=year&asOf=2026-01-30"`,
    );
    await page.goto("/companies/openai");
    await page.locator("#funding-rounds summary", { hasText: "Embed" }).click();
    expect(await page.locator("#funding-rounds").getByLabel("Paste this into your page").inputValue()).toContain(
      `${APP}/embed/funding-rounds/openai"`,
    );
  });

  test("/changes lists changes with links to the deal and the source, and its Atom feed parses", async ({ page, request }) => {
    await page.goto("/changes?investor=amazon&recipient=openai&kind=equity");
    const list = page.getByRole("list", { name: "Changes, newest first" });
    const items = list.getByRole("listitem");
    await expect(items).toHaveCount(5);
    await expect(items.first()).toContainText("Status change");
    await expect(items.first().getByRole("link", { name: "Amazon → OpenAI" })).toHaveAttribute("href", /^\/deals\/\d+$/);
    await expect(items.first().getByRole("link", { name: /^Source:/ })).toHaveAttribute("href", /^https:\/\//);

    const feedHref = await page.getByRole("link", { name: /Follow these changes/ }).getAttribute("href");
    expect(feedHref).toBe("/changes/feed.xml?investor=amazon&recipient=openai&kind=equity");
    const xml = await (await request.get(feedHref as string)).text();
    const checked = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const ns = "http://www.w3.org/2005/Atom";
      const feed = doc.documentElement;
      const own = (el: Element, name: string) => Array.from(el.children).filter((c) => c.namespaceURI === ns && c.localName === name);
      return {
        error: doc.getElementsByTagName("parsererror").length,
        root: feed.localName,
        feed: ["id", "title", "updated"].map((n) => own(feed, n).length),
        entries: own(feed, "entry").map((e) => ({
          required: ["id", "title", "updated"].map((n) => own(e, n).length),
          id: own(e, "id")[0]?.textContent,
          link: own(e, "link")
            .find((l) => l.getAttribute("rel") === "alternate")
            ?.getAttribute("href"),
        })),
      };
    }, xml);
    expect([checked.error, checked.root, checked.feed]).toEqual([0, "feed", [1, 1, 1]]);
    expect(checked.entries).toHaveLength(5);
    for (const entry of checked.entries) {
      expect(entry.required).toEqual([1, 1, 1]);
      expect(entry.id).toMatch(/^tag:127\.0\.0\.1,2026:deal-event-\d+$/);
      expect(entry.link).toMatch(new RegExp(`^${APP.replace(/\./g, "\\.")}/deals/\\d+$`));
    }
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
      "href",
      /\/changes\/feed\.xml\?investor=amazon/,
    );
  });

  test("deal, investor, company and analysis pages carry share cards with a generated PNG", async ({ page, request }) => {
    await page.goto("/deals?investor=amazon&recipient=openai&kind=equity&view=table");
    const dealHref = await page.getByRole("row").filter({ hasText: "initial tranche" }).getByRole("link").first().getAttribute("href");
    for (const path of [dealHref as string, "/investors/amazon", "/companies/openai", "/analysis"]) {
      await page.goto(path);
      const image = await page.locator('meta[property="og:image"]').first().getAttribute("content");
      expect(image).toContain(`${path}/opengraph-image`);
      await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /\$\d/);
      const png = await request.get(new URL(image as string).pathname + new URL(image as string).search);
      expect(png.status()).toBe(200);
      expect(png.headers()["content-type"]).toBe("image/png");
      const body = await png.body();
      expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(body.length).toBeGreaterThan(5_000);
    }
  });

  test("the as-of banner, /changes and an embed page have no accessibility violations", async ({ page }) => {
    test.setTimeout(90_000);
    for (const path of ["/?asOf=2026-01-30", "/changes?investor=amazon", "/embed/concentration?asOf=2026-01-30"]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect([path, results.violations.map((v) => v.id)]).toEqual([path, []]);
    }
  });
});
