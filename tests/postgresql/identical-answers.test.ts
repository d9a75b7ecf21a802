// The same seed on SQLite and on PostgreSQL gives the same answers: every API read (deal lists in every order, search,
// filters, measures to the dollar, organizations, the CSV export) and the data behind the pages, compared byte for
// byte; and so does a synthetic database of thousands of deals, copied from SQLite to PostgreSQL as the benchmark
// copies it. Run by `npm run test:pg`.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDeal } from "@/app/api/deals/[id]/route";
import { GET as exportDeals } from "@/app/api/deals/export.csv/route";
import { GET as listDeals } from "@/app/api/deals/route";
import { GET as capitalByPeriodOf } from "@/app/api/organizations/[slug]/capital-by-period/route";
import { GET as coInvestorsOf } from "@/app/api/organizations/[slug]/co-investors/route";
import { GET as fundingRoundsOf } from "@/app/api/organizations/[slug]/funding-rounds/route";
import { GET as roundsOf } from "@/app/api/organizations/[slug]/rounds/route";
import { GET as getOrganization } from "@/app/api/organizations/[slug]/route";
import { GET as listOrganizationsApi } from "@/app/api/organizations/route";
import { GET as search } from "@/app/api/search/route";
import { GET as capitalByKind } from "@/app/api/stats/capital-by-kind/route";
import { GET as capitalByPeriod } from "@/app/api/stats/capital-by-period/route";
import { GET as circularFlows } from "@/app/api/stats/circular-flows/route";
import { GET as concentration } from "@/app/api/stats/concentration/route";
import { GET as flows } from "@/app/api/stats/flows/route";
import { GET as summary } from "@/app/api/stats/summary/route";
import { getAnalysis } from "@/lib/data/analysis";
import { getCompany } from "@/lib/data/company";
import { getCompanyRounds } from "@/lib/data/rounds";
import { getDeal as getDealView } from "@/lib/data/deal";
import { listDeals as listDealsData } from "@/lib/data/deals";
import { getInvestor } from "@/lib/data/investor";
import { getMethodology } from "@/lib/data/methodology";
import { getOverview } from "@/lib/data/overview";
import { parseAnalysisView } from "@/lib/filters/analysis-view";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { ALL_DATES } from "@/lib/filters/date-window";
import { openDatabase } from "@/lib/prisma-client";
import { seedDatabase } from "@/lib/seed/seed-database";
import { copySqliteToPostgresql } from "@/lib/synth/copy-to-postgresql";
import { synthDatabase } from "@/lib/synth/synth-database";
import { createTestDb, testPostgresUrl, type TestDb } from "../support/test-db";
import { capitalOf, seedRows } from "../support/seed-csv";

const onPostgres = testPostgresUrl() !== null;
let sqlite: TestDb;
let postgres: TestDb;
const globalForDb = globalThis as unknown as { dealTrackerDb?: Promise<unknown> };

beforeAll(async () => {
  if (!onPostgres) return;
  [sqlite, postgres] = await Promise.all([createTestDb({ provider: "sqlite" }), createTestDb({ provider: "postgresql" })]);
  await seedDatabase(sqlite.db);
  await seedDatabase(postgres.db);
});
afterAll(async () => {
  await sqlite?.dispose();
  await postgres?.dispose();
});

/** Runs `read` with the app's database handle (and DATABASE_URL, which picks the dialect) pointing at `t`. */
async function on<T>(t: TestDb, read: () => Promise<T>): Promise<T> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = t.url;
  globalForDb.dealTrackerDb = Promise.resolve(t.db);
  try {
    return await read();
  } finally {
    process.env.DATABASE_URL = previous;
    delete globalForDb.dealTrackerDb;
  }
}

/**
 * Both answers, as text (BigInt written as a string, so money compares to the dollar). Row timestamps (createdAt,
 * updatedAt) are the moments each seed ran, so they are checked to be dates and left out of the comparison.
 */
async function both(read: () => Promise<unknown>, [a, b]: [TestDb, TestDb] = [sqlite, postgres]): Promise<[string, string]> {
  const text = (value: unknown) =>
    JSON.stringify(
      value,
      (key, v) =>
        typeof v === "bigint"
          ? `${v}n`
          : (key === "createdAt" || key === "updatedAt") && typeof v === "string" && !Number.isNaN(Date.parse(v))
            ? "<timestamp>"
            : v,
      1,
    );
  return [text(await on(a, read)), text(await on(b, read))];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers differ in their params
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;
async function fetchBoth(
  handler: Handler,
  url: string,
  params: Record<string, string> = {},
  [a, b]: [TestDb, TestDb] = [sqlite, postgres],
) {
  const call = async () => {
    const response = await handler(new Request(`http://localhost${url}`), { params: Promise.resolve(params) });
    return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
  };
  return [await on(a, call), await on(b, call)];
}

const dealQueries = [
  "",
  "pageSize=200",
  "pageSize=200&sort=date_asc",
  "pageSize=200&sort=amount_desc",
  "pageSize=200&sort=amount_asc",
  "pageSize=10&page=3&sort=amount_desc",
  "q=openai&pageSize=200",
  "q=OpenAI&pageSize=200",
  "q=OPENAI&pageSize=200",
  "q=nvidia&pageSize=200&sort=amount_desc",
  "q=QIA&pageSize=200",
  "recipient=Anthropic&pageSize=200",
  "q=series&pageSize=200",
  "q=100%25&pageSize=200",
  "q=_&pageSize=200",
  "investor=amazon&pageSize=200",
  "investor=amazon&investor=google&pageSize=200&sort=amount_asc",
  "recipient=anthropic&pageSize=200&sort=date_asc",
  "kind=compute_commitment&from=2025-01-01&pageSize=200",
  "min=1000000000&max=10000000000&pageSize=200&sort=amount_desc",
  "status=announced&pageSize=200",
];

describe.skipIf(!onPostgres)("SQLite and PostgreSQL give identical answers on the seed", () => {
  it("seeds the same deals, and the seed's headline figures hold on PostgreSQL", async () => {
    expect(await postgres.db.deal.count()).toBe(await sqlite.db.deal.count());
    const body = JSON.parse((await fetchBoth(summary, "/api/stats/summary"))[1].body);
    // Capital counted as the CSV oracle sums it straight from prisma/seed/deals.csv.
    expect(body.capitalCountedUsd).toBe(Number(capitalOf(seedRows).total));
  });

  it.each(dealQueries)("GET /api/deals?%s", async (query) => {
    const [a, b] = await fetchBoth(listDeals, `/api/deals?${query}`);
    expect(a.status).toBe(200);
    expect(b).toEqual(a);
  });

  it("search ignores case on both (OpenAI, openai and OPENAI find the same deals)", async () => {
    // One after the other: fetchBoth points the app's one database handle at each database in turn, and two at once
    // took each other's handle away (a read on PostgreSQL's bare database: relation "Deal" does not exist).
    const totals: number[] = [];
    for (const q of ["openai", "OPENAI"]) totals.push(JSON.parse((await fetchBoth(listDeals, `/api/deals?q=${q}`))[1].body).total);
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals[1]).toBe(totals[0]);
  });

  it.each([
    ["/api/deals/export.csv", exportDeals],
    ["/api/deals/export.csv?investor=amazon&sort=amount_desc", exportDeals],
    ["/api/stats/summary", summary],
    ["/api/stats/summary?investor=amazon", summary],
    ["/api/stats/capital-by-period", capitalByPeriod],
    ["/api/stats/capital-by-period?grain=year&include=commitments", capitalByPeriod],
    ["/api/stats/capital-by-kind", capitalByKind],
    ["/api/stats/concentration", concentration],
    ["/api/stats/concentration?side=recipient&grain=year", concentration],
    ["/api/stats/flows", flows],
    ["/api/stats/circular-flows", circularFlows],
    ["/api/organizations", listOrganizationsApi],
    ["/api/organizations?q=ai", listOrganizationsApi],
    ...["Antropic", "nvida", "Open%20AI", "Mistal", "QIA", "Anysphere", "a&limit=50", "series&limit=50", "zzzz"].map(
      (q) => [`/api/search?q=${q}`, search] as [string, Handler],
    ),
  ] as [string, Handler][])("GET %s", async (url, handler) => {
    const [a, b] = await fetchBoth(handler, url);
    expect(a.status).toBe(200);
    expect(b).toEqual(a);
  });

  it.each(["amazon", "anthropic", "openai", "nvidia", "microsoft", "softbank"])(
    "GET /api/organizations/%s, its series, rounds and co-investors",
    async (slug) => {
      for (const handler of [getOrganization, capitalByPeriodOf, fundingRoundsOf, roundsOf, coInvestorsOf] as Handler[]) {
        const [a, b] = await fetchBoth(handler, `/api/organizations/${slug}`, { slug });
        expect(b).toEqual(a);
      }
    },
  );

  it("GET /api/deals/<id> for every deal", async () => {
    const ids = (await sqlite.db.deal.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((d) => String(d.id));
    for (const id of ids) {
      const [a, b] = await fetchBoth(getDeal, `/api/deals/${id}`, { id });
      expect(a.status).toBe(200);
      expect(b, `deal ${id}`).toEqual(a);
    }
  });

  it("the pages' data: overview, deal list, analysis, methodology, investor, company and deal views", async () => {
    const filters = parseDealFilters({ q: "anthropic", sort: "amount_desc" }).filters;
    const reads: [string, () => Promise<unknown>][] = [
      ["overview", () => getOverview()],
      ["deals", () => listDealsData(filters)],
      ["analysis", () => getAnalysis(parseAnalysisView({}).view)],
      ["analysis by recipient", () => getAnalysis(parseAnalysisView({ side: "recipient", include: "commitments" }).view)],
      ["methodology", () => getMethodology()],
      ["investor amazon", () => getInvestor("amazon", "year")],
      ["company anthropic", () => getCompany("anthropic")],
      ["rounds openai", () => getCompanyRounds("openai")],
      ["rounds openai as of 2025-12-01", () => getCompanyRounds("openai", "2025-12-01")],
      // The newest rounds are chosen in the database: the same ones in either.
      ["newest rounds openai", () => getCompanyRounds("openai", null, ALL_DATES, 20)],
      ["company openai", () => getCompany("openai")],
      ["deal 1", () => getDealView(1)],
    ];
    for (const [name, read] of reads) {
      const [a, b] = await both(read);
      expect(b, name).toBe(a);
    }
  });
});

describe.skipIf(!onPostgres)("SQLite and PostgreSQL give identical answers on a synthetic database copied across", () => {
  let dir: string;
  let pair: [TestDb, TestDb];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "synthetic-copy-"));
    const file = path.join(dir, "synth.db");
    synthDatabase({ deals: 3_000, seed: 11, out: file });
    const url = `file:${file}`;
    const db = await openDatabase(url);
    const copy = await createTestDb({ provider: "postgresql" });
    await copySqliteToPostgresql(file, copy.url);
    pair = [{ db, url, provider: "sqlite", file, dispose: () => db.$disconnect() }, copy];
  }, 300_000);
  afterAll(async () => {
    for (const t of pair ?? []) await t.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The `take` organizations with the most deals received or joined, by slug. */
  const busiest = async (role: "investor" | "recipient", take = 2): Promise<string[]> => {
    const { db } = pair[0];
    const ids =
      role === "investor"
        ? (
            await db.participation.groupBy({
              by: ["organizationId"],
              where: { organizationId: { not: null } },
              _count: true,
              orderBy: { _count: { organizationId: "desc" } },
              take,
            })
          ).map((r) => r.organizationId as number)
        : (await db.deal.groupBy({ by: ["recipientId"], _count: true, orderBy: { _count: { recipientId: "desc" } }, take })).map(
            (r) => r.recipientId,
          );
    return Promise.all(ids.map(async (id) => (await db.organization.findUniqueOrThrow({ where: { id } })).slug));
  };

  it("copies every deal, party, source and event", async () => {
    const [a, b] = pair;
    for (const count of [
      (t: TestDb) => t.db.deal.count(),
      (t: TestDb) => t.db.participation.count(),
      (t: TestDb) => t.db.dealEvent.count(),
    ]) {
      expect(await count(b)).toBe(await count(a));
    }
    expect(await a.db.deal.count()).toBe(3_000);
  });

  it.each([
    ["/api/deals?pageSize=200&sort=amount_desc", listDeals],
    ["/api/deals?pageSize=50&page=7&sort=date_asc&status=announced,closed", listDeals],
    ["/api/deals?kind=equity&from=2023-01-01&min=10000000&pageSize=100", listDeals],
    ["/api/deals?asOf=2024-06-30&pageSize=100&sort=amount_asc", listDeals],
    ["/api/stats/summary", summary],
    ["/api/stats/summary?asOf=2023-12-31", summary],
    ["/api/stats/capital-by-period?grain=year&include=commitments", capitalByPeriod],
    ["/api/stats/capital-by-kind", capitalByKind],
    ["/api/stats/concentration?grain=quarter", concentration],
    ["/api/stats/concentration?side=investor&asOf=2024-12-31", concentration],
    ["/api/stats/flows?limit=50", flows],
    ["/api/stats/circular-flows?count=all", circularFlows],
  ] as [string, Handler][])("GET %s", async (url, handler) => {
    const [a, b] = await fetchBoth(handler, url, {}, pair);
    expect(a.status).toBe(200);
    expect(b).toEqual(a);
  });

  it("the busiest organizations' pages, by their API and their data", async () => {
    const [investors, recipients] = [await busiest("investor"), await busiest("recipient")];
    for (const slug of [...investors, ...recipients]) {
      for (const handler of [getOrganization, capitalByPeriodOf, fundingRoundsOf, coInvestorsOf] as Handler[]) {
        const [a, b] = await fetchBoth(handler, `/api/organizations/${slug}`, { slug }, pair);
        expect(b, slug).toEqual(a);
      }
    }
    for (const slug of investors) {
      const [a, b] = await both(() => getInvestor(slug, "year"), pair);
      expect(b, slug).toBe(a);
    }
    for (const slug of recipients) {
      const [a, b] = await both(() => getCompany(slug), pair);
      expect(b, slug).toBe(a);
    }
  });

  it("the analysis, excluded and as of a date", async () => {
    for (const params of [
      {},
      { side: "investor", grain: "quarter" },
      { asOf: "2024-06-30", count: "all" },
      { pipeline: "1", kind: "equity" },
    ]) {
      const [a, b] = await both(() => getAnalysis(parseAnalysisView(params).view), pair);
      expect(b, JSON.stringify(params)).toBe(a);
    }
  });
});
