import { expect, type Page } from "@playwright/test";
import { E2E_EDITOR } from "./settings";

/** Signs in as the suite's editor through the form and lands on `next` (an editing page). */
export async function signIn(page: Page, next = "/admin") {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(E2E_EDITOR.email);
  await page.getByLabel("Password").fill(E2E_EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Editing" })).toBeVisible();
}
