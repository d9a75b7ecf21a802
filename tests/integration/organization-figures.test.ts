// The organization pages' figures summed in SQL (lib/data/raw/investor-figures.ts, lib/data/company.ts) against their
// measures in lib/measures over the deals rebuilt apart (tests/support/reference-deals.ts: Prisma reads and dealAsOf),
// on the seed (also under `npm run test:pg`) and on a synthetic database, today and as of several dates, both grains.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCompany } from "@/lib/data/company";
import { getInvestor } from "@/lib/data/investor";
import { getDb } from "@/lib/db";
import { capitalCounted, type Grain } from "@/lib/measures/capital";
import { coInvestorsOf } from "@/lib/measures/co-investors";
import { investorShareOfRecipients, investorSharesOfRecipient } from "@/lib/measures/funding-shares";
import { attributedAmount, investorCapital, investorCapitalByPeriod } from "@/lib/measures/investor-capital";
import { seedDatabase } from "@/lib/seed/seed-database";
import { synthDatabase } from "@/lib/synth/synth-database";
import { useTestDbAsAppDb } from "../support/app-db";
import { referenceMeasureDeals } from "../support/reference-deals";
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
  expect(view.periods, label).toEqual(investorCapitalByPeriod(own, slug, { grain }));
  expect(view.recipients, label).toEqual(investorShareOfRecipients(ofTheirRecipients, slug));
  // Co-investors need every deal of the investor's rounds, whoever is in it.
  const ofTheirRounds = await referenceMeasureDeals(db, asOf, {
    OR: [
      { participations: { some: { organization: { slug } } } },
      { roundRef: { deals: { some: { deletedAt: null, participations: { some: { organization: { slug } } } } } } },
    ],
  });
  expect(view.coInvestors, label).toEqual(coInvestorsOf(ofTheirRounds, slug));
  const byId = new Map(own.map((d) => [d.id, d]));
  expect(
    view.portfolio.map((d) => d.attributed),
    label,
  ).toEqual(view.portfolio.map((d) => attributedAmount(byId.get(d.id)!, slug)));
}

async function expectCompanyAsMeasured(slug: string, asOf: string | null) {
  const db = await getDb();
  const view = await getCompany(slug, asOf);
  if (!view) throw new Error(`no company ${slug}`);
  const received = await referenceMeasureDeals(db, asOf, { recipient: { slug } });
  const label = `${slug} ${asOf ?? "today"}`;
  expect(view.funding, label).toEqual(capitalCounted(received));
  expect(view.investors, label).toEqual(investorSharesOfRecipient(received, slug));
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
});

// The synthetic database is written by better-sqlite3: SQLite only.
describe.skipIf(process.env.DATABASE_URL?.startsWith("postgres"))("organization figures in SQL on a synthetic database", () => {
  let dir: string;
  let release: () => Promise<void>;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "org-figures-"));
    const file = path.join(dir, "synth.db");
    synthDatabase({ deals: 3_000, seed: 5, out: file });
    release = useTestDbAsAppDb(`file:${file}`);
  });
  afterAll(async () => {
    await release?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it("equal the measures for the largest investors and a small one, today and as of dates", { timeout: 300_000 }, async () => {
    const investors = await ranked("investor");
    for (const asOf of DATES) {
      for (const slug of [...investors.slice(0, 3), investors[investors.length - 1]]) await expectInvestorAsMeasured(slug, asOf, "year");
    }
    await expectInvestorAsMeasured(investors[0], null, "quarter");
  });

  it("equal the measures for the largest companies and a small one, today and as of dates", { timeout: 300_000 }, async () => {
    const companies = await ranked("recipient");
    for (const asOf of DATES) {
      for (const slug of [...companies.slice(0, 3), companies[companies.length - 1]]) await expectCompanyAsMeasured(slug, asOf);
    }
  });
});
