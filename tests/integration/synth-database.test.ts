// The synthetic database of `npm run db:synth`: deterministic for a seed, built on the real migrations, and read
// correctly by the app's own data layer (so a benchmark on it measures the real code paths).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listDealsRoute } from "@/app/api/deals/route";
import { getAnalysis } from "@/lib/data/analysis";
import { countAll, readsOf } from "@/lib/data/kysely";
import { dealFilterCondition, quarterSplit } from "@/lib/data/deal-where";
import { clearViewCache } from "@/lib/data/view-cache";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { viewDeals } from "@/lib/data/raw/view-deals";
import { dealCsvBatches } from "@/lib/data/deal-export";
import { getDealStats } from "@/lib/data/deal-stats";
import { listAllDeals } from "@/lib/data/deals";
import { parseAnalysisView } from "@/lib/filters/analysis-view";
import { getOverview } from "@/lib/data/overview";
import { DEFAULT_DEAL_FILTERS } from "@/lib/filters/deal-filters";
import { seedOrganizations } from "@/prisma/seed/organizations";
import { contentHash, synthDatabase } from "@/lib/synth/synth-database";
import { getDb } from "@/lib/db";
import { loadMeasureDeals } from "../support/measure-deals";
import { referenceMeasureDeals } from "../support/reference-deals";
import { onDeal } from "@/lib/data/raw/overview-figures";
import { capitalByNamedInvestorSql } from "@/lib/data/raw/overview-figures";
import { concentrationSeriesSql } from "@/lib/data/raw/concentration-figures";
import { concentrationSeries } from "@/lib/measures/concentration";
import { DEAL_KINDS } from "@/lib/domain";
import {
  capitalByInvestor,
  capitalByRecipient,
  capitalCounted,
  DEFAULT_RULE,
  herfindahlIndex,
  UNDISCLOSED_KEY,
} from "@/lib/measures/capital";
import { useTestDbAsAppDb } from "../support/app-db";

const DEALS = 3000;
let dir: string;
let file: string;
let restore: () => Promise<void>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "deal-synth-"));
  file = path.join(dir, "a.db");
  synthDatabase({ deals: DEALS, seed: 7, out: file });
  restore = useTestDbAsAppDb(`file:${file}`);
});
afterAll(async () => {
  await restore?.();
  rmSync(dir, { recursive: true, force: true });
});

const raw = () => new Database(file, { readonly: true });

describe("npm run db:synth", () => {
  it("gives the same content for the same seed and other content for another seed", () => {
    const again = path.join(dir, "b.db");
    const other = path.join(dir, "c.db");
    synthDatabase({ deals: DEALS, seed: 7, out: again });
    synthDatabase({ deals: DEALS, seed: 8, out: other });
    expect(contentHash(again)).toBe(contentHash(file));
    expect(contentHash(other)).not.toBe(contentHash(file));
  });

  it("writes N deals with investors, sources and lifecycle events, among the real seed organizations", () => {
    const db = raw();
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count(`SELECT COUNT(*) n FROM "Deal"`)).toBe(DEALS);
    expect(count(`SELECT COUNT(*) n FROM "Deal" WHERE id NOT IN (SELECT "dealId" FROM "DealEvent")`)).toBe(0);
    expect(count(`SELECT COUNT(*) n FROM "Deal" WHERE id NOT IN (SELECT "dealId" FROM "Source")`)).toBe(0);
    // Several investors per round on average, and the last event of each deal carries its current status.
    expect(count(`SELECT COUNT(*) n FROM "Participation"`)).toBeGreaterThan(DEALS * 2);
    expect(
      count(`SELECT COUNT(*) n FROM "Deal" d JOIN "DealEvent" e ON e."dealId" = d.id
             WHERE e.id = (SELECT MAX(id) FROM "DealEvent" WHERE "dealId" = d.id) AND e.status <> d.status`),
    ).toBe(0);
    // amountUsdKey is the low amount, or the high one where only "up to" is known.
    expect(count(`SELECT COUNT(*) n FROM "Deal" WHERE "amountUsdKey" IS NOT COALESCE("amountUsdLow", "amountUsdHigh")`)).toBe(0);
    for (const o of seedOrganizations)
      expect(db.prepare(`SELECT name FROM "Organization" WHERE slug = ?`).get(o.slug)).toEqual({ name: o.name });
    // Popularity is skewed: the most funded recipient has far more rounds than the median one.
    const perRecipient = (db.prepare(`SELECT COUNT(*) n FROM "Deal" GROUP BY "recipientId" ORDER BY n DESC`).all() as { n: number }[]).map(
      (r) => r.n,
    );
    expect(perRecipient[0]).toBeGreaterThan(10 * perRecipient[Math.floor(perRecipient.length / 2)]);
    expect(db.pragma("foreign_key_check")).toEqual([]);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  });

  it("is read by the app's data layer: capital counted equals the SQL sum of the counted rows", async () => {
    const db = raw();
    db.defaultSafeIntegers(true);
    const expected = db
      .prepare(
        `SELECT COUNT(*) n, COALESCE(SUM("amountUsdKey"), 0) total FROM "Deal"
         WHERE "deletedAt" IS NULL AND kind IN ('equity', 'convertible') AND status IN ('announced', 'closed')`,
      )
      .get() as { n: bigint; total: bigint };
    const live = db.prepare(`SELECT COUNT(*) n FROM "Deal" WHERE "deletedAt" IS NULL`).get() as { n: bigint };
    db.close();

    const stats = await getDealStats(DEFAULT_DEAL_FILTERS);
    expect(stats.capital.total).toBe(expected.total);
    expect(BigInt(stats.capital.dealCount)).toBe(expected.n);
    expect(BigInt(stats.dealCount)).toBe(live.n);
    const overview = await getOverview();
    expect(overview.capital.total).toBe(expected.total);
    // More deals than SQLite binds parameters in one Prisma query (999): every list and chart still loads.
    const all = await listAllDeals(DEFAULT_DEAL_FILTERS);
    expect(BigInt(all.length)).toBe(live.n);
    expect(all.map((d) => d.announcedOn)).toEqual(
      all
        .map((d) => d.announcedOn)
        .sort()
        .reverse(),
    );
    expect(all.every((d) => d.investors.length > 0 || d.sourceCount > 0)).toBe(true);
    const analysis = await getAnalysis(parseAnalysisView(new URLSearchParams()).view);
    expect(analysis.summary.total).toBe(expected.total);
    let exported = 0;
    for await (const rows of dealCsvBatches(DEFAULT_DEAL_FILTERS)) exported += rows.length;
    expect(BigInt(exported)).toBe(live.n);
    const body = await (await listDealsRoute(new Request("http://localhost/api/deals?kind=equity&sort=amount_desc&pageSize=5"))).json();
    expect(body.data).toHaveLength(5);
    expect(body.data[0].amountUsdLow ?? body.data[0].amountUsdHigh).toBeGreaterThanOrEqual(
      body.data[4].amountUsdLow ?? body.data[4].amountUsdHigh,
    );
  });

  it("the overview's figures summed in SQL equal the measures over every deal (commitments, unnamed parties, odd dollars)", async () => {
    const db = await getDb();
    const deals = await loadMeasureDeals(db, null);
    expect(deals.some((d) => d.investors.some((i) => i.committedUsd !== null))).toBe(true);
    for (const rule of [DEFAULT_RULE, { kinds: DEAL_KINDS, includePipeline: true }]) {
      const named = capitalByInvestor(deals, rule).filter((i) => i.key !== UNDISCLOSED_KEY);
      expect(await capitalByNamedInvestorSql(viewDeals(readsOf(db), { asOf: null }).cells, rule)).toEqual(named);
    }
    const overview = await getOverview();
    const top = capitalByInvestor(deals, DEFAULT_RULE).find((i) => i.key !== UNDISCLOSED_KEY && i.amount > 0n);
    expect(overview.largestInvestor).toEqual({ slug: top?.key, name: top?.name, amount: top?.amount });
    const year = deals
      .filter((d) => DEFAULT_RULE.kinds.includes(d.kind))
      .map((d) => d.announcedOn.slice(0, 4))
      .sort()
      .at(-1) as string;
    const totals = capitalByRecipient(
      deals.filter((d) => d.announcedOn.startsWith(year)),
      DEFAULT_RULE,
    ).map((r) => r.amount);
    expect(overview.recipientHhi).toEqual({ year, hhi: herfindahlIndex(totals), recipients: totals.filter((a) => a > 0n).length });
  });

  it("concentration summed in SQL equals the measure over every deal, both sides, both grains, both counting rules", async () => {
    const db = await getDb();
    const deals = await loadMeasureDeals(db, null);
    for (const rule of [DEFAULT_RULE, { kinds: DEAL_KINDS, includePipeline: true }]) {
      for (const grain of ["year", "quarter"] as const) {
        for (const side of ["recipient", "investor"] as const) {
          const expected = concentrationSeries(deals, { rule, grain, side });
          expect(expected.some((p) => p.entities > 1)).toBe(true);
          expect(
            await concentrationSeriesSql({ rule, grain, side }, viewDeals(readsOf(db), { asOf: null }).cells),
            `${side} ${grain}`,
          ).toEqual(expected);
        }
      }
    }
  });

  it("the /deals figures of an investor filter, read from the kept parts, equal the measures over the filter's deals", async () => {
    const db = await getDb();
    const reads = readsOf(db);
    const [top, second] = (
      await reads
        .selectFrom("InvestorPart as p")
        .innerJoin("Organization as o", "o.id", "p.organizationId")
        .groupBy("o.slug")
        .orderBy(countAll(), "desc")
        .limit(2)
        .select("o.slug")
        .execute()
    ).map((o) => o.slug);
    const { slug: recipient } = await reads
      .selectFrom("InvestorPart as p")
      .innerJoin("Organization as o", "o.id", "p.recipientId")
      .where("p.organizationId", "=", reads.selectFrom("Organization").where("slug", "=", top).select("id"))
      .groupBy("o.slug")
      .orderBy(countAll(), "desc")
      .select("o.slug")
      .executeTakeFirstOrThrow();
    let upperBoundShared = false;
    for (const query of [
      `investor=${top}`,
      `investor=${top},${second}`,
      `investor=${top},${second}&recipient=${recipient}&status=closed,announced&from=2021-01-01`,
      `investor=${second}&kind=equity&from=2022-02-10&to=2025-08-20`,
      `investor=${top}&status=closed&asOf=2024-06-30`,
    ]) {
      const { filters } = parseDealFilters(new URLSearchParams(query));
      await clearViewCache();
      const stats = await getDealStats(filters);
      const deals = await loadMeasureDeals(db, dealFilterCondition(filters, reads), filters.asOf);
      expect(stats.dealCount, query).toBe(deals.length);
      expect(stats.capital, query).toEqual(capitalCounted(deals));
      expect(stats.capital.dealCount, query).toBeGreaterThan(0);
      // "Up to" amounts shared with co-investors: the whole amount, not the filter's investors' part of it.
      if (stats.attributed && stats.attributed.upperBoundPart < stats.capital.upperBoundTotal) upperBoundShared = true;
    }
    expect(upperBoundShared).toBe(true);
  });

  it("counts and sums the /deals figures of dates within quarters as the measures do over the filter's deals", async () => {
    const db = await getDb();
    const reads = readsOf(db);
    for (const query of ["from=2021-05-17", "kind=equity&to=2024-11-03", "status=closed,announced&from=2020-02-29&to=2025-12-30"]) {
      const { filters } = parseDealFilters(new URLSearchParams(query));
      expect(quarterSplit(filters)?.days.length, query).toBeGreaterThan(0);
      await clearViewCache();
      const stats = await getDealStats(filters);
      const deals = await loadMeasureDeals(db, dealFilterCondition(filters, reads));
      expect(stats.dealCount, query).toBe(deals.length);
      expect(stats.capital, query).toEqual(capitalCounted(deals));
    }
  });

  it("an organization's deals read by id through the driver equal Prisma's read of the same deals", async () => {
    const db = await getDb();
    const org = await db.organization.findFirstOrThrow({ where: { slug: "microsoft" }, select: { id: true } });
    const asInvestor = await loadMeasureDeals(
      db,
      onDeal("d.id", "in", onDeal.selectFrom("Participation").where("organizationId", "=", org.id).select("dealId")),
    );
    expect(asInvestor.length).toBeGreaterThan(10);
    expect(asInvestor).toEqual(
      await referenceMeasureDeals(db, null, { participations: { some: { organization: { slug: "microsoft" } } } }),
    );
    const asRecipient = await loadMeasureDeals(db, onDeal("d.recipientId", "=", org.id));
    expect(asRecipient).toEqual(await referenceMeasureDeals(db, null, { recipient: { slug: "microsoft" } }));
  });
});
