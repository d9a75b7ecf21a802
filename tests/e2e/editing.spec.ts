import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";
import { E2E_EDITOR } from "./settings";
import { signIn } from "./sign-in";

/** Fills the new-deal form; deals of different `announcedOn` (over 30 days apart) are not likely duplicates. */
async function fillNewDeal(page: Page, round: string, announcedOn: string) {
  await page.goto("/admin/deals/new");
  await page.getByLabel("Recipient").fill("Mistral AI");
  await page.getByLabel("Investors").fill("Nvidia (lead); QIA");
  await page.getByLabel("Announced or first reported").fill(announcedOn);
  await page.getByLabel("Round", { exact: true }).fill(round);
  await page.getByLabel("Status").selectOption("in_talks");
  await page.getByLabel("Amount qualifier").selectOption("up_to");
  await page.getByLabel("High amount (USD)").fill("2000000000");
  await page.getByLabel("Source URL").fill("https://example.com/talks");
  await page.getByLabel("Publisher").fill("Example News");
}

async function createDeal(page: Page, round: string, announcedOn: string) {
  await fillNewDeal(page, round, announcedOn);
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { name: /Edit deal #\d+/ })).toBeVisible();
  return Number(/\/admin\/deals\/(\d+)/.exec(page.url())![1]);
}

/** Creates a deal on `first`, the same deal reported again on `again` (refused, then created once acknowledged). */
async function createDespiteDuplicate(page: Page, first: string, again: string) {
  const firstId = await createDeal(page, `E2E duplicate round ${first}`, first);
  await fillNewDeal(page, `E2E duplicate round ${again}`, again);
  await page.getByRole("button", { name: "Create deal" }).click();
  // Refused, with the existing deal linked and the reasons, and what was typed kept.
  const flagged = page.getByRole("region", { name: "Likely duplicates" });
  await expect(flagged.getByRole("link", { name: new RegExp(`^Deal #${firstId} \\(${first}`) })).toHaveAttribute(
    "href",
    `/admin/deals/${firstId}`,
  );
  await expect(flagged).toContainText("announced 1 day apart");
  await expect(page.getByLabel("Round", { exact: true })).toHaveValue(`E2E duplicate round ${again}`);
  await flagged.getByLabel("Create anyway: this is a different deal").check();
  await page.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { name: /Edit deal #\d+/ })).toBeVisible();
  expect(Number(/\/admin\/deals\/(\d+)/.exec(page.url())![1])).not.toBe(firstId);
}

test.describe("editors without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the new-deal form's duplicate check works as a plain form post", async ({ page }) => {
    await signIn(page);
    await createDespiteDuplicate(page, "2027-01-10", "2027-01-11");
  });
});

test.describe("editors", () => {
  // Each test walks several forms on the production server; a minute leaves room on a busy two-core machine.
  test.describe.configure({ timeout: 60_000 });
  test("a visitor is sent to sign in, and a wrong password is refused", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?next=%2Fadmin/);
    await page.getByLabel("Email").fill(E2E_EDITOR.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toContainText("The email or the password is wrong.");
  });

  test("log in, record a status change with a source, see it on the public deal page", async ({ page }) => {
    await signIn(page);
    const id = await createDeal(page, "E2E Series D talks", "2026-07-01");
    // The public page is seen before the change: its bare address is a page cached per data version (proxy.ts), and the
    // save must make the next visit render it again.
    await page.goto(`/deals/${id}`);
    await expect(page.getByText(`Deal #${id}`, { exact: true })).toBeVisible();
    await expect(page.getByText("Round closed at $1.5B")).toHaveCount(0);
    await page.goto(`/admin/deals/${id}`);
    await page.getByLabel("Status").selectOption("closed");
    await page.getByLabel("Amount qualifier").selectOption("exact");
    await page.getByLabel("Low amount (USD)").fill("1500000000");
    await page.getByLabel("High amount (USD)").fill("1500000000");
    await page.getByRole("button", { name: "Save changes" }).click();
    // A status change without its date and source is refused, field by field.
    await expect(page.getByText("a change of status or amount needs the date it was reported (YYYY-MM-DD)")).toBeVisible();
    await page.getByLabel("Date of the change").fill("2026-08-15");
    await page.getByLabel("What changed").fill("Round closed at $1.5B");
    await page.getByLabel("Source URL").fill("https://example.com/closed");
    // What was typed before the refusal is still there, selects included.
    await expect(page.getByLabel("Status")).toHaveValue("closed");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved (version 2).")).toBeVisible();

    await page.goto(`/deals/${id}`);
    const lifecycle = page.getByRole("region", { name: "Lifecycle" });
    await expect(lifecycle.getByText("Round closed at $1.5B")).toBeVisible();
    await expect(lifecycle.getByText("Up to $2B")).toBeVisible();
    await page.goto("/");
    await expect(
      page
        .getByRole("region", { name: "Latest status changes" })
        .getByRole("link", { name: /Nvidia, Qatar Investment Authority → Mistral AI/ })
        .first(),
    ).toBeVisible();
  });

  test("import a CSV through the page: preview first, then apply", async ({ page }) => {
    await signIn(page, "/admin/import");
    const row =
      "2026-09-01,Brand New Capital (lead);SoftBank,Anthropic,equity,announced,E2E import round,700000000,700000000,exact,USD,,,,Imported in a test,https://example.com/import,Example,2026-09-01";
    const bad = "2026-13-01,SoftBank,Anthropic,equity,announced,Bad row,1,1,exact,USD,,,,x,,,";
    const header = DEAL_CSV_COLUMNS.join(",");
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\n${row}\n${bad}\n`) });
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page.getByRole("cell", { name: "announced_on must be a date written YYYY-MM-DD" })).toBeVisible();

    await page.getByLabel("CSV file").setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\n${row}\n`) });
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page.getByText("1 deals to create, 0 to update by id. New organizations: Brand New Capital.")).toBeVisible();
    await page.getByRole("button", { name: "Apply the import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported: 1 deals created" })).toBeVisible();

    await page.goto("/admin?q=E2E+import+round");
    await expect(page.getByRole("cell", { name: /Anthropic: E2E import round/ })).toBeVisible();
  });

  test("import through the page with a choice per likely duplicate: update the tracked deal, skip the other", async ({ page }) => {
    await signIn(page, "/admin/import");
    const header = DEAL_CSV_COLUMNS.join(",");
    const row = (date: string, round: string, amount: string) =>
      `${date},SoftBank,Anthropic,equity,announced,${round},${amount},${amount},exact,USD,,,,Per-row test,https://example.com/per-row,Example,${date}`;
    const upload = async (rows: string[]) => {
      await page
        .getByLabel("CSV file")
        .setInputFiles({ name: "rows.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\n${rows.join("\n")}\n`) });
      await page.getByRole("button", { name: "Preview import" }).click();
    };
    await upload([row("2027-02-01", "E2E per-row base", "900000000")]);
    await page.getByRole("button", { name: "Apply the import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Imported: 1 deals created" })).toBeVisible();

    await upload([row("2027-02-03", "E2E per-row update", "900000000"), row("2027-02-04", "E2E per-row skip", "910000000")]);
    const tracked = page
      .getByRole("region", { name: /Likely duplicates/ })
      .getByRole("link")
      .first();
    const id = Number(/deal #(\d+)/.exec((await tracked.textContent()) ?? "")![1]);
    await page.getByLabel("Line 2").selectOption(`update:${id}`);
    await page.getByLabel("Line 3").selectOption("skip");
    await page.getByLabel("Rows that look like duplicates").selectOption("fail");
    await page.getByRole("button", { name: "Apply the import" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Imported: 0 deals created, 1 updated, 1 skipped as duplicates" }),
    ).toBeVisible();
    await page.goto(`/admin/deals/${id}`);
    await expect(page.getByLabel("Round", { exact: true })).toHaveValue("E2E per-row update");
  });

  test("restore an earlier version from the history", async ({ page }) => {
    await signIn(page);
    const id = await createDeal(page, "E2E restore round", "2026-03-01");
    await page.getByLabel("Summary").fill("A wrong summary");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved (version 2).")).toBeVisible();
    await page.goto(`/deals/${id}/history`);
    await expect(page.getByRole("cell", { name: "A wrong summary" })).toBeVisible();
    const createRevision = page.getByRole("listitem").filter({ hasText: /: create by/ });
    await createRevision.getByRole("button", { name: /Restore the version/ }).click();
    await expect(page.getByText(/Restored the version of revision \d+/)).toBeVisible();
    // An editor sees their own revisions as "you"; only admins see emails.
    await expect(page.getByRole("heading", { name: /: restore by you,/ })).toBeVisible();
    await page.goto(`/admin/deals/${id}`);
    await expect(page.getByLabel("Summary")).toHaveValue("");
  });

  test("the new-deal form names a likely duplicate and creates it only when the editor says so", async ({ page }) => {
    await signIn(page);
    await createDespiteDuplicate(page, "2026-11-02", "2026-11-03");
  });

  test("the editing pages have no accessibility violations", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page);
    for (const path of ["/admin", "/admin/deals/new", "/admin/import", "/admin/organizations", "/admin/tokens"]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${path} ${v.id}`)).toEqual([]);
    }
  });
});
