import { expect, test } from "@playwright/test";

test.describe("search investors and companies", () => {
  test("find an investor by another name it is reported under, with the keyboard", async ({ page }) => {
    await page.goto("/investors");
    // Each step waits for the state it needs: typing goes to the focused field, and Enter only once the field holds
    // the text (on a loaded machine a keystroke sent before then was lost, and the URL never got q=QIA).
    const name = page.getByLabel("Name");
    await name.focus();
    await expect(name).toBeFocused();
    await page.keyboard.type("QIA");
    await expect(name).toHaveValue("QIA");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]q=QIA/);
    const ranking = page.getByRole("table", { name: /Investors ranked/ });
    await expect(ranking.locator("tbody").getByRole("link")).toHaveText(["Qatar Investment Authority"]);
    await page.getByRole("link", { name: "Clear the search" }).click();
    await expect(page).toHaveURL(/\/investors$/);
  });

  test("narrow the companies to cloud providers", async ({ page }) => {
    await page.goto("/companies");
    await page.getByLabel("Type").selectOption({ label: "Cloud" });
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/type=cloud/);
    const ranking = page.getByRole("table", { name: /Companies ranked/ });
    await expect(ranking.getByRole("link", { name: "AWS", exact: true })).toBeVisible();
    await expect(ranking.getByRole("link", { name: "OpenAI", exact: true })).toHaveCount(0);
  });

  test("a bad filter in the URL is ignored and said so, not an error", async ({ page }) => {
    const response = await page.goto("/investors?type=bank");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("status").filter({ hasText: "Ignored: type must be one of" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Amazon", exact: true })).toBeVisible();
  });

  test("the API answers 400 naming a bad parameter, and 404 for an unknown organization", async ({ request }) => {
    const bad = await request.get("/api/organizations?type=bank");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).issues[0].param).toBe("type");
    const missing = await request.get("/api/organizations/no-such-org");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: "not found", slug: "no-such-org" });
  });

  test("an unknown organization shows the not-found page", async ({ page }) => {
    await page.goto("/investors/no-such-org");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  });
});

test.describe("sort the rankings by a column", () => {
  test.use({ javaScriptEnabled: false });

  test("a column's header link sorts /investors by it, and again the other way, without JavaScript", async ({ page }) => {
    await page.goto("/investors");
    const ranking = page.getByRole("table", { name: /Investors ranked/ });
    await ranking.getByRole("link", { name: /^Name/ }).click();
    await expect(page).toHaveURL(/\/investors\?sort=name$/);
    await expect(ranking.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "ascending");
    const byName = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
    const names = await ranking.locator("tbody th").allTextContents();
    expect(names).toEqual([...names].sort(byName));
    await ranking.getByRole("link", { name: /^Name/ }).click();
    await expect(page).toHaveURL(/\/investors\?sort=name_desc$/);
    await expect(ranking.getByRole("columnheader", { name: /^Name/ })).toHaveAttribute("aria-sort", "descending");
    // The ranking shows a page of rows: the other way round, it opens on the names that come last.
    const reversed = await ranking.locator("tbody th").allTextContents();
    expect(reversed).toEqual([...reversed].sort(byName).reverse());
    expect(byName(reversed[0], names[names.length - 1])).toBeGreaterThanOrEqual(0);
  });

  test("/companies sorts by all deals, most first", async ({ page }) => {
    await page.goto("/companies");
    const ranking = page.getByRole("table", { name: /Companies ranked/ });
    await ranking.getByRole("link", { name: /^All deals/ }).click();
    await expect(page).toHaveURL(/\/companies\?sort=deals_desc$/);
    const counts = (await ranking.locator("tbody tr td:last-child").allTextContents()).map((t) => Number(t.replace(/,/g, "")));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
