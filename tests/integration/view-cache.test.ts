// The shared views are cached per data version (lib/data/view-cache.ts) and summed in SQL where that is faster
// (lib/data/raw): a write through another process is seen at once, and the SQL figures equal the measures'.
import { AsyncLocalStorage } from "node:async_hooks";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { keepingMarketCells } from "@/lib/deals/market-cells";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCapitalByPeriod } from "@/lib/data/capital";
import { getDealStats } from "@/lib/data/deal-stats";
import { listDeals } from "@/lib/data/deals";
import { loadMeasureDeals } from "../support/measure-deals";
import { getOverview } from "@/lib/data/overview";
import { readsOf } from "@/lib/data/kysely";
import { approximateBytes, cachedView, cachedViewBytes, cachedViewKeys, setViewCacheLimit, viewComputations } from "@/lib/data/view-cache";
import { capitalByPeriodSql } from "@/lib/data/raw/capital-by-period";
import { capitalByNamedInvestorSql } from "@/lib/data/raw/overview-figures";
import { concentrationSeriesSql } from "@/lib/data/raw/concentration-figures";
import { concentrationSeries } from "@/lib/measures/concentration";
import { getConcentration } from "@/lib/data/analysis";
import { viewDeals } from "@/lib/data/raw/view-deals";
import { countingRule, parseAnalysisView } from "@/lib/filters/analysis-view";
import { excludeOrganizations } from "@/lib/measures/exclusion";
import { withDivisions } from "@/lib/measures/organization-groups";
import { loadOrganizationDirectory } from "@/lib/data/organization-directory";
import { DEAL_KINDS } from "@/lib/domain";
import { DEFAULT_DEAL_FILTERS, parseDealFilters } from "@/lib/filters/deal-filters";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { capitalByInvestor, capitalByPeriod, capitalCounted, DEFAULT_RULE, UNDISCLOSED_KEY } from "@/lib/measures/capital";
import { openDatabase } from "@/lib/prisma-client";
import { recordRevision } from "@/lib/revisions";
import { seedDatabase } from "@/lib/seed/seed-database";
import { useTestDbAsAppDb } from "../support/app-db";
import { capitalOf, seedRows } from "../support/seed-csv";
import { createTestDb, type TestDb } from "../support/test-db";
import { prismaDealWhere, referenceMeasureDeals } from "../support/reference-deals";

let t: TestDb;
let other: PrismaClient;
/** Every live deal today, the relation the figures in SQL read. */
const everyDeal = () => viewDeals(readsOf(t.db), { asOf: null }).cells;
let restore: () => Promise<void>;

beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db);
  restore = useTestDbAsAppDb(t.url);
  // A second connection stands for a second app process sharing the database.
  other = await openDatabase(t.url);
});
afterAll(async () => {
  await other?.$disconnect();
  await restore?.();
  await t?.dispose();
});

describe("cached views", () => {
  it("serves the same view until a write, then the new figures at once, even when another process wrote", async () => {
    const before = await getOverview();
    expect(before.capital.total).toBe(capitalOf(seedRows).total);
    expect(await getOverview()).toBe(before); // the cached object itself: nothing was recomputed

    // The largest counted deal, soft-deleted through the other connection the way delete-deal does it.
    const deals = await loadMeasureDeals(t.db);
    const counted = deals.filter((d) => DEFAULT_RULE.kinds.includes(d.kind) && ["announced", "closed"].includes(d.status));
    const largest = counted.reduce((a, b) =>
      (a.amountUsdLow ?? a.amountUsdHigh ?? 0n) >= (b.amountUsdLow ?? b.amountUsdHigh ?? 0n) ? a : b,
    );
    const amount = largest.amountUsdLow ?? largest.amountUsdHigh ?? 0n;
    // The list's page by amount, as /deals and /api/deals read it: kept until the write, like the overview.
    const byAmount = parseDealFilters(new URLSearchParams("sort=amount_desc&kind=" + largest.kind)).filters;
    const listed = await listDeals(byAmount);
    expect(listed.data.map((d) => d.id)).toContain(largest.id);
    expect(await listDeals(byAmount)).toBe(listed);
    await other.$transaction(async (tx) => {
      await keepingMarketCells(tx, [largest.id], () =>
        tx.deal.update({ where: { id: largest.id }, data: { deletedAt: new Date(), version: { increment: 1 } } }),
      );
      await recordRevision(tx, { entityType: "deal", entityId: largest.id, action: "delete", actor: "test", before: null, after: null });
    });

    const after = await getOverview();
    expect(after).not.toBe(before);
    expect(after.capital.total).toBe(before.capital.total - amount);
    expect(after.totalDeals).toBe(before.totalDeals - 1);
    expect((await getDealStats(DEFAULT_DEAL_FILTERS)).capital.total).toBe(after.capital.total);
    const relisted = await listDeals(byAmount);
    expect(relisted.data.map((d) => d.id)).not.toContain(largest.id);
    expect(relisted.total).toBe(listed.total - 1);
  });
});

describe("what the cache keeps", () => {
  it("drops an older version's views once a newer one is stored", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    await cachedView("stale-test", compute);
    expect(await cachedViewKeys()).toContain("stale-test");

    // A write through the other connection: a new version.
    await other.$transaction((tx) =>
      recordRevision(tx, { entityType: "deal", entityId: 1, action: "update", actor: "test", before: null, after: null }),
    );
    await cachedView("fresh-test", compute);
    expect(await cachedViewKeys()).toEqual(["fresh-test"]);
  });

  it("keeps many small views side by side: a thousand lists' counts", async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `count-test:${i}`);
    for (const [i, key] of keys.entries()) await cachedView(key, async () => i);
    const kept = await cachedViewKeys();
    expect(keys.filter((key) => kept.includes(key))).toEqual(keys);
    let computed = 0;
    expect(await cachedView(keys[0], async () => ++computed)).toBe(0);
    expect(computed).toBe(0);
  });

  it("lets the least recently used views go once their bytes pass the bound, and keeps the newest however large", async () => {
    // A bound of 16 MB here (in the app a quarter of the heap, at most 256 MB) and three views of about 6 MB each: the third pushes out the one read
    // longest ago.
    const bound = 16 * 1024 * 1024;
    const previous = setViewCacheLimit(bound);
    try {
      const large = (letter: string) => async () => letter.repeat(6 * 1024 * 1024);
      await cachedView("large-test:a", large("a"));
      await cachedView("large-test:b", large("b"));
      expect(await cachedViewBytes()).toBeGreaterThan(12 * 1024 * 1024);
      await cachedView("large-test:a", large("x")); // read again: now the most recent
      await cachedView("large-test:c", large("c"));
      const kept = await cachedViewKeys();
      expect(kept).toContain("large-test:a");
      expect(kept).toContain("large-test:c");
      expect(kept).not.toContain("large-test:b");
      expect(await cachedViewBytes()).toBeLessThanOrEqual(bound);
      // One view larger than the whole bound is still kept: it is what the last request asked for.
      await cachedView("large-test:huge", async () => "h".repeat(17 * 1024 * 1024));
      expect(await cachedViewKeys()).toEqual(["large-test:huge"]);
    } finally {
      setViewCacheLimit(previous);
    }
  });

  it("keeps a computed view, not the request that computed it", async () => {
    // Every promise made while a request renders holds the request's async context: Next's stores, and through them
    // the request, its response and its rendered page. Here a store of 1 MB stands for them.
    setFlagsFromString("--expose-gc");
    const collectGarbage = runInNewContext("gc") as () => void;
    const request = new AsyncLocalStorage<object>();
    let page: object | null = { html: "p".repeat(1024 * 1024) };
    const released = new WeakRef(page);
    expect(await request.run(page, () => cachedView("context-test", async () => 42))).toBe(42);
    page = null;
    // On PostgreSQL the pool's idle timer for the connection the version was read on was set inside the request and
    // keeps it until the connection is taken again (the pool takes the one released last): a read after does that.
    await cachedView("context-test:after", async () => 0);
    for (let i = 0; i < 3 && released.deref(); i++) {
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
    }
    expect(await cachedViewKeys()).toContain("context-test");
    expect(released.deref()).toBeUndefined();
    let computed = 0;
    expect(await cachedView("context-test", async () => ++computed)).toBe(42);
    expect(computed).toBe(0);
  });

  it("bounds the views to a quarter of the heap the process may grow to, at most 256 MB", () => {
    // A process with its heap bounded as an operator would bound the server's, asked for both bounds.
    const script = `import("./lib/data/view-cache.ts").then((m) => {
      const cache = m.setViewCacheLimit ? m : m.default;
      console.log(cache.setViewCacheLimit(0), require("node:v8").getHeapStatistics().heap_size_limit);
    })`;
    const bounds = (nodeOptions: string) => {
      const run = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "-e", script], {
        env: { ...process.env, NODE_OPTIONS: nodeOptions },
        encoding: "utf8",
      });
      expect(run.stderr).toBe("");
      const [views, heap] = run.stdout.trim().split(" ").map(Number);
      return { views, heap };
    };
    const small = bounds("--max-old-space-size=200");
    expect(small.heap).toBeGreaterThan(200 * 1024 * 1024);
    expect(small.heap).toBeLessThan(300 * 1024 * 1024);
    expect(small.views).toBe(Math.floor(small.heap / 4));
    expect(bounds("--max-old-space-size=4096").views).toBe(256 * 1024 * 1024);
  });

  it("sizes a view by what it holds: strings by length, arrays and maps by their members", () => {
    const page = { data: Array.from({ length: 25 }, (_, i) => ({ id: i, name: `Deal ${i}`, amount: 10n ** 9n })), total: 1000 };
    expect(approximateBytes("x".repeat(1000))).toBeGreaterThanOrEqual(1000);
    expect(approximateBytes({ ...page, data: page.data.concat(page.data.map((d) => ({ ...d }))) })).toBeGreaterThan(
      1.8 * approximateBytes(page),
    );
    expect(approximateBytes(new Map([[1, "y".repeat(5000)]]))).toBeGreaterThan(5000);
    const shared = { name: "z".repeat(10_000) };
    expect(approximateBytes([shared, shared])).toBeLessThan(11_000);
  });
});

describe("view computations", () => {
  it("run at most two at once; the others wait their turn, and a view computed inside a view never waits", async () => {
    const releases: (() => void)[] = [];
    const started: string[] = [];
    const slow = (name: string) => () =>
      new Promise<string>((resolve) => {
        started.push(name);
        releases.push(() => resolve(name));
      });
    // Each view reads the data version first, so on PostgreSQL they reach their turn in no fixed order: wait for counts.
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    try {
      const a = cachedView("limit-test:a", slow("a"));
      await until(() => started.length === 1);
      // The second turn: the outer view asks for an inner one while both turns are taken, and gets it at once.
      const outer = cachedView("limit-test:outer", async () => cachedView("limit-test:inner", async () => "inner"));
      expect(await outer).toBe("inner");
      const rest = ["b", "c", "d"].map((name) => cachedView(`limit-test:${name}`, slow(name)));
      await until(() => started.length === 2 && viewComputations().waiting === 2);
      expect(viewComputations()).toEqual({ running: 2, waiting: 2 });
      releases.shift()?.();
      await until(() => started.length === 3);
      expect(started).toHaveLength(3);
      expect(viewComputations()).toEqual({ running: 2, waiting: 1 });
      while (releases.length > 0 || started.length < 4) {
        releases.shift()?.();
        await until(() => releases.length > 0 || started.length === 4);
      }
      expect((await Promise.all([a, ...rest])).sort()).toEqual(["a", "b", "c", "d"]);
      expect(viewComputations()).toEqual({ running: 0, waiting: 0 });
    } finally {
      // A failed expectation must not leave views holding their turns (every later view would wait forever).
      for (let i = 0; i < 5 && (releases.length > 0 || viewComputations().running > 0); i++) {
        releases.splice(0).forEach((release) => release());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  });
});

describe("every live deal through the driver", () => {
  it("reads the same deals as Prisma, in the same order, with exact BigInt money, soft-deleted ones left out", async () => {
    expect(readsOf(t.db)).toBeTruthy(); // the handle's own Kysely handle
    // The seed states no commitments: give one participation an exact one, past what a double holds.
    const part = await t.db.participation.findFirstOrThrow({ where: { organizationId: { not: null } }, orderBy: { id: "asc" } });
    await t.db.$transaction((tx) =>
      keepingMarketCells(tx, [part.dealId], () =>
        tx.participation.update({ where: { id: part.id }, data: { committedUsd: 9_007_199_254_740_993n } }),
      ),
    );
    const throughDriver = await loadMeasureDeals(t.db, null);
    const throughPrisma = await referenceMeasureDeals(t.db, null);
    expect(throughDriver).toEqual(throughPrisma);
    // The first test soft-deleted one deal: both reads leave it out.
    expect(throughDriver.length).toBe(await t.db.deal.count({ where: { deletedAt: null } }));
    expect(throughDriver.length).toBeLessThan(await t.db.deal.count());
    expect(throughDriver.some((d) => typeof d.amountUsdLow === "bigint" && d.amountUsdLow >= 10_000_000_000n)).toBe(true);
    expect(
      throughDriver
        .flatMap((d) => d.investors)
        .filter((i) => i.committedUsd !== null)
        .map((i) => i.committedUsd),
    ).toEqual([9_007_199_254_740_993n]);
    // That commitment covers its deal: the overview's SQL attribution gives it all and its co-investors nothing.
    expect(await capitalByNamedInvestorSql(everyDeal(), DEFAULT_RULE)).toEqual(
      capitalByInvestor(throughDriver, DEFAULT_RULE).filter((i) => i.key !== UNDISCLOSED_KEY),
    );
  });
});

describe("figures summed in SQL", () => {
  it("capital by period equals the measure over every deal, for both grains and both counting rules", async () => {
    const deals = await loadMeasureDeals(t.db);
    for (const rule of [
      DEFAULT_RULE,
      { kinds: DEAL_KINDS, includePipeline: false },
      { kinds: DEFAULT_RULE.kinds, includePipeline: true },
    ]) {
      for (const grain of ["quarter", "year"] as const) {
        expect(await capitalByPeriodSql(rule, grain, everyDeal())).toEqual(capitalByPeriod(deals, { rule, grain, stackBy: "kind" }));
      }
    }
    const view = await getCapitalByPeriod({ grain: "quarter", include: "capital", asOf: null });
    expect(view.periods).toEqual(capitalByPeriod(deals, { rule: DEFAULT_RULE, grain: "quarter", stackBy: "kind" }));
  });

  it("concentration equals the measure over every deal, both sides and grains, and over the rest of the market with an exclusion", async () => {
    const deals = await loadMeasureDeals(t.db);
    for (const rule of [DEFAULT_RULE, { kinds: DEAL_KINDS, includePipeline: true }]) {
      for (const grain of ["quarter", "year"] as const) {
        for (const side of ["recipient", "investor"] as const) {
          expect(await concentrationSeriesSql({ rule, grain, side }, everyDeal()), `${side} ${grain}`).toEqual(
            concentrationSeries(deals, { rule, grain, side }),
          );
        }
      }
    }
    // With an exclusion the view's figures are those of the remaining deals, not the whole market's.
    const view = parseAnalysisView(new URLSearchParams("exclude=openai")).view;
    const { periods } = await getConcentration(view);
    const remaining = excludeOrganizations(deals, withDivisions(["openai"], await loadOrganizationDirectory(t.db)));
    expect(remaining.length).toBeLessThan(deals.length);
    expect(periods).toEqual(concentrationSeries(remaining, { rule: DEFAULT_RULE, grain: view.grain, side: view.side }));
    expect(periods).not.toEqual(await concentrationSeriesSql({ rule: DEFAULT_RULE, grain: view.grain, side: view.side }, everyDeal()));
    // The whole market's investors are read from its attribution, any other view's from the view's deals in SQL.
    for (const query of ["side=investor", "side=investor&grain=quarter", "side=investor&pipeline=1", "side=investor&kind=equity"]) {
      const investors = parseAnalysisView(new URLSearchParams(query)).view;
      const measured = deals.filter((d) => investors.filters.kinds.length === 0 || investors.filters.kinds.includes(d.kind));
      expect((await getConcentration(investors)).periods, query).toEqual(
        concentrationSeries(measured, { rule: countingRule(investors), grain: investors.grain, side: "investor" }),
      );
    }
  });

  it("the /deals headline figures equal capitalCounted over the filtered deals", async () => {
    for (const query of ["", "kind=equity", "investor=amazon", "from=2024-01-01&status=closed", "q=cloud", "max=1000000000"]) {
      const { filters } = parseDealFilters(new URLSearchParams(query));
      const stats = await getDealStats(filters);
      const deals = await referenceMeasureDeals(t.db, null, prismaDealWhere(filters));
      expect(stats.capital, query).toEqual(capitalCounted(deals));
      expect(stats.dealCount, query).toBe(deals.length);
    }
  });
});
