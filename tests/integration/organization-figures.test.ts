// The organization pages' figures summed in SQL (lib/data/raw/investor-figures.ts, round-figures.ts, lib/data/company.ts) against their
// measures in lib/measures over the deals rebuilt apart (tests/support/reference-deals.ts: Prisma reads and dealAsOf),
// on the seed (also under `npm run test:pg`) and on a synthetic database, today and as of several dates, both grains,
// and a company's figures within a span of dates.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPANY_LIST_LIMIT, FUNDING_CHART_POINTS, getCompany, getFundingHistory } from "@/lib/data/company";
import { getCoInvestors, getInvestor, PORTFOLIO_LIMIT } from "@/lib/data/investor";
import { getDb } from "@/lib/db";
import { addToMarketCells } from "@/lib/deals/market-cells";
import { capitalCounted, UNDISCLOSED_KEY, type Grain } from "@/lib/measures/capital";
import { coInvestorsOf, SHARED_ROUNDS_SHOWN } from "@/lib/measures/co-investors";
import { queryBuilder } from "@/lib/data/kysely";
import { roundPairStatements } from "@/lib/data/raw/round-pairs";
import { fundingRounds } from "@/lib/measures/funding-rounds";
import { fundingTimeline } from "@/lib/measures/funding-timeline";
import { investorShareOfRecipients, investorSharesOfRecipient } from "@/lib/measures/funding-shares";
import { attributedAmount, investorCapital, investorCapitalByPeriod } from "@/lib/measures/investor-capital";
import { seedDatabase } from "@/lib/seed/seed-database";
import { synthDatabase } from "@/lib/synth/synth-database";
import { useTestDbAsAppDb } from "../support/app-db";
import { referenceMeasureDeals, referenceStates } from "../support/reference-deals";
import { createTestDb, type TestDb } from "../support/test-db";

const DATES = [null, "2024-06-30", "2026-01-30"];

/** Organizations by live deals on one side, most first. */
async function ranked(side: "investor" | "recipient"): Promise<string[]> {
  const db = await getDb();
  const orgs = await db.organization.findMany({
    where: { deletedAt: null },
    select: {
      slug: true,
      _count: { select: { participations: { where: { deal: { deletedAt: null } } }, received: { where: { deletedAt: null } } } },
    },
  });
  const count = (o: (typeof orgs)[number]) => (side === "investor" ? o._count.participations : o._count.received);
  return orgs
    .filter((o) => count(o) > 0)
    .sort((a, b) => count(b) - count(a) || a.slug.localeCompare(b.slug))
    .map((o) => o.slug);
}

/** Compares; says how many co-investors the investor has, for the tests to check they compared some. */
async function expectInvestorAsMeasured(slug: string, asOf: string | null, grain: Grain) {
  const db = await getDb();
  const view = await getInvestor(slug, grain, asOf);
  if (!view) throw new Error(`no investor ${slug}`);
  const own = await referenceMeasureDeals(db, asOf, { participations: { some: { organization: { slug } } } });
  const ofTheirRecipients = await referenceMeasureDeals(db, asOf, {
    recipient: { received: { some: { participations: { some: { organization: { slug } } } } } },
  });
  const label = `${slug} ${asOf ?? "today"} ${grain}`;
  expect(view.capital, label).toEqual(investorCapital(own, slug));
  // The whole counted amounts of the same deals, from the deals' amounts its parts carry.
  expect(view.roundsJoined, label).toEqual(capitalCounted(own));
  expect(view.periods, label).toEqual(investorCapitalByPeriod(own, slug, { grain }));
  expect(view.recipients, label).toEqual(investorShareOfRecipients(ofTheirRecipients, slug));
  // Co-investors need every deal of the investor's rounds, whoever is in it.
  const ofTheirRounds = await referenceMeasureDeals(db, asOf, {
    OR: [
      { participations: { some: { organization: { slug } } } },
      { roundRef: { deals: { some: { deletedAt: null, participations: { some: { organization: { slug } } } } } } },
    ],
  });
  const coInvestors = coInvestorsOf(ofTheirRounds, slug);
  expect(await getCoInvestors(slug, asOf), label).toEqual(coInvestors);
  // The page carries each co-investor's newest rounds in common and the count of all.
  expect(view.coInvestors, label).toEqual(coInvestors.map((c) => ({ ...c, rounds: c.rounds.slice(-SHARED_ROUNDS_SHOWN) })));
  // Within dates: the rounds of the deals announced within them (a Round's tranche reported later is not).
  const window = { from: "2025-01-01", to: "2025-12-31" };
  const within = ofTheirRounds.filter((d) => d.announcedOn >= window.from && d.announcedOn <= window.to);
  expect(await getCoInvestors(slug, asOf, window), `${label} in 2025`).toEqual(coInvestorsOf(within, slug));
  // The portfolio: the newest deals of any kind and status and the count of all, today (from its kept parts) and as
  // of dates alike, and within dates.
  const newest = (deals: typeof own) =>
    [...deals]
      .sort((a, b) => b.announcedOn.localeCompare(a.announcedOn) || b.id - a.id)
      .slice(0, PORTFOLIO_LIMIT)
      .map((d) => d.id);
  expect([view.portfolioTotal, view.portfolio.map((d) => d.id)], label).toEqual([own.length, newest(own)]);
  const ownWithin = own.filter((d) => d.announcedOn >= window.from && d.announcedOn <= window.to);
  const viewWithin = await getInvestor(slug, grain, asOf, window);
  expect([viewWithin?.portfolioTotal, viewWithin?.portfolio.map((d) => d.id)], `${label} in 2025`).toEqual([
    ownWithin.length,
    newest(ownWithin),
  ]);
  const byId = new Map(own.map((d) => [d.id, d]));
  expect(
    view.portfolio.map((d) => d.attributed),
    label,
  ).toEqual(view.portfolio.map((d) => attributedAmount(byId.get(d.id)!, slug)));
  return { coInvestors: coInvestors.length, sharedRounds: Math.max(0, ...coInvestors.map((c) => c.roundCount)) };
}

async function expectCompanyAsMeasured(slug: string, asOf: string | null) {
  const db = await getDb();
  const view = await getCompany(slug, asOf);
  if (!view) throw new Error(`no company ${slug}`);
  const received = await referenceMeasureDeals(db, asOf, { recipient: { slug } });
  const label = `${slug} ${asOf ?? "today"}`;
  expect(view.funding, label).toEqual(capitalCounted(received));
  expect(view.investors, label).toEqual(investorSharesOfRecipient(received, slug));
  const valuations = new Map((await referenceStates(db, asOf, { recipient: { slug } })).map((d) => [d.id, d.postMoneyValuationUsd]));
  const rounds = fundingRounds(received.map((d) => ({ ...d, postMoneyValuationUsd: valuations.get(d.id) ?? null })));
  const history = await getFundingHistory(slug, asOf);
  expect(history?.rounds, label).toEqual(rounds);
  // The page's view keeps the timeline of those rounds and marks, and the latest marks with their sources.
  const marks = history?.valuations ?? [];
  expect(view.roundCount, label).toBe(rounds.length);
  expect(view.fundingTimeline, label).toEqual(fundingTimeline(rounds, marks, { latest: COMPANY_LIST_LIMIT, points: FUNDING_CHART_POINTS }));
  expect(view.valuationCount, label).toBe(marks.length);
  expect(view.latestValuations, label).toEqual(marks.slice(-COMPANY_LIST_LIMIT));
  return { rounds: rounds.length };
}

/** The company's funding and investors over the deals announced within a span of dates, as the page's from/to give them. */
async function expectCompanyWindowAsMeasured(slug: string, asOf: string | null, from: string, to: string) {
  const db = await getDb();
  const view = await getCompany(slug, asOf, { from, to });
  if (!view) throw new Error(`no company ${slug}`);
  const within = (await referenceMeasureDeals(db, asOf, { recipient: { slug } })).filter(
    (d) => d.announcedOn >= from && d.announcedOn <= to,
  );
  const label = `${slug} ${asOf ?? "today"} ${from}..${to}`;
  expect(view.funding, label).toEqual(capitalCounted(within));
  expect(view.investors, label).toEqual(investorSharesOfRecipient(within, slug));
  return view.investors.length;
}

describe("organization figures in SQL on the seed", () => {
  let t: TestDb;
  let release: () => Promise<void>;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDatabase(t.db);
    release = useTestDbAsAppDb(t.url);
  });
  afterAll(async () => {
    await release?.();
    await t?.dispose();
  });

  // Each comparison rebuilds the investor's deals apart through Prisma: slow on a loaded machine, so the time limit is wide.
  it("equal the measures for every investor today", { timeout: 300_000 }, async () => {
    const investors = await ranked("investor");
    expect(investors.length).toBeGreaterThan(20);
    for (const slug of investors) await expectInvestorAsMeasured(slug, null, "year");
  });

  it("equal the measures for the 15 most active investors as of dates, by year and quarter", { timeout: 300_000 }, async () => {
    const investors = (await ranked("investor")).slice(0, 15);
    for (const asOf of DATES.slice(1)) {
      for (const slug of investors) await expectInvestorAsMeasured(slug, asOf, "year");
    }
    for (const slug of investors.slice(0, 5)) await expectInvestorAsMeasured(slug, "2026-01-30", "quarter");
  });

  it("equal the measures for every company, today and as of dates", { timeout: 300_000 }, async () => {
    const companies = await ranked("recipient");
    expect(companies.length).toBeGreaterThan(20);
    for (const slug of companies) await expectCompanyAsMeasured(slug, null);
    for (const asOf of DATES.slice(1)) {
      for (const slug of companies.slice(0, 15)) await expectCompanyAsMeasured(slug, asOf);
    }
  });

  it(
    "split a company's deals among its investors as the measure does where commitments leave a remainder",
    { timeout: 120_000 },
    async () => {
      const nvidia = await t.db.organization.findUniqueOrThrow({ where: { slug: "nvidia" } });
      const company = await t.db.organization.create({ data: { slug: "test-shares", name: "Test Shares Labs", type: "ai_lab" } });
      const deal = (
        announcedOn: string,
        amount: bigint,
        parties: { organizationId?: number; partyLabel?: string; committedUsd: bigint | null }[],
      ) =>
        // Through the writers' hook, as every writer of deals: today's figures read the parts they keep.
        t.db.$transaction(async (tx) => {
          const { id } = await tx.deal.create({
            data: {
              recipientId: company.id,
              kind: "equity",
              status: "closed",
              announcedOn,
              amountUsdLow: amount,
              amountUsdHigh: amount,
              amountUsdKey: amount,
              amountQualifier: "exact",
              participations: { create: parties.map((p, position) => ({ ...p, position })) },
            },
          });
          await addToMarketCells(tx, [id]);
        });
      // Unnamed parties all committed short of the deal: the rest is theirs ("undisclosed"), 50 + 50.
      await deal("2025-01-01", 100n, [
        { partyLabel: "Family offices", committedUsd: 30n },
        { partyLabel: "Angels", committedUsd: 20n },
      ]);
      // A named investor alone, committed short of the deal: its 40 only.
      await deal("2025-02-01", 100n, [{ organizationId: nvidia.id, committedUsd: 40n }]);
      // No investor named: all undisclosed.
      await deal("2025-03-01", 60n, []);
      // A commitment beyond the deal: capped at 30, the unnamed party without one has nothing.
      await deal("2025-04-01", 30n, [
        { organizationId: nvidia.id, committedUsd: 50n },
        { partyLabel: "Others", committedUsd: null },
      ]);
      await expectCompanyAsMeasured("test-shares", null);
      const view = await getCompany("test-shares");
      expect(view?.investors.map((i) => [i.key, i.name, i.countedDeals, i.amount])).toEqual([
        [UNDISCLOSED_KEY, "Undisclosed", 3, 160n],
        ["nvidia", nvidia.name, 2, 70n],
      ]);
    },
  );

  it("equal the measures for the 5 largest companies within a span of dates", { timeout: 300_000 }, async () => {
    let investors = 0;
    for (const slug of (await ranked("recipient")).slice(0, 5)) {
      investors += await expectCompanyWindowAsMeasured(slug, null, "2025-01-01", "2025-12-31");
      await expectCompanyWindowAsMeasured(slug, "2026-01-30", "2024-07-01", "2025-06-30");
    }
    expect(investors).toBeGreaterThan(5);
  });
});

/**
 * Makes Rounds of a synthetic database's deals (db:synth writes none): each recipient's equity and convertible deals in
 * date order, three at a time, every other three a Round dated by its first, so that later tranches are reported after
 * the round's date and a Round's deals have different investors.
 */
function groupIntoSyntheticRounds(file: string): number {
  const db = new Database(file);
  try {
    const deals = db
      .prepare(
        `SELECT "id", "recipientId", "announcedOn" FROM "Deal" WHERE "kind" IN ('equity', 'convertible') ORDER BY "recipientId", "announcedOn", "id"`,
      )
      .all() as { id: number; recipientId: number; announcedOn: string }[];
    const insert = db.prepare(
      `INSERT INTO "Round" ("recipientId", "key", "name", "announcedOn", "updatedAt") VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)`,
    );
    const join = db.prepare(`UPDATE "Deal" SET "roundId" = ? WHERE "id" = ?`);
    let rounds = 0;
    db.transaction(() => {
      for (let i = 0, chunk = 0; i < deals.length; chunk++) {
        const first = deals[i];
        const parts = deals.slice(i, i + 3).filter((d) => d.recipientId === first.recipientId);
        i += parts.length;
        if (chunk % 2 === 0) continue;
        const roundId = Number(insert.run(first.recipientId, `r${first.id}`, `Round ${first.id}`, first.announcedOn).lastInsertRowid);
        for (const d of parts) join.run(roundId, d.id);
        rounds++;
      }
      // The rounds' pairs of investors set again, with the statements the deal writers keep them by.
      const pairs = roundPairStatements(queryBuilder("sqlite"), null);
      for (const statement of [pairs.deletion, pairs.insertion]) db.prepare(statement.sql).run(...statement.parameters);
    })();
    return rounds;
  } finally {
    db.close();
  }
}

// The synthetic database is written by better-sqlite3: SQLite only.
describe.skipIf(process.env.DATABASE_URL?.startsWith("postgres"))("organization figures in SQL on a synthetic database", () => {
  let dir: string;
  let release: () => Promise<void>;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "org-figures-"));
    const file = path.join(dir, "synth.db");
    synthDatabase({ deals: 10_000, seed: 5, out: file });
    expect(groupIntoSyntheticRounds(file)).toBeGreaterThan(100);
    release = useTestDbAsAppDb(`file:${file}`);
  });
  afterAll(async () => {
    await release?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it("equal the measures for the largest investors and a small one, today and as of dates", { timeout: 600_000 }, async () => {
    const investors = await ranked("investor");
    for (const asOf of DATES) {
      for (const slug of [...investors.slice(0, 3), investors[investors.length - 1]]) {
        const { coInvestors, sharedRounds } = await expectInvestorAsMeasured(slug, asOf, "year");
        // The largest have many co-investors, some in more rounds than a page row links.
        if (slug === investors[0]) expect(coInvestors).toBeGreaterThan(20);
        if (slug === investors[0]) expect(sharedRounds).toBeGreaterThan(SHARED_ROUNDS_SHOWN);
      }
    }
    await expectInvestorAsMeasured(investors[0], null, "quarter");
  });

  it("equal the measures for the largest companies and a small one, today and as of dates", { timeout: 600_000 }, async () => {
    const companies = await ranked("recipient");
    for (const asOf of DATES) {
      for (const slug of [...companies.slice(0, 3), companies[companies.length - 1]]) {
        const { rounds } = await expectCompanyAsMeasured(slug, asOf);
        if (slug === companies[0] && asOf === null) expect(rounds).toBeGreaterThan(5);
      }
    }
    expect(await expectCompanyWindowAsMeasured(companies[0], null, "2024-01-01", "2024-12-31")).toBeGreaterThan(5);
  });
});
