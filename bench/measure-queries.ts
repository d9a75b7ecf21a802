// Run by bench/run.ts in its own process (`tsx --conditions=react-server`, so the server-only data layer loads) with
// DATABASE_URL pointing at the synthetic database. Prints one JSON object on stdout:
// - cold: the first call of each measure in this fresh process (after the connection is open), in ms;
// - hot: for the hot queries, the median time through the app's data layer and through the same query in raw
//   better-sqlite3, and their ratio.
import Database from "better-sqlite3";
import { getAnalysis, getConcentration } from "../lib/data/analysis";
import { getCapitalByPeriod } from "../lib/data/capital";
import { getDeal } from "../lib/data/deal";
import { getDealStats } from "../lib/data/deal-stats";
import { listDeals } from "../lib/data/deals";
import { getInvestor } from "../lib/data/investor";
import { getOverview } from "../lib/data/overview";
import { clearViewCache } from "../lib/data/view-cache";
import { getDb } from "../lib/db";
import { resolveDatabaseUrl } from "../lib/db-url";
import { parseAnalysisView } from "../lib/filters/analysis-view";
import { parseCapitalView } from "../lib/filters/capital-view";
import { parseDealFilters } from "../lib/filters/deal-filters";

const investorSlug = process.argv[2] ?? "microsoft";
const dealId = Number(process.argv[3] ?? "1");
const repeats = Number(process.argv[4] ?? "5");

async function time<T>(fn: () => Promise<T> | T): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** The median of up to `repeats` runs (fewer when they are slow); `before` runs untimed ahead of each (the data layer's runs empty its view cache). */
async function median(fn: () => Promise<unknown> | unknown, before: () => Promise<void> | void = () => {}): Promise<number> {
  const times: number[] = [];
  const started = performance.now();
  // At a million deals one run of a slow query can take a minute: stop repeating after 20 s.
  for (let i = 0; i < repeats && (i === 0 || performance.now() - started < 20_000); i++) {
    await before();
    times.push(await time(fn));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const FILTERED = "kind=equity&status=closed&from=2024-01-01&min=10000000&sort=amount_desc&page=3";

async function main() {
  const db = await getDb();
  await db.$queryRawUnsafe("SELECT 1");
  const filtered = parseDealFilters(new URLSearchParams(FILTERED)).filters;
  const analysisDefault = parseAnalysisView(new URLSearchParams()).view;
  const analysisSince = parseAnalysisView(new URLSearchParams({ from: "2024-01-01" })).view;

  // Cold: each measure's first call in this process, in the order a visitor's first pages would call them.
  const cold: Record<string, number> = {};
  cold["overview (/)"] = await time(() => getOverview());
  cold["capital by quarter"] = await time(() => getCapitalByPeriod(parseCapitalView({ grain: "quarter" })));
  cold["analysis (/analysis)"] = await time(() => getAnalysis(analysisDefault));
  cold["concentration by year"] = await time(() => getConcentration(analysisDefault));
  cold["analysis since a date (/analysis?from=2024-01-01)"] = await time(() => getAnalysis(analysisSince));
  cold["filtered list (/deals)"] = await time(() => listDeals(filtered));
  cold["filtered stats (/deals)"] = await time(() => getDealStats(filtered));
  cold["investor page"] = await time(() => getInvestor(investorSlug, "year"));
  cold["deal page"] = await time(() => getDeal(dealId));

  // Hot: data layer vs the same result straight from better-sqlite3.
  const raw = new Database(resolveDatabaseUrl().replace(/^file:/, ""), { readonly: true });
  raw.defaultSafeIntegers(true);
  const f = filtered;
  const listPage = raw.prepare(
    `SELECT d.id, d."announcedOn", d.kind, d.status, d.round, d."amountUsdLow", d."amountUsdHigh", d."amountQualifier", d."postMoneyValuationUsd",
            r.slug AS "recipientSlug", r.name AS "recipientName",
            (SELECT COUNT(*) FROM "Source" s WHERE s."dealId" = d.id) AS "sourceCount"
       FROM "Deal" d JOIN "Organization" r ON r.id = d."recipientId"
      WHERE d."deletedAt" IS NULL AND d.kind = 'equity' AND d.status = 'closed' AND d."announcedOn" >= ? AND d."amountUsdKey" >= ?
      ORDER BY d."amountUsdKey" DESC, d.id DESC LIMIT ? OFFSET ?`,
  );
  const listParties = raw.prepare(
    `SELECT p."dealId", p.role, p."partyLabel", o.slug, o.name FROM "Participation" p LEFT JOIN "Organization" o ON o.id = p."organizationId"
      WHERE p."dealId" IN (SELECT value FROM json_each(?)) ORDER BY p."dealId", p.position`,
  );
  const listCount = raw.prepare(
    `SELECT COUNT(*) n FROM "Deal" d WHERE d."deletedAt" IS NULL AND d.kind = 'equity' AND d.status = 'closed' AND d."announcedOn" >= ? AND d."amountUsdKey" >= ?`,
  );
  const rawList = () => {
    const rows = listPage.all(f.from, f.min, f.pageSize, (f.page - 1) * f.pageSize) as { id: bigint }[];
    listParties.all(JSON.stringify(rows.map((r) => Number(r.id))));
    return listCount.get(f.from, f.min);
  };
  const byQuarter = raw.prepare(
    `SELECT substr("announcedOn", 1, 4) || '-Q' || ((CAST(substr("announcedOn", 6, 2) AS INTEGER) + 2) / 3) AS period, kind,
            SUM(COALESCE("amountUsdLow", "amountUsdHigh", 0)) AS total
       FROM "Deal" WHERE "deletedAt" IS NULL AND kind IN ('equity', 'convertible') AND status IN ('announced', 'closed')
      GROUP BY period, kind ORDER BY period`,
  );
  const byYearRecipient = raw.prepare(
    `SELECT substr(d."announcedOn", 1, 4) AS period, d."recipientId", SUM(COALESCE(d."amountUsdLow", d."amountUsdHigh", 0)) AS total
       FROM "Deal" d WHERE d."deletedAt" IS NULL AND d.kind IN ('equity', 'convertible') AND d.status IN ('announced', 'closed')
      GROUP BY period, d."recipientId"`,
  );
  const rawConcentration = () => {
    // The shares and HHI per year from the per-recipient totals: the part SQL cannot do is this small loop.
    const byPeriod = new Map<string, bigint[]>();
    for (const r of byYearRecipient.iterate() as Iterable<{ period: string; total: bigint }>) {
      const list = byPeriod.get(r.period) ?? [];
      list.push(r.total);
      byPeriod.set(r.period, list);
    }
    for (const totals of byPeriod.values()) {
      const sum = totals.reduce((a, b) => a + b, 0n);
      totals.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
      if (sum > 0n) totals.reduce((h, t) => h + (Number(t) / Number(sum)) ** 2, 0);
    }
  };

  const capitalView = parseCapitalView({ grain: "quarter" });
  const pairs: [string, () => Promise<unknown>, () => unknown][] = [
    ["filtered list", () => listDeals(filtered), rawList],
    ["capital by quarter", () => getCapitalByPeriod(capitalView), () => byQuarter.all()],
    ["concentration by year", () => getConcentration(analysisDefault), rawConcentration],
  ];
  const hot: { query: string; dataLayerMs: number; rawMs: number; ratio: number }[] = [];
  for (const [query, app, sql] of pairs) {
    // The view cache would answer from memory: each timed call computes the view from the database.
    const dataLayerMs = await median(app, clearViewCache);
    const rawMs = await median(sql);
    hot.push({ query, dataLayerMs, rawMs, ratio: dataLayerMs / rawMs });
  }
  raw.close();
  process.stdout.write(JSON.stringify({ cold, hot }));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
