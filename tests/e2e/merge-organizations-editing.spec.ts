// An editor merges Insight Partners into Thrive Capital through the admin's form (names picked from the suggestions,
// a preview, a confirmation), follows the old address to the kept organization, finds the old name in the search,
// then undoes the merge. It runs with the editing specs, after the read-only ones, and leaves the data as it found it.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

/** Types into a suggestion field until its suggestions come (the form's script may not have run yet), picks `choice`. */
async function pick(page: Page, label: string, typed: string, choice: string) {
  const field = page.getByRole("combobox", { name: label });
  const list = page.locator(`#${await field.getAttribute("id")}-list`);
  await expect(async () => {
    await field.fill("");
    await field.pressSequentially(typed);
    await expect(list.getByRole("option").first()).toContainText(choice, { timeout: 2_000 });
  }).toPass();
  // A click on the suggestion; retried, since the answer to an earlier keystroke may redraw the list under the pointer.
  await expect(async () => {
    await list.getByRole("option", { name: new RegExp(`^${choice}`) }).click({ timeout: 2_000 });
    await expect(field).toHaveValue(choice, { timeout: 2_000 });
  }).toPass();
}

test("an editor merges two organizations, the old address redirects, and the merge is undone", async ({ page, request }) => {
  await signIn(page, "/admin/organizations/merge");
  await expect(page.getByRole("heading", { name: "Merge two organizations" })).toBeVisible();
  await pick(page, "Organization to keep", "thrive cap", "Thrive Capital");
  await pick(page, "Organization to merge into it", "insight partn", "Insight Partners");

  await page.getByRole("button", { name: "Preview the merge" }).click();
  const preview = page.getByRole("region", { name: "What the merge moves" });
  await expect(preview.getByRole("heading")).toHaveText("Insight Partners becomes an alias of Thrive Capital");
  // Both are in Databricks' Series J and K: those keep one row.
  await expect(preview).toContainText(/2 deals list both: .*Databricks/);
  // The preview wrote nothing: the old page still answers.
  expect((await page.request.get("/investors/insight-partners", { maxRedirects: 0 })).status()).toBe(200);

  await page.getByRole("button", { name: "Merge Insight Partners into Thrive Capital" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Merged Insight Partners into thrive-capital." })).toBeVisible();

  const old = await page.request.get("/investors/insight-partners?grain=quarter", { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toBe("/investors/thrive-capital?grain=quarter");
  // The bare addresses are served from the pages cached per data version (proxy.ts), for a visitor not signed in too.
  for (const section of ["investors", "companies"]) {
    const bare = await request.get(`/${section}/insight-partners`, { maxRedirects: 0 });
    expect(bare.status(), section).toBe(308);
    expect(bare.headers().location, section).toBe(`/${section}/thrive-capital`);
  }
  await page.goto("/companies/insight-partners");
  await expect(page).toHaveURL(/\/companies\/thrive-capital$/);
  const search = await (await page.request.get("/api/search?q=Insight%20Partners")).json();
  expect(search.organizations[0]).toMatchObject({ slug: "thrive-capital", matched: "Insight Partners" });

  await page.goto("/admin/organizations/merge");
  await page.getByRole("button", { name: "Undo the merge of Insight Partners into Thrive Capital" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Restored insight-partners." })).toBeVisible();
  expect((await page.request.get("/investors/insight-partners", { maxRedirects: 0 })).status()).toBe(200);
});
