import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test.describe("an editor corrects a round", () => {
  test("from the company page's round list to the round's form: a bad field is named, a good save shows", async ({ page }) => {
    // A visitor sees no edit link.
    await page.goto("/companies/anthropic");
    const round = page.locator("#round-2026-google");
    await expect(round.getByRole("heading", { name: /Google 2026 investment/ })).toBeVisible();
    await expect(round.getByRole("link", { name: "Edit this round" })).toHaveCount(0);

    await signIn(page);
    await page.goto("/companies/anthropic");
    await round.getByRole("link", { name: "Edit this round" }).click();
    await expect(page.getByRole("heading", { name: "Edit round: Anthropic, Google 2026 investment" })).toBeVisible();
    await expect(page.getByLabel("Post-money valuation (USD)")).toHaveValue("350000000000");

    await page.getByLabel("Post-money valuation (USD)").fill("$380B");
    await page.getByRole("button", { name: "Save round" }).click();
    await expect(page.getByText(/post_money_valuation_usd must be whole US dollars/)).toBeVisible();
    // What was typed stays.
    await expect(page.getByLabel("Post-money valuation (USD)")).toHaveValue("$380B");

    await page.getByLabel("Post-money valuation (USD)").fill("380000000000");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("Google 2026 investment (corrected)");
    await page.getByRole("button", { name: "Save round" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await page.getByRole("link", { name: "See it on the company page" }).click();
    const saved = page.locator("#round-2026-google");
    await expect(saved.getByRole("heading", { name: /Google 2026 investment \(corrected\)/ })).toBeVisible();
    await expect(saved.getByText("$380B", { exact: true })).toBeVisible();
  });

  test("the deal form's round field links to its round", async ({ page }) => {
    await signIn(page);
    await page.goto("/companies/anthropic");
    const round = page.locator("#round-2026-google");
    const dealHref = await round.getByRole("link", { name: /initial tranche/ }).getAttribute("href");
    await page.goto(`/admin/deals/${/\/deals\/(\d+)/.exec(dealHref as string)![1]}`);
    await page.getByRole("link", { name: "Edit the round’s name, total and valuation" }).click();
    await expect(page.getByRole("heading", { name: /^Edit round: Anthropic, / })).toBeVisible();
  });
});
