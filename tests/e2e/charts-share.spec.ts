// Charts people cite and reuse: when the data last changed, Link / Embed / Cite with copy buttons and a text fallback
// without JavaScript, and embed snippets whose frames fit their chart from another origin.
import { createServer, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "./settings";

const OTHER_PORT = Number(process.env.E2E_OTHER_PORT ?? 3242);
const APP = `http://127.0.0.1:${E2E_PORT}`;
const INSTANT = /Data last changed \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC\./;

// Every chart with an embed: its page and its frame's id.
const CHARTS = [
  { page: "/", id: "capital-by-quarter" },
  { page: "/analysis", id: "hhi" },
  { page: "/analysis/top-shares", id: "top-shares" },
  { page: "/analysis/flows", id: "flows" },
  { page: "/analysis/circular-flows", id: "circular-flows" },
  { page: "/analysis/kinds", id: "capital-by-kind" },
  { page: "/analysis/network", id: "network" },
  { page: "/investors/amazon", id: "investor-capital" },
  { page: "/companies/openai", id: "funding-rounds" },
];

test.describe("charts people cite and reuse", () => {
  test("every page and embed says when the data last changed; a deal page when the deal was last edited", async ({ page }) => {
    for (const path of [
      "/",
      "/analysis",
      "/deals",
      "/investors",
      "/companies/openai",
      "/changes",
      "/methodology",
      "/embed/concentration",
    ]) {
      await page.goto(path);
      await expect(page.locator("[data-freshness]"), path).toHaveText(INSTANT);
    }
    await page.goto("/deals?investor=amazon&recipient=openai&kind=equity&view=table");
    await page.getByRole("link", { name: "Amazon → OpenAI" }).first().click();
    await expect(page.locator("[data-freshness]")).toContainText(
      /This deal was last edited \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC\./,
    );
  });

  test("Link, Embed and Cite copy their text to the clipboard", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.goto("/analysis?side=investor");
    const hhi = page.locator("#hhi");

    await hhi.getByRole("button", { name: /^Copy link to/ }).click();
    await expect(hhi.getByRole("button", { name: /^Copied link to/ })).toBeVisible();
    expect(await clipboard()).toBe(`${APP}/analysis?side=investor#hhi`);

    await hhi.locator("summary", { hasText: "Embed" }).click();
    await hhi.getByRole("button", { name: /Copy embed/ }).click();
    await expect(hhi.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
    const snippet = await clipboard();
    expect(snippet).toBe(await hhi.getByLabel("Paste this into your page").inputValue());
    expect(snippet).toContain(`<iframe src="${APP}/embed/concentration?side=investor"`);

    await hhi.locator("summary", { hasText: "Cite" }).click();
    await hhi.getByRole("button", { name: /Copy cite/ }).click();
    const citation = await clipboard();
    const title = (await hhi.getByRole("heading").first().innerText()).trim();
    expect(citation).toContain(`AI Deal Tracker, “${title}”, data as of `);
    expect(citation).toMatch(/data as of \d{1,2} [A-Z][a-z]{2} \d{4}, /);
    expect(citation).toContain(`${APP}/analysis?side=investor#hhi.`);
  });

  test("without JavaScript, the embed snippet and the citation are text to select", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${APP}/analysis`);
    const hhi = page.locator("#hhi");
    await hhi.locator("summary", { hasText: "Cite" }).click();
    await expect(hhi.getByLabel("Citation")).toHaveValue(/^AI Deal Tracker, “.+”, data as of .+, #hhi\.$/);
    await hhi.locator("summary", { hasText: "Embed" }).click();
    await expect(hhi.getByLabel("Paste this into your page")).toHaveValue(/<iframe src="\/embed\/concentration\??"/);
    await expect(hhi.getByRole("button", { name: /^Copy/ })).toHaveCount(0);
    await context.close();
  });

  test("each chart's snippet framed on another origin shows the whole chart with no inner scroll, and posts its height", async ({
    page,
  }) => {
    const snippets: string[] = [];
    for (const { page: path, id } of CHARTS) {
      if (page.url() !== `${APP}${path}`) await page.goto(path);
      await page.locator(`#${id} summary`, { hasText: "Embed" }).click();
      snippets.push(await page.locator(`#${id}`).getByLabel("Paste this into your page").inputValue());
      await page.locator(`#${id} summary`, { hasText: "Embed" }).click();
    }
    const html = `<!doctype html><title>Someone else's article</title><body style="margin:0">
      ${snippets.map((s, i) => s.replace("<iframe ", `<iframe id="f${i}" `).replace(' loading="lazy"', "")).join("\n")}
      <script>window.heights = {}; addEventListener("message", (e) => {
        if (e.data && e.data.type === "ai-deal-tracker:embed-height") window.heights[e.data.href] = e.data.height;
      });</script>`;
    const server: Server = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
    await new Promise<void>((resolve) => server.listen(OTHER_PORT, "127.0.0.1", resolve));
    try {
      await page.goto(`http://127.0.0.1:${OTHER_PORT}/`);
      for (let i = 0; i < CHARTS.length; i++) {
        const frame = page.frameLocator(`#f${i}`);
        await expect(frame.locator("[data-freshness]"), CHARTS[i].id).toBeVisible();
        const { scroll, client, href } = await frame.locator("html").evaluate((root) => ({
          scroll: root.scrollHeight,
          client: root.clientHeight,
          href: window.location.href,
        }));
        expect(scroll, `${CHARTS[i].id}: no inner scroll`).toBeLessThanOrEqual(client);
        // The posted height is what the content needs: at most the frame's, and close to it (the frame fits).
        await expect
          .poll(() => page.evaluate((h) => (window as unknown as { heights: Record<string, number> }).heights[h], href))
          .toBeGreaterThan(0);
        const posted = await page.evaluate((h) => (window as unknown as { heights: Record<string, number> }).heights[h], href);
        expect(posted, CHARTS[i].id).toBeLessThanOrEqual(client);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("a keyboard user tabs to a bar and reads its exact figures, the same the table lists", async ({ page }) => {
    await page.goto("/");
    const frame = page.locator("#capital-by-quarter");
    // The frame's last action comes just before the drawing in the tab order.
    await frame.locator("summary", { hasText: "Cite" }).focus();
    await page.keyboard.press("Tab");
    const first = frame.locator(".chart-column").first();
    await expect(first).toBeFocused();
    // The drawn tooltip is the tab stop's one text: a screen reader reads it there, and focus draws it.
    const tooltip = first.locator("span");
    await expect(tooltip).toBeVisible();
    expect((await tooltip.boundingBox())?.height).toBeGreaterThan(20);
    const firstRow = frame.locator("tbody tr").first();
    const period = (await firstRow.locator("th").textContent())?.trim() ?? "";
    const total = (await firstRow.locator("td").last().textContent())?.trim() ?? "";
    expect(total).toMatch(/^\$\d{1,3}(,\d{3})*$/);
    await expect(tooltip).toContainText(period);
    await expect(tooltip).toContainText(total);
    // A screen reader reads those figures on the same tab stop, written once.
    expect(await first.textContent()).toBe(await tooltip.textContent());
    await page.keyboard.press("Tab");
    await expect(frame.locator(".chart-column").nth(1)).toBeFocused();
    // Away from focus it is visually hidden (clipped to a pixel), still in the page for screen readers.
    await expect.poll(async () => (await tooltip.boundingBox())?.height).toBeLessThanOrEqual(1);
  });

  test("each chart's caption states its takeaway from the figures it draws", async ({ page }) => {
    await page.goto("/analysis");
    // The takeaway states the figures of the table's last row: the same rows the chart draws.
    const hhi = page.locator("#hhi");
    const last = hhi.locator("tbody tr").last();
    const [year, index, reading] = await Promise.all([
      last.locator("th").textContent(),
      last.locator("td").first().textContent(),
      last.locator("td").nth(1).textContent(),
    ]);
    // The top shares are drawn on their own page; /analysis says their takeaway in its line linking there.
    const summary = (await page.locator("#top-shares").textContent()) ?? "";
    await page.goto("/analysis/top-shares");
    const share = (await page.locator("#top-shares tbody tr").last().locator("td").first().textContent())?.trim();
    const topShares = new RegExp(
      `^${year?.trim()}: the top 1 recipient took ${share?.replace(".", "\\.")}, the top 3 [\\d.]+%, the top 5 [\\d.]+% of \\$[\\d.]+B\\.$`,
    );
    await expect(page.locator("#top-shares [data-takeaway]")).toHaveText(topShares);
    expect(summary).toContain((await page.locator("#top-shares [data-takeaway]").textContent()) as string);
    await page.goto("/analysis");
    await expect(hhi.locator("[data-takeaway]")).toHaveText(
      new RegExp(
        `^${year?.trim()}: [^;]+ took ${share?.replace(".", "\\.")} of \\$[\\d.]+B; HHI ${index?.trim()}, ${reading?.trim().toLowerCase()}\\.$`,
      ),
    );
    await page.goto("/analysis/flows");
    await expect(page.locator("#flows [data-takeaway]")).toHaveText(/^Largest flow: .+ → .+, \$[\d.]+[BM]\.$/);
    await page.goto("/embed/concentration");
    await expect(page.locator("[data-takeaway]")).toHaveText(new RegExp(`^${year?.trim()}: [^;]+ took ${share?.replace(".", "\\.")} of`));
  });

  test("a downloaded PNG and SVG stand alone: title, what is counted, legend, data date and source line", async ({ page }) => {
    await page.goto("/companies/openai?asOf=2026-03-01");
    const frame = page.locator("#funding-rounds");
    await expect(frame.locator("path.chart-bars")).toBeVisible();
    const [png] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: /Download PNG/ }).click()]);
    expect(png.suggestedFilename()).toBe("funding-rounds.png");
    expect([...(await readDownload(png)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const [svg] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: /Download SVG/ }).click()]);
    const markup = (await readDownload(svg)).toString("utf8");
    const texts = (kind: string) =>
      [...markup.matchAll(new RegExp(`<text[^>]*data-export="${kind}"[^>]*>([^<]*)</text>`, "g"))].map((m) => m[1]);
    expect(markup).toContain("OpenAI: counted funding per round, with post-money valuation");
    expect(texts("counted").join(" ")).toContain("Bars: each round’s counted equity and convertible deals");
    expect(texts("legend")).toEqual(["Counted round amount", "Post-money valuation"]);
    expect(texts("footer").join(" ")).toMatch(
      /As reported on 1 Mar 2026\. Data last changed \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC\./,
    );
    expect(texts("source").join(" ")).toContain(`${APP}/companies/openai?asOf=2026-03-01#funding-rounds`);
    expect(markup).toContain("Source: AI Deal Tracker,");
  });

  test("round dates sit on a time scale, and a link without JavaScript switches the values to log scales", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${APP}/companies/openai`);
    const frame = page.locator("#funding-rounds");
    // Columns are as wide as the time to their neighbours: irregular dates make unequal columns.
    const widths = await frame
      .locator(".chart-column")
      .evaluateAll((marks) => marks.map((m) => Math.round(m.getBoundingClientRect().width)));
    expect(widths.length).toBeGreaterThan(3);
    expect(new Set(widths).size).toBeGreaterThan(2);
    // The x axis labels years, not each round date.
    await expect(
      frame
        .locator("[data-chart-text]")
        .filter({ hasText: /^20\d\d$/ })
        .first(),
    ).toBeVisible();
    const linear = await frame.locator("path.chart-bars").getAttribute("d");
    await frame.getByRole("link", { name: /^Log scale/ }).click();
    await expect(page).toHaveURL(/\/companies\/openai\?scale=log#funding-rounds$/);
    await expect(frame.getByRole("figure")).toHaveAttribute("aria-label", /on log scales$/);
    expect(await frame.locator("path.chart-bars").getAttribute("d")).not.toBe(linear);
    // Powers of ten on the axis.
    await expect(
      frame
        .locator("[data-chart-text]")
        .filter({ hasText: /^\$1B$/ })
        .first(),
    ).toBeVisible();
    await expect(frame.getByRole("link", { name: /^Linear scale/ })).toBeVisible();
    await context.close();
  });
});

async function readDownload(download: import("@playwright/test").Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
