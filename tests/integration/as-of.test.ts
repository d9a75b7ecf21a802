import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listDealsRoute } from "@/app/api/deals/route";
import { getAnalysis } from "@/lib/data/analysis";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getCompany } from "@/lib/data/company";
import { getInvestor } from "@/lib/data/investor";
import { getDealStats } from "@/lib/data/deal-stats";
import { listDeals } from "@/lib/data/deals";
import { getOverview } from "@/lib/data/overview";
import { listInvestors } from "@/lib/data/organization-rankings";
import { parseAnalysisView } from "@/lib/filters/analysis-view";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { seedDatabase } from "@/lib/seed/seed-database";
import { useTestDbForApp } from "../support/app-db";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
let restore: () => void;

beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db);
  restore = useTestDbForApp(t.db);
});
afterAll(async () => {
  restore?.();
  await t?.dispose();
});

const filters = (query: string) => parseDealFilters(new URLSearchParams(query)).filters;

/**
 * Capital counted as of a date, straight from the stored events (not through lib/story or lib/measures): each deal's
 * latest event on or before the date, counted when equity or convertible and announced or closed, at low ?? high.
 * With `investor`, only that investor's equal part of each deal (the odd dollars to the first parties listed).
 */
async function capitalFromEvents(asOf: string, where: Prisma.DealWhereInput = {}, investor?: string) {
  const deals = await t.db.deal.findMany({
    where: { deletedAt: null, ...where },
    select: {
      kind: true,
      participations: { orderBy: { position: "asc" }, select: { organization: { select: { slug: true } } } },
      events: { where: { occurredOn: { lte: asOf } }, orderBy: [{ occurredOn: "desc" }, { id: "desc" }], take: 1 },
    },
  });
  let total = 0n;
  let count = 0;
  let reported = 0;
  for (const deal of deals) {
    const state = deal.events[0];
    if (!state) continue;
    reported++;
    if (!["equity", "convertible"].includes(deal.kind) || !["announced", "closed"].includes(state.status)) continue;
    count++;
    const amount = state.amountUsdLow ?? state.amountUsdHigh ?? 0n;
    if (investor === undefined) {
      total += amount;
      continue;
    }
    const parties = BigInt(deal.participations.length);
    const index = BigInt(deal.participations.findIndex((p) => p.organization?.slug === investor));
    total += amount / parties + (index < amount % parties ? 1n : 0n);
  }
  return { total, count, reported };
}

describe("as of a date", () => {
  it("shows Amazon -> OpenAI on 2026-01-30 as talks of up to $50B, and today as the $15B + $35B tranches", async () => {
    const then = await listDeals(filters("investor=amazon&recipient=openai&kind=equity&asOf=2026-01-30"));
    expect(then.data.map((d) => [d.status, d.amountUsdLow, d.amountUsdHigh, d.amountQualifier, d.announcedOn])).toEqual([
      ["in_talks", null, 50_000_000_000n, "up_to", "2025-12-17"],
    ]);
    const now = await listDeals(filters("investor=amazon&recipient=openai&kind=equity&sort=amount_desc"));
    expect(now.data.map((d) => [d.status, d.amountUsdLow])).toEqual([
      ["announced", 35_000_000_000n],
      ["closed", 15_000_000_000n],
    ]);
    // Its terms are those of the date too: no round name while in talks; today the 8-K's Series C Preferred.
    expect(then.data.map((d) => d.round)).toEqual([null]);
    expect(now.data.map((d) => d.round)).toEqual([
      expect.stringContaining("conditional tranche"),
      expect.stringContaining("(Series C Preferred)"),
    ]);
    // Between the announcement and the close the $15B tranche was announced, not yet closed.
    const march = await listDeals(filters("investor=amazon&recipient=openai&kind=equity&asOf=2026-03-15&status=closed"));
    expect(march.total).toBe(0);
  });

  it("ranks investors as of a date over the deals as reported then", async () => {
    const none = { q: null, type: null };
    const [then, today] = await Promise.all([listInvestors(none, "2026-01-30"), listInvestors(none)]);
    const amazon = (r: typeof then) => r.rows.find((row) => row.slug === "amazon")!;
    // Amazon's $15B in OpenAI was not counted on 30 January (talks); Amazon's earlier deals in Anthropic were.
    expect(amazon(today).capital - amazon(then).capital).toBeGreaterThanOrEqual(15_000_000_000n);
    expect(amazon(then).capital).toBeGreaterThan(0n);
    expect(then.total).toBeLessThan(today.total);
  });

  it("counts the overview's capital from the deals as they were, equal to the sum of the rebuilt rows", async () => {
    const [then, today] = await Promise.all([getOverview("2026-01-30"), getOverview()]);
    const expectedThen = await capitalFromEvents("2026-01-30");
    const expectedToday = await capitalFromEvents("9999-12-31");
    expect([then.capital.total, then.capital.dealCount, then.totalDeals]).toEqual([
      expectedThen.total,
      expectedThen.count,
      expectedThen.reported,
    ]);
    expect([today.capital.total, today.capital.dealCount, today.totalDeals]).toEqual([
      expectedToday.total,
      expectedToday.count,
      expectedToday.reported,
    ]);
    expect(then.capital.total).toBeLessThan(today.capital.total);
    // Nothing reported after the date appears in its lists.
    expect(then.latestDeals.every((d) => d.announcedOn <= "2026-01-30")).toBe(true);
    expect(then.latestChanges.every((c) => c.occurredOn <= "2026-01-30")).toBe(true);
  });

  it("shows Nvidia's $100B letter as announced before it was replaced, and terminated after", async () => {
    const loi = (date: string | null) =>
      listDeals(filters(`investor=nvidia&recipient=openai&q=Letter of intent${date ? `&asOf=${date}` : ""}`));
    expect((await loi("2026-01-30")).data.map((d) => d.status)).toEqual(["announced"]);
    expect((await loi(null)).data.map((d) => d.status)).toEqual(["terminated"]);
    expect((await loi("2025-09-21")).total).toBe(0);
  });

  it("applies the state filters and the stats to the rebuilt deals", async () => {
    const page = await listDeals(filters("asOf=2026-01-30&status=in_talks&pageSize=200"));
    expect(page.data.length).toBe(page.total);
    expect(page.data.every((d) => d.status === "in_talks")).toBe(true);
    expect(page.data.some((d) => d.recipient.slug === "openai" && d.amountUsdHigh === 50_000_000_000n)).toBe(true);
    const stats = await getDealStats(filters("asOf=2026-01-30"));
    expect(stats.capital.total).toBe((await capitalFromEvents("2026-01-30")).total);
  });

  it("runs /analysis on the deals as they were", async () => {
    const view = parseAnalysisView(new URLSearchParams("asOf=2026-01-30")).view;
    const analysis = await getAnalysis(view);
    expect(analysis.summary.total).toBe((await capitalFromEvents("2026-01-30")).total);
    expect(analysis.largestDeals.every((d) => d.announcedOn <= "2026-01-30")).toBe(true);
  });

  it("shows an investor and a company as they were", async () => {
    const [then, today] = await Promise.all([getInvestor("amazon", "year", "2026-01-30"), getInvestor("amazon", "year")]);
    const talks = then?.portfolio.find((d) => d.recipient.slug === "openai" && d.kind === "equity");
    expect([talks?.status, talks?.amountUsdHigh, talks?.attributed]).toEqual(["in_talks", 50_000_000_000n, null]);
    expect(then?.portfolio.every((d) => d.announcedOn <= "2026-01-30")).toBe(true);
    // Amazon's capital is its equal part of each counted deal it is in, as each deal stood on the date.
    const amazonDeals = { participations: { some: { organization: { slug: "amazon" } } } };
    expect(then?.capital.total).toBe((await capitalFromEvents("2026-01-30", amazonDeals, "amazon")).total);
    expect(today?.capital.total).toBe((await capitalFromEvents("9999-12-31", amazonDeals, "amazon")).total);
    expect(then?.capital.total).toBeLessThan(today?.capital.total ?? 0n);
    const openai = await getCompany("openai", "2026-01-30");
    expect(openai?.funding.total).toBe((await capitalFromEvents("2026-01-30", { recipient: { slug: "openai" } })).total);
    expect(openai?.timeline.every((d) => d.announcedOn <= "2026-01-30")).toBe(true);
  });

  it("answers the API with the same parameter, and 400 for a malformed date", async () => {
    const body = await (
      await listDealsRoute(new Request("http://localhost/api/deals?investor=amazon&recipient=openai&kind=equity&asOf=2026-01-30"))
    ).json();
    expect(body.data.map((d: { status: string; amountUsdHigh: number }) => [d.status, d.amountUsdHigh])).toEqual([
      ["in_talks", 50_000_000_000],
    ]);
    const bad = await listDealsRoute(new Request("http://localhost/api/deals?asOf=2026-13-01"));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("asOf");
  });
});
