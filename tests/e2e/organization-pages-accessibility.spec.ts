import AxeBuilder from "@axe-core/playwright";
import { devices, expect, test } from "@playwright/test";

const PAGES = ["/investors", "/investors/amazon", "/companies", "/companies/openai"];

test.describe("the organization pages", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const path of PAGES) {
      test(`${path} has no accessibility violations in ${colorScheme} mode`, async ({ page }) => {
        // axe walks every cell of the long rankings: on a shared two-core machine that can take more than 30 s.
        test.slow();
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        if (path.split("/").length > 2) await expect(page.getByRole("figure").locator("svg").first()).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      });
    }
  }

  test("can be read with the keyboard, with a visible focus", async ({ page }) => {
    await page.goto("/investors/amazon");
    const byQuarter = page.getByRole("link", { name: "By quarter" });
    // Tab from the top until the chart's period switch is reached; every stop on the way shows its focus.
    for (let i = 0; i < 40 && !(await byQuarter.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
      expect(outline).not.toBe("none");
    }
    await expect(byQuarter).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/grain=quarter/);
  });
});

test.describe("the organization pages on a 375 px phone", () => {
  const { deviceScaleFactor, isMobile, hasTouch, userAgent } = devices["Pixel 7"];
  test.use({ viewport: { width: 375, height: 812 }, deviceScaleFactor, isMobile, hasTouch, userAgent });

  for (const path of PAGES) {
    test(`${path} fits the screen without sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (path.split("/").length > 2) await expect(page.getByRole("figure").locator("svg").first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
