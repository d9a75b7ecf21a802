import { expect, test } from "@playwright/test";
import { formatNumber, formatUsd } from "@/lib/format";
import { countedDollars, isCountedRow, seedRows } from "../support/seed-csv";
import { seedRounds } from "@/prisma/seed/rounds";
import { barCount } from "./chart-marks";

const openAiRounds = seedRows.filter((r) => r.recipient === "OpenAI" && isCountedRow(r));
const openAiFunding = openAiRounds.reduce((sum, r) => sum + countedDollars(r), 0n);
// A round's parts and tranches (prisma/seed/rounds.ts) count once; every other row is a round of its own.
const openAiRoundCount = new Set(
  openAiRounds.map((r, i) => seedRounds.find((g) => g.recipient === "OpenAI" && g.rows.includes(r.round))?.key ?? `row ${i}`),
).size;

test.describe("read a company's funding rounds", () => {
  test("open OpenAI from the companies ranking", async ({ page }) => {
    await page.goto("/companies");
    const ranking = page.getByRole("table", { name: "Companies ranked by the counted capital they received" });
    const row = ranking.getByRole("row").filter({ has: page.getByRole("link", { name: "OpenAI", exact: true }) });
    await expect(row.getByRole("cell", { name: formatUsd(openAiFunding), exact: true })).toBeVisible();
    await row.getByRole("link", { name: "OpenAI", exact: true }).click();
    await expect(page).toHaveURL(/\/companies\/openai$/);
    const figures = page.getByRole("region", { name: "Headline figures" });
    await expect(figures.getByText(formatUsd(openAiFunding), { exact: true })).toBeVisible();
    expect(openAiRoundCount).toBeLessThan(openAiRounds.length);
    await expect(figures.getByText(formatNumber(openAiRoundCount), { exact: true })).toBeVisible();
  });

  test("see the rounds as bars with the valuation as a step line", async ({ page, request }) => {
    await page.goto("/companies/openai");
    const chart = page.getByRole("figure", { name: /OpenAI's counted funding per round and its post-money valuation/ });
    await expect(chart.locator("path.chart-bars")).toBeVisible();
    expect(await barCount(chart)).toBeGreaterThan(4);
    // The legend names the line (the tooltips name it too).
    await expect(chart.getByText("Post-money valuation", { exact: true })).toBeVisible();
    // A step line only moves straight across or straight up: every segment of its path is horizontal or vertical.
    const d = (await chart.locator("path.chart-line").getAttribute("d")) as string;
    const points = [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points.length).toBeGreaterThan(6);
    for (let i = 1; i < points.length; i++) {
      const [x0, y0] = points[i - 1];
      const [x1, y1] = points[i];
      expect(Math.abs(x1 - x0) < 0.01 || Math.abs(y1 - y0) < 0.01).toBe(true);
    }
    expect(new Set(points.map((p) => p[1])).size).toBeGreaterThan(2);

    const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
    const csv = (await (await request.get(href as string)).text()).trim().split("\n");
    expect(csv.slice(1).reduce((sum, line) => sum + BigInt(line.split(",")[1]), 0n)).toBe(openAiFunding);

    // The rounds list the equity and convertible deals, a round's parts and tranches together: the 2026 round with its
    // valuation, and every terminated round (Nvidia's letter of intent, Disney's investment) listed and not counted.
    const roundList = page.getByRole("region", { name: /^Rounds/ });
    await expect(roundList.locator("#round-2026-mega-round").getByText("$852B", { exact: true })).toBeVisible();
    const capital = seedRows.filter((r) => r.recipient === "OpenAI" && ["equity", "convertible"].includes(r.kind));
    const terminated = capital.filter((r) => r.status === "terminated").length;
    expect(terminated).toBeGreaterThan(1);
    await expect(roundList.locator(".round-block").filter({ hasText: "Not counted (pipeline or terminated)" })).toHaveCount(terminated);
    // Each deal with its status and amount is one link away, on /deals.
    await roundList
      .getByRole("link", { name: `All ${capital.length} equity and convertible deals OpenAI received, with their status and amounts` })
      .click();
    await expect(page).toHaveURL(/\/deals\?recipient=openai&kind=equity(%2C|,)convertible&sort=date_asc$/);
  });

  test("read the 2026 round as one, with every participant and its amount, and open one of its deals", async ({ page }) => {
    await page.goto("/companies/openai");
    const round = page.locator("#round-2026-mega-round");
    await expect(round.getByRole("heading", { name: "27 Feb 2026: 2026 mega-round" })).toBeVisible();
    const participants = round.getByRole("list", { name: "Participants and their amounts" });
    // Amazon's two tranches ($15B and $35B) are one participant of $50B.
    await expect(participants.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Amazon" }) })).toHaveText(
      /^Amazon( \((lead|co-lead)\))?: \$50B$/,
    );
    for (const name of ["Nvidia", "SoftBank"]) await expect(participants.getByRole("link", { name, exact: true })).toBeVisible();
    await round.getByRole("link", { name: "2026 mega-round - Nvidia" }).click();
    await expect(page).toHaveURL(/\/deals\/\d+$/);
    const part = page.getByRole("region", { name: "Part of a round" });
    await expect(part.getByRole("link", { name: /Amazon conditional tranche/ })).toBeVisible();
    // The round's link leads back to it on the company page.
    await part.getByRole("link", { name: "2026 mega-round", exact: true }).click();
    await expect(page).toHaveURL(/\/companies\/openai#round-2026-mega-round$/);
    await expect(page.locator("#round-2026-mega-round")).toBeVisible();
  });

  test("see the commitments OpenAI made, Oracle among them, apart from its funding", async ({ page }) => {
    await page.goto("/companies/openai");
    const commitments = page.getByRole("region", { name: /Commitments OpenAI made/ });
    await expect(commitments.getByRole("link", { name: /OpenAI → Oracle/ })).toBeVisible();
    await expect(commitments.getByRole("link", { name: /OpenAI → AWS/ }).first()).toBeVisible();
    const investors = page.getByRole("table", { name: /Investors in OpenAI/ });
    await expect(investors.getByRole("link", { name: "Amazon" })).toBeVisible();
    await expect(investors.getByRole("link", { name: "Oracle" })).toHaveCount(0);
    await commitments.getByRole("link", { name: /OpenAI → Oracle/ }).click();
    await expect(page).toHaveURL(/\/deals\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: "OpenAI → Oracle" })).toBeVisible();
  });

  test("read the newest deals received, every deal one link away", async ({ page }) => {
    await page.goto("/companies/openai");
    const received = seedRows.filter((r) => r.recipient.startsWith("OpenAI")).length;
    // The page lists the newest 10 (COMPANY_LIST_LIMIT) and links to all of them on /deals.
    expect(received).toBeGreaterThan(10);
    const timeline = page.getByRole("region", { name: `The 10 newest of ${received} deals OpenAI received` });
    await expect(timeline.getByRole("link", { name: /→/ })).toHaveCount(10);
    await timeline.getByRole("link", { name: `All ${received} deals OpenAI received, with filters and paging` }).click();
    await expect(page).toHaveURL(/\/deals\?recipient=openai$/);
  });
});
