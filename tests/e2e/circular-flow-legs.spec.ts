// Circular flows that add up (#18): on the production build with the seed, a loop shows each leg's deal total beside
// the investor's part, its money in as their sum, explains back per dollar in, and its legs not listed are one link
// away on /deals listing exactly them; investor and company pages link to their loops.
import { expect, test, type Page } from "@playwright/test";

type LoopJson = {
  investor: { slug: string };
  company: { slug: string };
  dealsHref: string;
  moneyIn: { dealId: number }[];
  moneyBack: { dealId: number }[];
};

async function listedDealIds(page: Page): Promise<number[]> {
  const results = page.getByRole("region", { name: /^(Deals \d|No deals)/ });
  const hrefs = await results.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs
    .filter((h) => /^\/deals\/\d+$/.test(h))
    .map((h) => Number(h.split("/")[2]))
    .sort((a, b) => a - b);
}

const sorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

test.describe("circular flows that add up", () => {
  test("a loop lists deal totals and Microsoft's parts summing to its money in, and its other legs are one link away", async ({
    page,
    request,
  }) => {
    const { loops } = (await (await request.get("/api/stats/circular-flows")).json()) as { loops: LoopJson[] };
    const loop = loops.find((l) => l.investor.slug === "microsoft" && l.company.slug === "openai")!;

    await page.goto("/analysis/loops");
    const region = page.getByRole("region", { name: "Circular flows, leg by leg" });
    await region.getByText("Microsoft → OpenAI → Microsoft Azure").click();
    const moneyIn = region.getByRole("table", { name: "Capital in: Microsoft → OpenAI" });
    await expect(moneyIn.getByRole("columnheader", { name: "Deal total" })).toBeVisible();
    await expect(moneyIn.getByRole("columnheader", { name: "Microsoft’s part" })).toBeVisible();
    await expect(moneyIn.getByRole("row", { name: /Money in, the sum of the parts/ })).toContainText("$13.7B");
    await expect(
      region.getByText(/Money back per dollar in: \$250B OpenAI committed back ÷ \$13\.7B Microsoft put in = 18\.3×/),
    ).toBeVisible();

    const more = moneyIn.getByRole("link", { name: /^\d+ more deals?: list all \d+ on \/deals$/ });
    await more.click();
    await expect(page).toHaveURL(/\/deals\?ids=[\d,]+$/);
    expect(await listedDealIds(page)).toEqual(sorted(loop.moneyIn.map((l) => l.dealId)));
    await expect(page.getByRole("list", { name: "Active filters" }).getByText(/chosen deals/)).toBeVisible();

    await page.goto("/methodology#back-per-dollar");
    await expect(page.locator("#back-per-dollar")).toContainText("Money back per dollar in");
  });

  test("an investor's division and a company link to their loops on /analysis/loops and to the loop's deals", async ({ page, request }) => {
    const { loops } = (await (await request.get("/api/stats/circular-flows")).json()) as { loops: LoopJson[] };
    const amazonOpenai = loops.find((l) => l.investor.slug === "amazon" && l.company.slug === "openai")!;

    await page.goto("/investors/azure");
    const azure = page.getByRole("region", { name: "Circular flows" });
    await expect(azure.getByRole("listitem")).toHaveCount(2);
    await azure.getByRole("link", { name: "Microsoft → Anthropic" }).click();
    await expect(page).toHaveURL(/\/analysis\/loops\?investor=microsoft&recipient=anthropic#loop-microsoft-anthropic$/);
    await expect(page.getByRole("region", { name: "Circular flows, leg by leg" }).getByRole("listitem")).toHaveCount(1);

    await page.goto("/companies/openai");
    const openai = page.getByRole("region", { name: "Circular flows" });
    await expect(openai.getByRole("listitem")).toHaveCount(2);
    await expect(openai.getByRole("listitem").filter({ hasText: "Amazon → OpenAI" })).toContainText("$50B in, $138B back");
    await openai
      .getByRole("listitem")
      .filter({ hasText: "Amazon → OpenAI" })
      .getByRole("link", { name: /^its \d+ deals$/ })
      .click();
    await expect(page).toHaveURL(/\/deals\?ids=[\d,]+$/);
    expect(await listedDealIds(page)).toEqual(sorted([...amazonOpenai.moneyIn, ...amazonOpenai.moneyBack].map((l) => l.dealId)));

    await page.goto("/investors/meta");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Circular flows" })).toHaveCount(0);
  });
});
