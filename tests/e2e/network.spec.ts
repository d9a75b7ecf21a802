// The network of who funds whom, /analysis/network (issue #19): drawn on the server, the seed's six circular flows marked,
// the number of organizations chosen by a link (no script needed), and the edges as a table; plus the direct labels
// on the bar charts and the circular flows' log scale.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "./settings";

const APP = `http://127.0.0.1:${E2E_PORT}`;

// The seed's six loops, as the spending-back edges name them (investor → company).
const SEED_LOOPS = [
  "Amazon → Anthropic",
  "Amazon → OpenAI",
  "Google → Anthropic",
  "Microsoft → Anthropic",
  "Microsoft → OpenAI",
  "Nvidia → Thinking Machines Lab",
];

test.describe("the network of who funds whom", () => {
  test("renders on the seed with the six circular flows marked, and lists every edge in its table", async ({ page }) => {
    // /analysis links to it with its view.
    await page.goto("/analysis?asOf=2026-01-30");
    await page
      .getByRole("region", { name: /Who funds whom/ })
      .getByRole("link", { name: "Draw the network" })
      .click();
    await expect(page).toHaveURL(/\/analysis\/network\?asOf=2026-01-30$/);
    await page.goto("/analysis/network");
    const network = page.getByRole("region", { name: /Who funds whom/ });
    const plot = network.locator("svg[data-chart-plot]");
    await expect(plot).toBeVisible();
    await expect(network.locator("[data-takeaway]")).toHaveText(/^Largest link: .+ → .+, \$[\d.]+B\. 6 circular flows marked\.$/);
    // Each loop has a dashed spending-back edge, named by its loop, and its capital edge is marked too.
    const back = plot.locator('[data-edge="spending_back"]');
    expect((await back.evaluateAll((edges) => edges.map((e) => e.getAttribute("data-loop")))).sort()).toEqual(SEED_LOOPS);
    expect(await plot.locator('[data-edge="capital"][data-loop]').count()).toBeGreaterThanOrEqual(6);
    // Thinking Machines Lab is far from the largest organizations: it is drawn because its loop is.
    await expect(network.getByText(/1 organization is drawn for a circular flow beyond the largest/)).toBeVisible();
    // The table is the keyboard and screen-reader access: a row per edge, the loops' spending back among them.
    const table = network.getByRole("table");
    await expect(table).toBeVisible();
    const edges = await plot.locator("[data-edge]").count();
    await expect(table.locator("tbody tr")).toHaveCount(edges);
    await expect(table.locator("tbody tr", { hasText: "Spending back, circular flow" })).toHaveCount(6);
    await expect(table.locator("tbody tr", { hasText: "to Microsoft Azure" })).toHaveCount(2);
    // The largest organizations are named on the drawing.
    for (const name of ["OpenAI", "Anthropic"]) await expect(network.locator("[data-chart-text]", { hasText: name }).first()).toBeVisible();
  });

  test("is laid out the same for the same data, on every request", async ({ request }) => {
    const drawing = async (path: string) => {
      const html = await (await request.get(path)).text();
      return html.match(/<section id="network"[\s\S]*?<svg data-chart-plot=""[\s\S]*?<\/svg>/)?.[0].split("<svg")[1];
    };
    const first = await drawing("/analysis/network");
    expect(first).toBeTruthy();
    expect(await drawing("/analysis/network?nodes=20")).toBe(first);
    expect(await drawing("/analysis/network?nodes=20")).toBe(first);
  });

  test("without JavaScript, a link picks how many organizations are drawn, kept in the address", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${APP}/analysis/network`);
    const network = page.getByRole("region", { name: /Who funds whom/ });
    const circles = network.locator("svg[data-chart-plot] circle");
    const twenty = await circles.count();
    await network.getByRole("navigation", { name: "Organizations drawn" }).getByRole("link", { name: "10", exact: true }).click();
    await expect(page).toHaveURL(/\/analysis\/network\?nodes=10(&|#|$)/);
    await expect(network.getByRole("link", { name: "10", exact: true })).toHaveAttribute("aria-current", "true");
    // Ten organizations, plus the loops' ends beyond them; every loop is still drawn.
    const ten = await circles.count();
    expect(ten).toBeLessThan(twenty);
    expect(ten).toBeGreaterThanOrEqual(10);
    await expect(network.locator('[data-edge="spending_back"]')).toHaveCount(6);
    // The CSV and the embed take the same choice.
    await expect(network.getByRole("link", { name: /Download CSV/ })).toHaveAttribute("href", /\/api\/stats\/network\?nodes=10&format=csv/);
    const csv = await (await page.request.get(`${APP}/api/stats/network?nodes=10&format=csv`)).text();
    expect(csv.split("\n")[0]).toBe("from,from_name,to,to_name,kind,circular_flow,amount_usd,via,deal_ids");
    expect(csv.split("\n").filter((line) => line.includes(",spending_back,yes,"))).toHaveLength(6);
    await context.close();
  });

  test("downloads as an SVG with its names, legend and source line", async ({ page }) => {
    await page.goto("/analysis/network");
    const network = page.locator("#network");
    await expect(network.locator("svg[data-chart-plot]")).toBeVisible();
    const [svg] = await Promise.all([page.waitForEvent("download"), network.getByRole("button", { name: /Download SVG/ }).click()]);
    const markup = readFileSync((await svg.path()) as string, "utf8");
    expect(markup).toContain("Who funds whom: the network of counted capital");
    expect(markup).toContain(">Spending back (dashed)<");
    expect(markup).toContain(">OpenAI<");
    expect(markup).toContain("Source: AI Deal Tracker,");
    expect(markup).toContain(`${APP}/analysis/network#network`);
  });
});

test.describe("values where the eye is", () => {
  test("the bar charts write their latest and largest totals on the bars, in short figures", async ({ page }) => {
    await page.goto("/");
    const labels = page.locator("#capital-by-quarter [data-direct-label]");
    await expect(labels.first()).toBeVisible();
    const texts = await labels.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(1);
    for (const text of texts) expect(text).toMatch(/^\$[\d.]+[KMBT]?$/);
  });

  test("without JavaScript, a link puts the circular flows' bars on a log scale, where the small loops show", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${APP}/analysis/circular-flows`);
    const loops = page.locator("#circular-flows");
    await loops.getByRole("link", { name: /Log scale/ }).click();
    await expect(page).toHaveURL(/\/analysis\/circular-flows\?scale=log#circular-flows$/);
    await expect(page.locator("#circular-flows figure")).toHaveAttribute("aria-label", /on a log scale$/);
    await expect(page.locator("#circular-flows").getByRole("link", { name: /Linear scale/ })).toBeVisible();
    await context.close();
  });
});
