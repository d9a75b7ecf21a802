// Circular flows that add up (#18): on the seed, every loop as /analysis draws it shows, per leg, the deal total and
// the pair's part, and its money in and money back are the sums of the parts shown (the legs not listed counted in
// their one row); the /deals address each loop links to lists exactly its deals, read back through the one filter
// compiler; and the organization pages find their loops.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCircularFlowsApi } from "@/app/api/stats/circular-flows/route";
import { CircularFlowList } from "@/components/analysis/circular-flow-list";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CIRCULAR_FLOWS_SHOWN, computeLoopsOf, getAnalysis, getCircularFlows, getLoopsOf } from "@/lib/data/analysis";
import { clearViewCache } from "@/lib/data/view-cache";
import { loadOrganizationDirectory } from "@/lib/data/organization-directory";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { rootOf } from "@/lib/measures/organization-groups";
import { openDatabase } from "@/lib/prisma-client";
import { synthDatabase } from "@/lib/synth/synth-database";
import { referenceCircularFlows } from "../support/reference-analysis";
import { listAllDeals } from "@/lib/data/deals";
import { getDb } from "@/lib/db";
import { parseAnalysisView } from "@/lib/filters/analysis-view";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import type { CircularFlow } from "@/lib/measures/circular-flows";
import { seedDatabase } from "@/lib/seed/seed-database";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
let loops: CircularFlow[];

beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db);
  process.env.DATABASE_URL = t.url;
  loops = (await getCircularFlows(parseAnalysisView(new URLSearchParams()).view)).loops;
});
afterAll(async () => {
  await (await getDb()).$disconnect();
  await t?.dispose();
});

/** The two leg tables of one rendered loop: the parts column's cells (listed legs and the "more" row) and the total. */
function tablesOf(html: string) {
  return html
    .split("<table")
    .slice(1)
    .map((table) => ({
      parts: [...table.matchAll(/data-part="(\d+)"/g)].map((m) => BigInt(m[1])),
      total: BigInt(/data-total="(\d+)"/.exec(table)?.[1] ?? "-1"),
      headers: [...table.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]),
      more: /<a [^>]*href="(\/deals\?ids=[^"]*)"[^>]*>(\d+) more/.exec(table),
    }));
}

const idsOf = (legs: CircularFlow["moneyIn"]) => [...new Set(legs.map((l) => l.dealId))].sort((a, b) => a - b);
const unescape = (href: string) => href.replaceAll("&amp;", "&");

/** The deals /deals lists for an address, through parseDealFilters and dealFilterCondition. */
async function listed(href: string): Promise<number[]> {
  const filters = parseDealFilters(new URL(href, "http://test.local").searchParams);
  return (await listAllDeals(filters.filters)).map((d) => d.id).sort((a, b) => a - b);
}

describe("circular flows on the seed", () => {
  it("shows, for every loop, each leg's deal total and the pair's part, money in and money back being the sums of the parts", () => {
    expect(loops.length).toBeGreaterThanOrEqual(6);
    for (const loop of loops) {
      // As /analysis draws it: three legs per side.
      const html = renderToStaticMarkup(createElement(CircularFlowList, { loops: [loop], asOf: null, open: true, legsShown: 3 }));
      const [moneyIn, moneyBack] = tablesOf(html);
      const name = `${loop.investor.name} → ${loop.company.name}`;
      expect(moneyIn.headers, name).toEqual(["Deal", "Date", "Kind", "Status", "Deal total", `${loop.investor.name}’s part`]);
      expect(moneyBack.headers.at(-1), name).toBe(`${loop.company.name}’s part`);
      expect(moneyIn.total, name).toBe(loop.inTotal);
      expect(moneyBack.total, name).toBe(loop.backTotal);
      expect(
        moneyIn.parts.reduce((s, p) => s + p, 0n),
        name,
      ).toBe(loop.inTotal);
      expect(
        moneyBack.parts.reduce((s, p) => s + p, 0n),
        name,
      ).toBe(loop.backTotal);
      expect(moneyIn.parts.length, name).toBe(Math.min(loop.moneyIn.length, 3) + (loop.moneyIn.length > 3 ? 1 : 0));
    }
  });

  it("shows Microsoft's $13.7B into OpenAI as its parts of its deals, the shared rounds beside their totals", () => {
    const loop = loops.find((l) => l.investor.key === "microsoft" && l.company.key === "openai")!;
    expect(loop.inTotal).toBe(13_658_333_333n);
    const html = renderToStaticMarkup(createElement(CircularFlowList, { loops: [loop], asOf: null, open: true }));
    // A sixth of the $11B round, beside the round's total.
    expect(html).toMatch(/\$11B<\/span><\/td><td data-part="1833333333"><span title="\$1,833,333,333">\$1\.8B/);
    expect(html).toContain("Money in, the sum of the parts");
    expect(html).toMatch(/Money back per dollar in: \$250B OpenAI committed back ÷ \$13\.7B Microsoft put in = 18\.3×/);
    expect(html).toContain('href="/methodology#back-per-dollar"');
  });

  it("links the legs not listed to /deals listing exactly that side's deals, and each loop to exactly its deals", async () => {
    let links = 0;
    for (const loop of loops) {
      const [moneyIn, moneyBack] = tablesOf(
        renderToStaticMarkup(createElement(CircularFlowList, { loops: [loop], asOf: null, legsShown: 1 })),
      );
      for (const [table, legs] of [
        [moneyIn, loop.moneyIn],
        [moneyBack, loop.moneyBack],
      ] as const) {
        if (idsOf(legs).length < 2 || legs.length < 2) continue;
        expect(table.more, `${loop.investor.key}-${loop.company.key}`).not.toBeNull();
        expect(await listed(unescape(table.more![1]))).toEqual(idsOf(legs));
        links++;
      }
    }
    expect(links).toBeGreaterThan(0);

    const api = (await (await getCircularFlowsApi(new Request("http://test.local/api/stats/circular-flows"))).json()) as {
      loops: {
        investor: { slug: string };
        company: { slug: string };
        dealsHref: string;
        moneyInUsd: number;
        moneyIn: { amountUsd: number; dealAmountUsd: number }[];
      }[];
    };
    for (const [i, loop] of loops.entries()) {
      expect(api.loops[i].dealsHref).toMatch(/^\/deals\?ids=\d+(,\d+)*$/);
      expect(await listed(api.loops[i].dealsHref)).toEqual(idsOf([...loop.moneyIn, ...loop.moneyBack]));
      expect(api.loops[i].moneyIn.reduce((s, l) => s + l.amountUsd, 0)).toBe(api.loops[i].moneyInUsd);
    }
  });

  it("keeps the date of an as-of view in the /deals address", async () => {
    const asOf = "2025-06-30";
    const { loops: then } = await getCircularFlows(parseAnalysisView(new URLSearchParams({ asOf })).view);
    const [moneyIn] = tablesOf(renderToStaticMarkup(createElement(CircularFlowList, { loops: [then[0]], asOf, legsShown: 1 })));
    const href = unescape(moneyIn.more![1]);
    expect(href).toContain(`asOf=${asOf}`);
    expect(await listed(href)).toEqual(idsOf(then[0].moneyIn));
  });

  it("finds the loops of an organization page: a division through its parent, a company spending back, none for others", async () => {
    const pairs = async (slug: string) => (await getLoopsOf(slug, null)).map((l) => `${l.investor.key}>${l.company.key}`);
    expect(await pairs("microsoft")).toEqual(["microsoft>openai", "microsoft>anthropic"]);
    expect(await pairs("azure")).toEqual(["microsoft>openai", "microsoft>anthropic"]);
    expect(await pairs("openai")).toEqual(["microsoft>openai", "amazon>openai"]);
    expect(await pairs("anthropic")).toHaveLength(3);
    expect(await pairs("xai")).toEqual([]);
    expect(await getLoopsOf("no-such-organization", null)).toEqual([]);
  });

  it("computes /analysis's loops once with its loop pages', the largest of the circular-flows API's", async () => {
    await clearViewCache();
    const { view } = parseAnalysisView(new URLSearchParams({ count: "all", pipeline: "1" }));
    const analysis = await getAnalysis(view);
    const shown = await getCircularFlows(view, CIRCULAR_FLOWS_SHOWN);
    const { loops: all, count } = await getCircularFlows(view);
    expect(analysis.circularFlowCount).toBe(all.length);
    expect(count).toBe(all.length);
    expect(shown.count).toBe(all.length);
    expect(analysis.circularFlows.length).toBeGreaterThan(0);
    expect(analysis.circularFlows).toEqual(all.slice(0, CIRCULAR_FLOWS_SHOWN));
    // The same loop objects: the pages' cache entry was filled by /analysis, not computed again.
    analysis.circularFlows.forEach((loop, i) => expect(loop).toBe(shown.loops[i]));
  });

  it("gives an organization the whole market's loops its top parent is in, leg by leg, today and as of dates", async () => {
    await expectLoopsOfEveryOrganization(t.db, ["", "2024-06-30", "2025-06-30"]);
  });
});

/**
 * computeLoopsOf of every organization in a loop, and of three in none, equals the loops of the whole market, as the
 * measure finds them over every deal in memory (referenceCircularFlows), whose investor or company is its top parent.
 */
async function expectLoopsOfEveryOrganization(db: PrismaClient, dates: string[]) {
  const directory = await loadOrganizationDirectory(db);
  const slugs = [...directory.keys()].sort();
  let found = 0;
  for (const asOf of dates) {
    const market = await referenceCircularFlows(db, parseAnalysisView(new URLSearchParams(asOf ? { asOf } : {})).view);
    expect(market.length).toBeGreaterThan(0);
    const inLoops = new Set(market.flatMap((l) => [l.investor.key, l.company.key]));
    const isIn = (slug: string) => inLoops.has(rootOf(slug, directory));
    for (const slug of [...slugs.filter(isIn), ...slugs.filter((slug) => !isIn(slug)).slice(0, 3)]) {
      const root = rootOf(slug, directory);
      const expected = market.filter((l) => l.investor.key === root || l.company.key === root);
      expect(await computeLoopsOf(db, slug, asOf || null), `${slug} ${asOf}`).toEqual(expected);
      found += expected.length;
    }
  }
  expect(found).toBeGreaterThan(0);
}

describe("an organization's loops on a synthetic database of 10,000 deals", () => {
  let dir: string;
  let db: PrismaClient;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "deal-loops-"));
    const file = path.join(dir, "synth.db");
    synthDatabase({ deals: 10_000, seed: 5, out: file });
    db = await openDatabase(`file:${file}`);
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it("equals the whole market's loops of its top parent, today and as of a date (divisions, shared rounds and commitments)", async () => {
    await expectLoopsOfEveryOrganization(db, ["", "2024-12-31"]);
  }, 600_000);
});
