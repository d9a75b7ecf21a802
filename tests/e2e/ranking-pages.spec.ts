// The /investors ranking a page at a time: the seed ranks more investors than one page holds.
import { expect, test } from "@playwright/test";
import { RANKING_PAGE_SIZE } from "@/lib/filters/ranking-sort";

test.describe("the investors ranking, page by page", () => {
  test.use({ javaScriptEnabled: false });

  test("shows a page of rows, and Next leads to the following ranks in the same order", async ({ page }) => {
    await page.goto("/investors?sort=name");
    const table = page.getByRole("table", { name: /Investors ranked/ });
    await expect(table.locator("tbody tr")).toHaveCount(RANKING_PAGE_SIZE);
    const lastNameOnFirstPage = await table.locator("tbody tr").last().getByRole("rowheader").innerText();
    const pages = page.getByRole("navigation", { name: "Pages of the ranking" });
    await expect(pages).toContainText("Page 1 of");
    await pages.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/\/investors\?sort=name&page=2$/);
    await expect(page.getByText(`Rows ${RANKING_PAGE_SIZE + 1} to`)).toBeVisible();
    const firstNameOnSecondPage = await table.locator("tbody tr").first().getByRole("rowheader").innerText();
    // Sorted by name across pages: the second page starts after the first page's last name.
    expect(firstNameOnSecondPage.toLowerCase() >= lastNameOnFirstPage.toLowerCase()).toBe(true);
  });

  test("a page past the last shows the last and says so", async ({ page }) => {
    await page.goto("/investors?page=999");
    await expect(page.getByText(/must be from 1 to \d+; the last page is shown/)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pages of the ranking" }).getByRole("link", { name: "Next" })).toHaveCount(0);
  });
});
