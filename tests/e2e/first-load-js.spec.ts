import { expect, test, type Page } from "@playwright/test";

// The chart library is the heaviest script on the site (about 130 kB gzipped of Recharts). Pages without a chart must
// not download it: neither through their own imports nor through a prefetching link to a chart page (the header's
// links to / and /analysis once pulled it into every page). bench/browser.ts measures the sizes; this guards the rule.

/** The text of every script the page downloads until the network is idle. */
async function scriptsUntilIdle(page: Page, path: string): Promise<{ url: string; text: string }[]> {
  const bodies: Promise<{ url: string; text: string }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.text().then((text) => ({ url: response.url(), text })));
  });
  await page.goto(path, { waitUntil: "networkidle" });
  return Promise.all(bodies);
}

const usesRecharts = (text: string) => text.includes("recharts-");

test.describe("first-load JavaScript", () => {
  test("a chart page downloads the chart library (the check below can see it)", async ({ page }) => {
    const scripts = await scriptsUntilIdle(page, "/");
    expect(scripts.some((s) => usesRecharts(s.text))).toBe(true);
  });

  for (const path of ["/deals", "/deals/1", "/investors", "/methodology"]) {
    test(`${path} downloads no chart library`, async ({ page }) => {
      const scripts = await scriptsUntilIdle(page, path);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((s) => usesRecharts(s.text)).map((s) => s.url)).toEqual([]);
    });
  }
});
