import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { formatNumber, formatUsd, formatUsdExact } from "@/lib/format";
import { countedSeedRows, seedCapitalCounted, seedRecipientTotals } from "./seed-facts";

test.describe("the methodology", () => {
  test("explains the counting with a worked HHI example computed from the data", async ({ page }) => {
    const latestYear = countedSeedRows
      .map((r) => r.row.announced_on.slice(0, 4))
      .sort()
      .at(-1) as string;
    // Recipients whose only deals that year are undisclosed have no share and are no term of the sum.
    const amounts = [...seedRecipientTotals(latestYear).values()].filter((a) => a > 0n);
    const total = amounts.reduce((s, a) => s + a, 0n);
    const hhi = Number((20_000n * amounts.reduce((s, a) => s + a * a, 0n) + total * total) / (2n * total * total));

    await page.goto("/methodology");
    await expect(page.getByRole("heading", { level: 1, name: "How every number is counted" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Which deals count" })).toContainText(formatUsd(seedCapitalCounted));
    const example = page.getByRole("table", { name: `Worked example: the recipient HHI of ${latestYear}` });
    await expect(example.getByRole("row")).toHaveCount(amounts.length + 2);
    const totals = example.getByRole("row", { name: /^Total/ });
    await expect(totals).toContainText(formatUsdExact(total));
    await expect(totals).toContainText(`HHI ${formatNumber(hhi)}`);
  });

  test("works out a circular flow leg by leg, each leg linked to its deal", async ({ page }) => {
    await page.goto("/methodology");
    const section = page.getByRole("region", { name: "Circular flows" });
    await expect(section.getByText("AWS belongs to Amazon")).toBeVisible();
    const back = section.getByRole("table", { name: /^Spending back/ });
    await expect(back.getByRole("link").first()).toHaveAttribute("href", /^\/deals\/\d+$/);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`has no accessibility violations in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/methodology");
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
});
