import { expect, test } from "@playwright/test";
import { formatDate, formatUsd } from "@/lib/format";

// Where an investor filter meets a money figure, the page says both: the investor's attributed part and the whole
// rounds it joined, labelled, and the organization pages narrow to a span of dates with a form that needs no script.
const y2025 = "from=2025-01-01&to=2025-12-31";

type Organization = { figures: { asInvestor: { capitalAttributedUsd: number; roundsJoinedTotalUsd: number } } };

test.describe("say whose money", () => {
  test("/deals filtered by Nvidia over 2025 shows Nvidia's part and the total of the rounds joined, as its page and the API do", async ({
    page,
    request,
  }) => {
    const nvidia: Organization = await (await request.get(`/api/organizations/nvidia?${y2025}`)).json();
    const { capitalAttributedUsd, roundsJoinedTotalUsd } = nvidia.figures.asInvestor;
    expect(capitalAttributedUsd).toBeLessThan(roundsJoinedTotalUsd);
    const byYear = await (await request.get("/api/organizations/nvidia/capital-by-period?grain=year")).json();
    expect(byYear.data.find((p: { period: string }) => p.period === "2025").totalUsd).toBe(capitalAttributedUsd);

    await page.goto(`/deals?investor=nvidia&${y2025}`);
    const figures = page.getByRole("region", { name: "Figures for these filters" });
    const card = (label: string) => figures.locator("div").filter({ has: page.getByText(label, { exact: true }) });
    await expect(card("Attributed to Nvidia").getByText(formatUsd(BigInt(capitalAttributedUsd)), { exact: true })).toBeVisible();
    await expect(card("Total of the rounds joined").getByText(formatUsd(BigInt(roundsJoinedTotalUsd)), { exact: true })).toBeVisible();

    await page.goto(`/investors/nvidia?${y2025}`);
    const headline = page.getByRole("region", { name: "Headline figures" });
    await expect(headline.getByText("Attributed to Nvidia", { exact: true })).toBeVisible();
    await expect(headline.getByText(formatUsd(BigInt(capitalAttributedUsd)), { exact: true })).toBeVisible();
    await expect(headline.getByText(formatUsd(BigInt(roundsJoinedTotalUsd)), { exact: true })).toBeVisible();
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the investor page's date form narrows it, its links keep the dates, and a bad date is named", async ({ page }) => {
      await page.goto("/investors/nvidia?grain=quarter");
      const form = page.getByRole("form", { name: "Dates" });
      await form.getByLabel("Announced from").fill("2025-01-01");
      await form.getByLabel("to", { exact: true }).fill("2025-12-31");
      await form.getByRole("button", { name: "Show these dates" }).click();
      await expect(page).toHaveURL(/\/investors\/nvidia\?grain=quarter&from=2025-01-01&to=2025-12-31$/);
      await expect(
        page.getByText(
          `Figures, chart and lists cover the deals announced from ${formatDate("2025-01-01")} to ${formatDate("2025-12-31")}.`,
        ),
      ).toBeVisible();
      const byYear = page.getByRole("navigation", { name: "Chart period" }).getByRole("link", { name: "By year" });
      await expect(byYear).toHaveAttribute("href", "/investors/nvidia?from=2025-01-01&to=2025-12-31");

      await page.goto("/companies/openai?from=2025-13-40");
      await expect(page.getByRole("status").getByText("from must be a date written YYYY-MM-DD")).toBeVisible();
    });
  });
});
