import { expect, test } from "@playwright/test";

test.describe("a company's valuation marks", () => {
  test("OpenAI's chart and its data table hold the $500B secondary sale of October 2025, on a time axis", async ({ page }) => {
    await page.goto("/companies/openai");
    const section = page.getByRole("region", { name: "OpenAI: counted funding per round, with post-money valuation" });
    await section.getByText("Show the data as a table").click();
    // The data table names the valuation column and what set each mark.
    const table = section.getByRole("table", { name: "OpenAI: counted funding per round, with post-money valuation" });
    await expect(table.getByRole("columnheader", { name: "Valuation reported" })).toBeVisible();
    const row = table.getByRole("row").filter({ hasText: "Secondary share sale at $500B" });
    await expect(row.getByRole("rowheader")).toHaveText("2 Oct 2025");
    await expect(row.getByRole("cell", { name: "$500,000,000,000" })).toBeVisible();

    const marks = page.getByRole("table", { name: /Valuation marks/ });
    const secondary = marks.getByRole("row").filter({ hasText: "Secondary share sale at $500B" });
    await expect(secondary.getByRole("cell", { name: "$500B", exact: true })).toBeVisible();
    await expect(secondary.getByRole("link", { name: "Tredu" })).toHaveAttribute("href", /tredu\.com/);
    await secondary.getByRole("link", { name: "Secondary share sale at $500B" }).click();
    await expect(page).toHaveURL(/\/deals\/\d+$/);
  });

  test("as of 30 September 2025 the $500B mark is not there yet", async ({ page }) => {
    await page.goto("/companies/openai?asOf=2025-09-30");
    const marks = page.getByRole("table", { name: /Valuation marks/ });
    await expect(marks.getByRole("row").filter({ hasText: "$300B" }).first()).toBeVisible();
    await expect(marks.getByRole("row").filter({ hasText: "$500B" })).toHaveCount(0);
  });
});
