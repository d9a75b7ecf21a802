import { expect, test } from "@playwright/test";

const searchBox = (page: import("@playwright/test").Page) => page.getByRole("combobox", { name: "Search organizations and deals" });

test.describe("find anything from the header", () => {
  test("press / on any page, type a name with a typo, pick the suggestion with the keyboard", async ({ page }) => {
    await page.goto("/methodology");
    const box = searchBox(page);
    // The box answers "/" only once the page is interactive: wait until its script has run (the box is hydrated
    // when typing into it changes its value through React, which the suggestions list then follows).
    await expect(box).toBeVisible();
    await expect(async () => {
      await page.locator("body").click({ position: { x: 1, y: 1 } });
      await page.keyboard.press("/");
      await expect(box).toBeFocused({ timeout: 1_000 });
    }).toPass();
    await page.keyboard.type("Antropic");
    await expect(box).toHaveValue("Antropic");
    const list = page.getByRole("listbox", { name: "Suggestions" });
    const first = list.getByRole("option").first();
    await expect(first).toContainText("Anthropic");
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("ArrowDown");
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/companies\/anthropic$/);
  });

  test("Escape closes the suggestions; Enter without one opens the search page", async ({ page }) => {
    await page.goto("/deals");
    const box = searchBox(page);
    await box.click();
    await box.pressSequentially("nvida");
    const list = page.getByRole("listbox", { name: "Suggestions" });
    await expect(list.getByRole("option").first()).toContainText("Nvidia");
    await page.keyboard.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(list).toBeHidden();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=nvida$/);
    await expect(page.getByRole("region", { name: "Organizations" }).getByRole("link").first()).toHaveText("Nvidia");
  });

  test("type a name into the recipient filter of /deals with the keyboard", async ({ page }) => {
    // What the slug selects, to compare with what the typed name selects.
    await page.goto("/deals?recipient=anthropic");
    const heading = page.getByRole("heading", { name: /^Deals 1–\d+ of \d+$/ });
    const bySlug = await heading.textContent();
    await page.goto("/deals");
    const recipient = page.getByLabel("Recipient", { exact: true });
    await recipient.focus();
    await expect(recipient).toBeFocused();
    await page.keyboard.type("Anthropic");
    await expect(recipient).toHaveValue("Anthropic");
    await page.keyboard.press("Enter");
    // The name typed comes back as the slug.
    await expect(page).toHaveURL(/[?&]recipient=anthropic$/);
    await expect(page.getByText("not understood")).toHaveCount(0);
    await expect(heading).toHaveText(bySlug!);
  });
});

test.describe("the /deals name filters suggest organizations", () => {
  /** /deals's recipient field with `typed` in it once its suggestions (Anthropic first) show. */
  async function recipientSuggesting(page: import("@playwright/test").Page, typed: string) {
    await page.goto("/deals");
    const recipient = page.getByRole("combobox", { name: "Recipient" });
    const recipientList = page.locator("#filter-recipient-list");
    // Suggestions come once the form's script has run: retype until they do.
    await expect(async () => {
      await recipient.fill("");
      await recipient.pressSequentially(typed);
      await expect(recipientList.getByRole("option").first()).toContainText("Anthropic", { timeout: 2_000 });
    }).toPass();
    return { recipient, recipientList };
  }

  test("an answer that arrives after the arrow key keeps the highlighted suggestion", async ({ page }) => {
    const { recipient, recipientList } = await recipientSuggesting(page, "Anthrop");
    // The answer for the next keystroke is held until the visitor has moved to the first suggestion.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = new Promise<void>((resolve) =>
      page.route("**/api/search?q=Anthropi&*", async (route) => {
        resolve();
        await released;
        await route.continue();
      }),
    );
    await recipient.press("i");
    await held;
    await page.keyboard.press("ArrowDown");
    const first = await recipientList.getByRole("option").first().getAttribute("id");
    await expect(recipient).toHaveAttribute("aria-activedescendant", first!);
    const answered = page.waitForResponse("**/api/search?q=Anthropi&*");
    release();
    await answered;
    // The new answer still suggests Anthropic first: it stays highlighted, and Enter takes it.
    await expect(recipientList.getByRole("option").first()).toContainText("Anthropic");
    await expect(recipient).toHaveAttribute("aria-activedescendant", first!);
    await page.keyboard.press("Enter");
    await expect(recipient).toHaveValue("Anthropic");
  });

  test("a misspelt recipient and two investors are picked from the suggestions with the keyboard", async ({ page }) => {
    const { recipient, recipientList } = await recipientSuggesting(page, "Antropic");
    await expect(recipient).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("ArrowDown");
    await expect(recipient).toHaveAttribute("aria-activedescendant", (await recipientList.getByRole("option").first().getAttribute("id"))!);
    await page.keyboard.press("Enter");
    // Enter on a suggestion fills the field and closes the list; it does not submit.
    await expect(recipient).toHaveValue("Anthropic");
    await expect(recipient).toHaveAttribute("aria-expanded", "false");
    await expect(page).toHaveURL(/\/deals$/);

    const investors = page.getByRole("combobox", { name: "Investors" });
    const investorList = page.locator("#filter-investor-list");
    await investors.click();
    await page.keyboard.type("nvida");
    await expect(investorList.getByRole("option").first()).toContainText("Nvidia");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(investors).toHaveValue("Nvidia");
    // The next name, after a comma, gets its own suggestions and keeps the first.
    await page.keyboard.type(", amazn");
    await expect(investorList.getByRole("option").first()).toContainText("Amazon");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(investors).toHaveValue("Nvidia, Amazon");

    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]investor=nvidia&investor=amazon&recipient=anthropic$/);
    await expect(page.getByText("not understood")).toHaveCount(0);
    await expect(recipient).toHaveValue("Anthropic");
    await expect(investors).toHaveValue("Nvidia, Amazon");
  });
});

test.describe("the /changes and /analysis name filters suggest organizations", () => {
  test("a recipient typed with a typo into /changes is picked with the keyboard and applied as its slug", async ({ page }) => {
    await page.goto("/changes?recipient=openai");
    const count = page.getByRole("status").filter({ hasText: /^\d[\d,]* changes?$/ });
    const bySlug = await count.textContent();
    await page.goto("/changes");
    const form = page.getByRole("form", { name: "Filter changes" });
    const recipient = form.getByRole("combobox", { name: "Recipient" });
    const list = page.locator("#change-recipient-list");
    // Suggestions come once the form's script has run: retype until they do.
    await expect(async () => {
      await recipient.fill("");
      await recipient.pressSequentially("OpenAl");
      await expect(list.getByRole("option").first()).toContainText("OpenAI", { timeout: 2_000 });
    }).toPass();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(recipient).toHaveValue("OpenAI");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/changes\?recipient=openai$/);
    await expect(page.getByText("not understood")).toHaveCount(0);
    await expect(form.getByRole("combobox", { name: "Recipient" })).toHaveValue("OpenAI");
    await expect(count).toHaveText(bySlug!);
  });

  test("an investor picked on /analysis filters every figure and keeps the slug in the address", async ({ page }) => {
    await page.goto("/analysis");
    const form = page.getByRole("form", { name: "What to show" });
    const investors = form.getByRole("combobox", { name: "Investors" });
    const list = page.locator("#analysis-investor-list");
    await expect(async () => {
      await investors.fill("");
      await investors.pressSequentially("amazn");
      await expect(list.getByRole("option").first()).toContainText("Amazon", { timeout: 2_000 });
    }).toPass();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(investors).toHaveValue("Amazon");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/analysis\?(.*&)?investor=amazon(&|$)/);
    await expect(page.getByText(/investor Amazon/).first()).toBeVisible();
    await expect(form.getByRole("combobox", { name: "Investors" })).toHaveValue("Amazon");
  });
});

test.describe("find anything without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's box submits to /search, which lists organizations then deals, linked", async ({ page }) => {
    await page.goto("/investors");
    const box = searchBox(page);
    await box.fill("QIA");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=QIA$/);
    const organizations = page.getByRole("region", { name: "Organizations" });
    await expect(organizations.getByRole("link").first()).toHaveText("Qatar Investment Authority");
    await expect(organizations.getByRole("link").first()).toHaveAttribute("href", "/investors/qia");
    await expect(organizations).toContainText("matched “QIA”");
    const deals = page.getByRole("region", { name: "Deals" });
    await expect(deals.getByRole("link").first()).toHaveAttribute("href", /^\/deals\/\d+$/);
  });

  test("/search?q=anthropic links the company page", async ({ page }) => {
    await page.goto("/search?q=anthropic");
    await expect(page.getByRole("region", { name: "Organizations" }).getByRole("link", { name: "Anthropic", exact: true })).toHaveAttribute(
      "href",
      "/companies/anthropic",
    );
  });

  test("a recipient typed as a name that names nothing is said so, with the closest names", async ({ page }) => {
    await page.goto("/deals?recipient=Antropic");
    await expect(page.getByText(/no organization is named “Antropic”; the closest: Anthropic \(anthropic\)/)).toBeVisible();
  });

  test("/changes and /analysis read a typed name, and say so of one that names nothing", async ({ page }) => {
    await page.goto("/changes");
    await page.getByRole("form", { name: "Filter changes" }).getByLabel("Investors", { exact: true }).fill("QIA");
    await page.getByRole("button", { name: "Show changes" }).click();
    await expect(page).toHaveURL(/\/changes\?investor=qia$/);
    await expect(page.getByLabel("Investors", { exact: true })).toHaveValue("Qatar Investment Authority");
    await page.goto("/analysis?recipient=Antropic");
    await expect(page.getByText(/no organization is named “Antropic”; the closest: Anthropic \(anthropic\)/)).toBeVisible();
  });

  test("the /deals name and amount fields stay plain fields the server reads", async ({ page }) => {
    await page.goto("/deals");
    await page.getByLabel("Recipient", { exact: true }).fill("Anthropic");
    const min = page.getByLabel("Minimum", { exact: true });
    await min.fill("1.25B");
    await min.press("Enter");
    // The name comes back as the slug and the amount as whole dollars.
    await expect(page).toHaveURL(/[?&]recipient=anthropic(&|$)/);
    expect(new URL(page.url()).searchParams.get("min")).toBe("1250000000");
    await expect(page.getByLabel("Minimum", { exact: true })).toHaveValue("1,250,000,000");
    await expect(page.getByText("Understood: $1,250,000,000")).toBeVisible();
    await expect(page.getByText("not understood")).toHaveCount(0);
  });

  test("an investor page's co-investors and a company page's investors sort by a header link", async ({ page }) => {
    await page.goto("/investors/nvidia");
    const coInvestors = page.getByRole("table", { name: /invested alongside/ });
    const names = async () => (await coInvestors.locator("tbody th").allTextContents()).map((n) => n.trim().toLowerCase());
    await coInvestors.getByRole("link", { name: "Co-investor" }).click();
    await expect(page).toHaveURL(/[?&]coInvestorsSort=name$/);
    await expect(coInvestors.getByRole("columnheader", { name: "Co-investor" })).toHaveAttribute("aria-sort", "ascending");
    const ascending = await names();
    expect(ascending.length).toBeGreaterThan(1);
    expect(ascending).toEqual([...ascending].sort());
    await coInvestors.getByRole("link", { name: /^Co-investor/ }).click();
    await expect(page).toHaveURL(/[?&]coInvestorsSort=name_desc$/);
    await expect(coInvestors.getByRole("columnheader", { name: /^Co-investor/ })).toHaveAttribute("aria-sort", "descending");
    // The first rows shown are those of the whole list in this order, so not the ascending page turned around.
    const descending = await names();
    expect(descending).toEqual([...descending].sort().reverse());
    expect(descending[0] > ascending.at(-1)!).toBe(true);

    await page.goto("/companies/anthropic");
    const investors = page.getByRole("table", { name: /^Investors in Anthropic/ });
    await investors.getByRole("link", { name: "Counted deals" }).click();
    await expect(page).toHaveURL(/[?&]investorsSort=counted_desc$/);
    await expect(investors.getByRole("columnheader", { name: /^Counted deals/ })).toHaveAttribute("aria-sort", "descending");
    const counts = (await investors.locator("tbody tr td:nth-of-type(1)").allTextContents()).map((c) => Number(c.replace(/,/g, "")));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  test("an investor's portfolio sorts by any column, and a bad order is said so", async ({ page }) => {
    await page.goto("/investors/nvidia");
    const portfolio = page.getByRole("table", { name: /^Deals Nvidia is named in/ });
    await portfolio.getByRole("link", { name: "Recipient" }).click();
    await expect(page).toHaveURL(/\/investors\/nvidia\?sort=recipient$/);
    await expect(portfolio.getByRole("columnheader", { name: /^Recipient/ })).toHaveAttribute("aria-sort", "ascending");
    const recipients = (await portfolio.locator("tbody tr td:nth-of-type(2)").allTextContents()).map((n) => n.trim().toLowerCase());
    expect(recipients.length).toBeGreaterThan(1);
    expect(recipients).toEqual([...recipients].sort());

    await page.goto("/investors/nvidia?sort=size&coInvestorsSort=name");
    await expect(page.getByText(/sort must be one of date, deal, recipient/)).toBeVisible();
    await expect(portfolio.getByRole("columnheader", { name: /^Date/ })).toHaveAttribute("aria-sort", "descending");
    await page.goto("/companies/anthropic?investorsSort=size");
    await expect(page.getByText(/investorsSort must be one of/)).toBeVisible();
  });
});
