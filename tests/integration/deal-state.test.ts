// The deals' states in SQL (lib/data/deal-state.ts, one Kysely relation) against the reference: every deal rebuilt
// one by one by dealAsOf from its events read through Prisma (tests/support/reference-deals.ts). On the seed, today
// and as of several dates of its stories: every reported field, the deals present, the measures' input, the /deals
// lists, counts and headline figures with their state filters and sorts. Runs on PostgreSQL too (npm run test:pg).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDealStats } from "@/lib/data/deal-stats";
import { dealsAsOf } from "@/lib/data/deal-state";
import { listAllDeals, listDeals } from "@/lib/data/deals";
import { readsOf } from "@/lib/data/kysely";
import { loadMeasureDeals } from "../support/measure-deals";
import { clearViewCache } from "@/lib/data/view-cache";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import {
  amountKey,
  capitalByInvestor,
  capitalByPeriod,
  capitalByRecipient,
  capitalCounted,
  DEFAULT_RULE,
  herfindahlIndex,
  UNDISCLOSED_KEY,
} from "@/lib/measures/capital";
import { getOverview } from "@/lib/data/overview";
import { capitalByPeriodSql } from "@/lib/data/raw/capital-by-period";
import { viewDeals } from "@/lib/data/raw/view-deals";
import { DEAL_KINDS } from "@/lib/domain";
import { seedDatabase } from "@/lib/seed/seed-database";
import { useTestDbForApp } from "../support/app-db";
import { referenceMeasureDeals, referenceStates, type ReferenceState } from "../support/reference-deals";
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

// Before the seed's first deal, inside its stories (Amazon and OpenAI's talks, the 8-K, the close), and today.
const DATES = [null, "2015-01-01", "2023-06-30", "2025-12-31", "2026-01-30", "2026-02-27", "2026-03-15"];

const REPORTED = [
  "status",
  "announcedOn",
  "amountUsdLow",
  "amountUsdHigh",
  "amountQualifier",
  "round",
  "postMoneyValuationUsd",
  "stakeBps",
  "summary",
  "originalCurrency",
  "originalAmount",
] as const;

const fieldsOf = (d: Pick<ReferenceState, (typeof REPORTED)[number] | "id" | "kind">) => ({
  id: d.id,
  kind: d.kind,
  ...Object.fromEntries(REPORTED.map((f) => [f, d[f]])),
  amountUsdKey: amountKey(d.amountUsdLow, d.amountUsdHigh),
});

describe("the deals as of a date in SQL", () => {
  it("hold every reported field of each deal's latest event, deals reported later absent, equal to dealAsOf", async () => {
    const reads = readsOf(t.db);
    let changed = 0;
    for (const asOf of DATES) {
      const rows = await dealsAsOf(reads, asOf)
        .where("d.deletedAt", "is", null)
        .selectAll("d")
        .orderBy("d.announcedOn")
        .orderBy("d.id")
        .execute();
      const reference = await referenceStates(t.db, asOf);
      expect(rows.map(fieldsOf), String(asOf)).toEqual(reference.map(fieldsOf));
      if (asOf) changed += rows.length;
      for (const row of rows) expect(typeof row.id, "ids are numbers").toBe("number");
    }
    expect(changed).toBeGreaterThan(0);
    expect((await referenceStates(t.db, "2015-01-01")).length).toBeLessThan((await referenceStates(t.db, null)).length);
  });

  it("shows Amazon to OpenAI on 30 January 2026 as the talks reported then: no round name, no $852B valuation", async () => {
    const reads = readsOf(t.db);
    const row = await dealsAsOf(reads, "2026-01-30")
      .innerJoin("Organization as r", "r.id", "d.recipientId")
      .where("r.slug", "=", "openai")
      .where("d.id", "in", (eb) =>
        eb
          .selectFrom("Participation as p")
          .innerJoin("Organization as o", "o.id", "p.organizationId")
          .where("o.slug", "=", "amazon")
          .select("p.dealId"),
      )
      .where("d.kind", "=", "equity")
      .selectAll("d")
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("in_talks");
    expect(row.round).toBeNull();
    expect(row.postMoneyValuationUsd).not.toBe(852_000_000_000n);
    expect(row.summary).not.toMatch(/8-K/);
  });

  it("give the measures the deals dealAsOf rebuilds, today and as of each date", async () => {
    for (const asOf of DATES)
      expect(await loadMeasureDeals(t.db, null, asOf), String(asOf)).toEqual(await referenceMeasureDeals(t.db, asOf));
  });

  it("give capital by period in SQL equal to capitalByPeriod over the rebuilt deals, for each rule and grain", async () => {
    const commitments = { kinds: DEAL_KINDS, includePipeline: false };
    for (const asOf of DATES) {
      const deals = await referenceMeasureDeals(t.db, asOf);
      for (const rule of [DEFAULT_RULE, commitments])
        for (const grain of ["year", "quarter"] as const)
          expect(await capitalByPeriodSql(rule, grain, viewDeals(readsOf(t.db), { asOf }).cells), `${asOf} ${grain}`).toEqual(
            capitalByPeriod(deals, { rule, grain, stackBy: "kind" }),
          );
    }
  });

  it("give the overview's headline in SQL equal to the measures over the rebuilt deals", async () => {
    for (const asOf of DATES) {
      await clearViewCache();
      const deals = await referenceMeasureDeals(t.db, asOf);
      const overview = await getOverview(asOf);
      expect(overview.capital, String(asOf)).toEqual(capitalCounted(deals));
      const top = capitalByInvestor(deals).find((i) => i.key !== UNDISCLOSED_KEY && i.amount > 0n);
      expect(overview.largestInvestor, String(asOf)).toEqual(top ? { slug: top.key, name: top.name, amount: top.amount } : null);
      const years = deals.filter((d) => DEFAULT_RULE.kinds.includes(d.kind)).map((d) => d.announcedOn.slice(0, 4));
      const year = years.sort().at(-1);
      const totals = year ? capitalByRecipient(deals.filter((d) => d.announcedOn.startsWith(year))).map((r) => r.amount) : [];
      expect(overview.recipientHhi, String(asOf)).toEqual(
        year ? { year, hhi: herfindahlIndex(totals), recipients: totals.filter((a) => a > 0n).length } : null,
      );
      expect(overview.totalDeals).toBe(deals.length);
    }
  });

  it("are what /deals lists, counts and sums as of each date, with the state filters and sorts on the rebuilt deals", async () => {
    const queries = [
      "",
      "status=in_talks",
      "status=announced&status=closed",
      "from=2026-01-01",
      "min=10000000000",
      "kind=equity&max=5000000000",
    ];
    const sorts = ["date_desc", "date_asc", "amount_desc", "amount_asc"] as const;
    for (const asOf of DATES.filter((d) => d !== null)) {
      const reference = await referenceStates(t.db, asOf);
      for (const query of queries) {
        await clearViewCache();
        const { filters } = parseDealFilters(new URLSearchParams(`${query}&asOf=${asOf}`));
        const matching = reference.filter((d) => {
          const key = amountKey(d.amountUsdLow, d.amountUsdHigh);
          return (
            (filters.statuses.length === 0 || filters.statuses.includes(d.status as never)) &&
            (filters.kinds.length === 0 || filters.kinds.includes(d.kind as never)) &&
            (filters.from === null || d.announcedOn >= filters.from) &&
            (filters.to === null || d.announcedOn <= filters.to) &&
            (filters.min === null || (key !== null && key >= filters.min)) &&
            (filters.max === null || (key !== null && key <= filters.max))
          );
        });
        const label = `${query} as of ${asOf}`;
        const stats = await getDealStats(filters);
        expect(stats.dealCount, label).toBe(matching.length);
        const measured = (await referenceMeasureDeals(t.db, asOf)).filter((d) => matching.some((m) => m.id === d.id));
        expect(stats.capital, label).toEqual(capitalCounted(measured));
        for (const sort of sorts) {
          const ordered = [...matching].sort(referenceOrder(sort));
          const all = await listAllDeals({ ...filters, sort });
          expect(
            all.map((d) => [d.id, d.status, d.round]),
            `${label} ${sort}`,
          ).toEqual(ordered.map((d) => [d.id, d.status, d.round]));
          const page = await listDeals({ ...filters, sort, page: 2, pageSize: 7 });
          expect(
            page.data.map((d) => d.id),
            `${label} ${sort} page 2`,
          ).toEqual(ordered.slice(7, 14).map((d) => d.id));
          expect(page.total).toBe(matching.length);
        }
      }
    }
  });
});

/** The /deals order in memory: by date, or by amount with the deals without one last; ids break ties alike. */
function referenceOrder(sort: "date_desc" | "date_asc" | "amount_desc" | "amount_asc") {
  const direction = sort.endsWith("desc") ? -1 : 1;
  return (a: ReferenceState, b: ReferenceState) => {
    if (sort.startsWith("date")) {
      if (a.announcedOn !== b.announcedOn) return a.announcedOn < b.announcedOn ? -direction : direction;
      return direction * (a.id - b.id);
    }
    const ka = amountKey(a.amountUsdLow, a.amountUsdHigh);
    const kb = amountKey(b.amountUsdLow, b.amountUsdHigh);
    if (ka === null || kb === null) return ka === kb ? direction * (a.id - b.id) : ka === null ? 1 : -1;
    return ka === kb ? direction * (a.id - b.id) : ka < kb ? -direction : direction;
  };
}
