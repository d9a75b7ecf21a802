// The rankings of /investors and /companies, summed in SQL (lib/data/raw/ranking-figures.ts), against their measures
// rankInvestors and rankRecipients (lib/measures/organization-rankings.ts) over every deal loaded into memory, today
// and as of several dates, on the seed (also under `npm run test:pg`) and on a synthetic database of 10,000 deals
// (stated commitments, unnamed parties, odd dollars); and a search keeps each organization's rank in the whole list.
import { describe, expect, it } from "vitest";
import { loadMeasureDeals } from "../support/measure-deals";
import { listCompanies, listInvestors, type OrganizationRanking } from "@/lib/data/organization-rankings";
import { getDb } from "@/lib/db";
import { rankInvestors, rankRecipients, type OrganizationRank } from "@/lib/measures/organization-rankings";
import { seededAppDb, syntheticAppDb } from "../support/app-db";

const NO_SEARCH = { q: null, type: null };

const asRows = (ranking: OrganizationRanking) =>
  ranking.rows.map((r) => ({ rank: r.rank, key: r.slug, name: r.name, amount: r.capital, deals: r.deals, countedDeals: r.countedDeals }));
const ranked = (ranking: OrganizationRank[]) => ranking.map((r, i) => ({ rank: i + 1, ...r }));

async function expectRankingsAsMeasured(asOf: string | null) {
  const deals = await loadMeasureDeals(await getDb(), null, asOf);
  const label = asOf ?? "today";
  const [investors, companies] = await Promise.all([listInvestors(NO_SEARCH, asOf), listCompanies(NO_SEARCH, asOf)]);
  const expectedInvestors = rankInvestors(deals);
  const expectedCompanies = rankRecipients(deals);
  expect(expectedInvestors.length, label).toBeGreaterThan(10);
  expect(asRows(investors), label).toEqual(ranked(expectedInvestors));
  expect(investors.total, label).toBe(expectedInvestors.length);
  expect(asRows(companies), label).toEqual(ranked(expectedCompanies));
  expect(companies.total, label).toBe(expectedCompanies.length);
  return { investors, companies };
}

describe("the rankings in SQL on the seed", () => {
  seededAppDb();

  it("equal rankInvestors and rankRecipients today and as of several dates", async () => {
    const today = await expectRankingsAsMeasured(null);
    const then = await expectRankingsAsMeasured("2026-01-30");
    await expectRankingsAsMeasured("2025-06-30");
    await expectRankingsAsMeasured("2024-06-30");
    // The date changes the ranking (the comparison is not of equal answers).
    expect(asRows(then.investors)).not.toEqual(asRows(today.investors));
  });

  it("narrows by search and type in the database, each row keeping its rank in the whole list", async () => {
    const all = await listCompanies(NO_SEARCH);
    const clouds = await listCompanies({ q: null, type: "cloud" });
    expect(clouds.total).toBe(all.total);
    expect(clouds.rows.length).toBeGreaterThan(0);
    expect(clouds.rows).toEqual(all.rows.filter((r) => r.type === "cloud"));
    const asOf = "2025-06-30";
    const [whole, qia] = await Promise.all([listInvestors(NO_SEARCH, asOf), listInvestors({ q: "QIA", type: null }, asOf)]);
    expect(qia.rows).toEqual(whole.rows.filter((r) => r.slug === "qia"));
  });
});

// The synthetic database is written by better-sqlite3: SQLite only.
describe.skipIf(process.env.DATABASE_URL?.startsWith("postgres"))("the rankings in SQL on a synthetic database of 10,000 deals", () => {
  syntheticAppDb("rankings");

  it("equal rankInvestors and rankRecipients today and as of several dates", async () => {
    for (const asOf of [null, "2024-12-31", "2019-06-30"]) await expectRankingsAsMeasured(asOf);
  }, 600_000);
});
