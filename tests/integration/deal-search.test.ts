// The /deals search (`q`) reads the deals' search text (lib/deals/deal-search.ts) instead of matching every field
// through joins. These tests hold it to the field-by-field search it replaced: the same deals for many queries on the
// seed and on a synthetic database, and still the same after every kind of edit that changes a searched field (a deal
// saved, imported, restored; an organization renamed). Also the deal page's related deals, now read from the
// investors' participations, against the Prisma relation filter they replaced. Runs on PostgreSQL too (npm run test:pg).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IDLE } from "@/lib/actions/action-state";
import { createUser } from "@/lib/auth/accounts";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { applyDealFilters, dealFilterCondition, pageReading } from "@/lib/data/deal-where";
import { readsOf } from "@/lib/data/kysely";
import { fieldByFieldSearch, prismaDealWhere } from "../support/reference-deals";
import { getDealStats } from "@/lib/data/deal-stats";
import { findDealPage, listDeals } from "@/lib/data/deals";
import { getRelatedDeals } from "@/lib/data/related-deals";
import { clearViewCache } from "@/lib/data/view-cache";
import { SEARCH_SEPARATOR } from "@/lib/deals/deal-search";
import { restoreDealRevision } from "@/lib/deals/restore-deal";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { importDealCsv } from "@/lib/import/apply-deal-import";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { seedDatabase } from "@/lib/seed/seed-database";
import { synthDatabase } from "@/lib/synth/synth-database";
import { openDatabase } from "@/lib/prisma-client";
import { requestContext } from "../support/next-request-context";
import { createTestDb, migrationFrom, testPostgresUrl, type TestDb } from "../support/test-db";

vi.mock("next/headers", async () => (await import("../support/next-request-context")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`NEXT_REDIRECT ${url}`), { digest: `NEXT_REDIRECT;replace;${url}` });
  },
}));

const globalForDb = globalThis as { dealTrackerDb?: Promise<unknown> };

/** Live deal ids for q: through the search text (the app's where) and field by field (the old where). */
async function bothWays(db: PrismaClient, q: string): Promise<{ text: number[]; fields: number[] }> {
  const f = parseDealFilters(new URLSearchParams({ q })).filters;
  const ids = async (where: object) => (await db.deal.findMany({ where, orderBy: { id: "asc" }, select: { id: true } })).map((d) => d.id);
  const reads = readsOf(db);
  const text = (await applyDealFilters(reads.selectFrom("Deal as d").select("d.id"), f, reads).orderBy("d.id").execute()).map((d) => d.id);
  return { text, fields: await ids({ AND: [{ deletedAt: null }, fieldByFieldSearch(q)] }) };
}

const ORDERS = {
  date_desc: [{ announcedOn: "desc" as const }, { id: "desc" as const }],
  date_asc: [{ announcedOn: "asc" as const }, { id: "asc" as const }],
  amount_desc: [{ amountUsdKey: { sort: "desc" as const, nulls: "last" as const } }, { id: "desc" as const }],
  amount_asc: [{ amountUsdKey: { sort: "asc" as const, nulls: "last" as const } }, { id: "asc" as const }],
};

/**
 * /deals through the app (page, total, headline figures: the SQL search path) against Prisma with the field-by-field
 * search and the other filters as Prisma writes them (tests/support/reference-deals.ts). Returns how many deals matched.
 */
async function compareWithPrisma(db: PrismaClient, query: string): Promise<number> {
  globalForDb.dealTrackerDb = Promise.resolve(db);
  await clearViewCache();
  const f = parseDealFilters(new URLSearchParams(query)).filters;
  const where = prismaDealWhere(f);
  const page = await listDeals(f);
  const expected = await db.deal.findMany({
    where,
    orderBy: ORDERS[f.sort],
    skip: (f.page - 1) * f.pageSize,
    take: f.pageSize,
    select: { id: true },
  });
  expect(
    page.data.map((d) => d.id),
    query,
  ).toEqual(expected.map((d) => d.id));
  const total = await db.deal.count({ where });
  expect(page.total, query).toBe(total);
  const stats = await getDealStats(f);
  const counted = { AND: [where, { kind: { in: ["equity", "convertible"] }, status: { in: ["announced", "closed"] } }] };
  const [sum, undisclosed, upper] = await Promise.all([
    db.deal.aggregate({ where: counted, _sum: { amountUsdKey: true }, _count: { _all: true } }),
    db.deal.count({ where: { AND: [counted, { amountUsdKey: null }] } }),
    db.deal.aggregate({ where: { AND: [counted, { amountUsdLow: null }] }, _sum: { amountUsdKey: true } }),
  ]);
  // The part attributed to the filtered investors is compared with its measure in organization-api.test.ts.
  const { attributed, ...figures } = stats;
  expect(attributed === null, query).toBe(f.investors.length === 0);
  expect(figures, query).toEqual({
    dealCount: total,
    capital: {
      total: sum._sum.amountUsdKey ?? 0n,
      dealCount: sum._count._all,
      undisclosedCount: undisclosed,
      upperBoundTotal: upper._sum.amountUsdKey ?? 0n,
    },
  });
  return total;
}

/** Filter sets around a q: every filter the SQL path writes, each sort, deep pages, unknown organizations. */
function searchShapes(q: string, investor: string, recipient: string): string[] {
  return [
    `q=${q}`,
    `q=${q}&sort=date_asc&page=2&pageSize=5`,
    `q=${q}&sort=amount_desc&pageSize=7&page=3`,
    `q=${q}&sort=amount_asc&pageSize=7&page=4`,
    `q=${q}&kind=equity,convertible&status=closed,announced&sort=amount_desc`,
    `q=${q}&from=2023-01-01&to=2025-06-30&sort=date_asc`,
    `q=${q}&min=100000000&max=20000000000&sort=amount_asc`,
    `q=${q}&investor=${investor}&sort=date_desc`,
    `q=${q}&investor=${investor}&investor=no-such-investor&sort=amount_desc`,
    `q=${q}&recipient=${recipient}&sort=amount_asc`,
    `q=${q}&investor=no-such-investor`,
    `q=${q}&recipient=no-such-company`,
    `q=${q}&sort=date_desc&page=500`,
  ];
}

/** Queries of every shape: names, rounds, words of summaries, party labels, case changes, LIKE wildcards, misses. */
const QUERIES = [
  "amazon",
  "AMAZON",
  "openai",
  "Series",
  "series b",
  "cloud",
  "robotics",
  "Undisclosed",
  "buyers",
  "a",
  "e",
  "Inc",
  "%",
  "_",
  "100%",
  "chip supply",
  "raised",
  "zzz-no-match",
  "Microsoft Azure",
  "9",
  // Through SQLite's trigram index (three letters or more, no wildcard), in any case, with a quote the index's phrase
  // escapes, and letters it folds that LIKE does not.
  "SERIES b",
  "Ser_es",
  'open"ai',
  '"',
  "Société",
  "ınc",
  "qu",
];

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  expect((await seedDatabase(t.db)).seeded).toBe(true);
  globalForDb.dealTrackerDb = Promise.resolve(t.db);
});
afterAll(async () => {
  delete globalForDb.dealTrackerDb;
  await t?.dispose();
});

describe("the deal search on the seed", () => {
  it("finds exactly the deals the field-by-field search finds, for every query", async () => {
    let matched = 0;
    for (const q of QUERIES) {
      const { text, fields } = await bothWays(t.db, q);
      expect(text, q).toEqual(fields);
      matched += text.length;
    }
    // The comparison means something only if the queries match deals.
    expect(matched).toBeGreaterThan(100);
    expect((await bothWays(t.db, "amazon")).text.length).toBeGreaterThanOrEqual(7);
  });

  it("gives /deals the same page, total and figures as Prisma's field-by-field search, with every other filter", async () => {
    let matched = 0;
    for (const q of ["a", "cloud", "Series", "Amazon", "%", "zzz-no-match"]) {
      for (const query of searchShapes(encodeURIComponent(q), "amazon", "anthropic")) matched += await compareWithPrisma(t.db, query);
    }
    expect(matched).toBeGreaterThan(300);
    // The same shapes without q: the headline figures are summed in SQL for every filter set.
    for (const query of searchShapes("", "amazon", "anthropic")) await compareWithPrisma(t.db, query.replace(/^q=&?/, ""));
  });

  it("never matches across two fields, and searches field by field for a q holding the separator", async () => {
    const deal = await t.db.deal.findFirstOrThrow({
      where: { round: { not: null } },
      select: { round: true, recipient: { select: { name: true } } },
    });
    // The end of the recipient's name and the start of the round are adjacent in the search text.
    const spanning = `${deal.recipient.name.slice(-2)}${SEARCH_SEPARATOR}${(deal.round as string).slice(0, 2)}`;
    const { text, fields } = await bothWays(t.db, spanning);
    expect(fields).toEqual([]);
    expect(text).toEqual([]);
  });

  it("gives /deals the same pages and totals as the field-by-field search, in every order", async () => {
    for (const sort of ["date_desc", "date_asc", "amount_desc", "amount_asc"]) {
      await clearViewCache();
      const f = parseDealFilters(new URLSearchParams({ q: "a", sort, pageSize: "10", page: "2" })).filters;
      const page = await listDeals(f);
      const order = {
        date_desc: [{ announcedOn: "desc" as const }, { id: "desc" as const }],
        date_asc: [{ announcedOn: "asc" as const }, { id: "asc" as const }],
        amount_desc: [{ amountUsdKey: { sort: "desc" as const, nulls: "last" as const } }, { id: "desc" as const }],
        amount_asc: [{ amountUsdKey: { sort: "asc" as const, nulls: "last" as const } }, { id: "asc" as const }],
      }[sort as "date_desc"];
      const where = { AND: [{ deletedAt: null }, fieldByFieldSearch("a")] };
      const expected = await t.db.deal.findMany({ where, orderBy: order, skip: 10, take: 10, select: { id: true } });
      expect(
        page.data.map((d) => d.id),
        sort,
      ).toEqual(expected.map((d) => d.id));
      expect(page.total, sort).toBe(await t.db.deal.count({ where }));
    }
  });
});

/** SQLite's trigram index holds exactly DealSearch's rows (FTS5's own check: it throws when they differ). */
async function trigramIndexAgrees(db: PrismaClient): Promise<void> {
  if (t.provider === "postgresql") return;
  await db.$executeRawUnsafe(`INSERT INTO "DealSearchTrigram" ("DealSearchTrigram", rank) VALUES ('integrity-check', 1)`);
}

describe.skipIf(Boolean(testPostgresUrl()))("the trigram index on SQLite", () => {
  it("is what narrows a q of three letters or more, and is left out where it cannot narrow", async () => {
    const reads = readsOf(t.db);
    const plan = async (q: string) => {
      const f = parseDealFilters(new URLSearchParams({ q })).filters;
      const query = reads.selectFrom("Deal as d").select("d.id").where(dealFilterCondition(f, reads)).compile();
      const rows = await t.db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query.sql}`, ...query.parameters);
      return rows.map((r) => r.detail).join("\n");
    };
    expect(await plan("cloud")).toMatch(/DealSearchTrigram/);
    expect(await plan("cl")).not.toMatch(/DealSearchTrigram/);
    expect(await plan("clo_d")).not.toMatch(/DealSearchTrigram/);
    // The plain scan and the index find the same deals: the test above compares every query with the field-by-field
    // search, and here the index's answer with the scan's for the same text.
    const cloud = await bothWays(t.db, "cloud");
    expect(cloud.text.length).toBeGreaterThan(0);
    expect(cloud.text).toEqual(cloud.fields);
    await trigramIndexAgrees(t.db);
  });
});

describe("the deal search after edits", () => {
  const HEADER =
    "announced_on,investors,recipient,kind,status,round,amount_usd_low,amount_usd_high,amount_qualifier,original_currency,original_amount,post_money_valuation_usd,stake_pct,summary,source_url,source_publisher,source_date";
  const csv = (rows: string[], id?: number) =>
    [id === undefined ? HEADER : `id,${HEADER}`, ...rows.map((r) => (id === undefined ? r : `${id},${r}`))].join("\n");

  it("follows deals created, edited and restored", async () => {
    const created = await importDealCsv(
      t.db,
      csv([
        "2026-05-01,Amazon,Anthropic,equity,announced,Series Quokka,1000000,1000000,exact,USD,,,,A marsupial round,https://example.com/quokka,Example,2026-05-01",
      ]),
      { actor: "test", createMissing: false },
    );
    expect(created.ok && created.created).toBe(1);
    const id = (await bothWays(t.db, "quokka")).text[0];
    expect(id).toBeGreaterThan(0);
    expect(await bothWays(t.db, "marsupial")).toEqual({ text: [id], fields: [id] });

    // Edited through the import's update path: the old words are gone, the new ones found.
    await importDealCsv(
      t.db,
      csv(
        [
          `2026-05-01,Google,Anthropic,equity,announced,Series Wombat,1000000,1000000,exact,USD,,,,A burrowing round,https://example.com/quokka,Example,2026-05-01`,
        ],
        id,
      ),
      { actor: "test", createMissing: false },
    );
    expect(await bothWays(t.db, "quokka")).toEqual({ text: [], fields: [] });
    expect(await bothWays(t.db, "marsupial")).toEqual({ text: [], fields: [] });
    expect(await bothWays(t.db, "wombat")).toEqual({ text: [id], fields: [id] });
    expect((await bothWays(t.db, "Google")).text).toContain(id);
    expect((await bothWays(t.db, "Amazon")).text).not.toContain(id);

    // Restored to the first revision: found by its first words again.
    const first = await t.db.revision.findFirstOrThrow({ where: { entityType: "deal", entityId: id }, orderBy: { id: "asc" } });
    await t.db.$transaction((tx) => restoreDealRevision(tx, first.id, "test"));
    expect(await bothWays(t.db, "quokka")).toEqual({ text: [id], fields: [id] });
    expect(await bothWays(t.db, "wombat")).toEqual({ text: [], fields: [] });
    expect((await bothWays(t.db, "Amazon")).text).toContain(id);
    await trigramIndexAgrees(t.db);
  });

  it("follows an organization renamed through the admin form, on both sides of its deals", async () => {
    const editor = await createUser(t.db, { email: "search-editor@example.com", password: "editor-password-1", role: "editor" });
    const cookie = generateSecret("s");
    await t.db.session.create({ data: { id: hashSecret(cookie), userId: editor.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const { saveOrganization } = await import("@/lib/actions/organizations/save-organization");
    const rename = async (slug: string, name: string) => {
      const org = await t.db.organization.findUniqueOrThrow({ where: { slug } });
      const form = new FormData();
      for (const [k, v] of Object.entries({
        id: String(org.id),
        name,
        slug,
        type: org.type,
        country: org.country ?? "",
        website: org.website ?? "",
        parentId: org.parentId ? String(org.parentId) : "",
        aliases: "",
      }))
        form.set(k, v);
      requestContext.reset();
      requestContext.cookies.set("dt_session", cookie);
      await expect(saveOrganization(IDLE, form)).rejects.toThrow(/NEXT_REDIRECT/);
    };
    const anthropicDeals = (await bothWays(t.db, "Anthropic")).text;
    const nvidiaDeals = (await bothWays(t.db, "Nvidia")).text;
    expect(anthropicDeals.length).toBeGreaterThan(3);
    expect(nvidiaDeals.length).toBeGreaterThan(0);
    await rename("anthropic", "Platypus Labs");
    await rename("nvidia", "Echidna Chips");
    for (const q of ["Platypus", "Echidna", "Anthropic", "Nvidia"]) {
      const { text, fields } = await bothWays(t.db, q);
      expect(text, q).toEqual(fields);
    }
    expect((await bothWays(t.db, "Platypus")).text.length).toBeGreaterThan(3);
    expect((await bothWays(t.db, "Echidna")).text.length).toBeGreaterThan(0);
    await trigramIndexAgrees(t.db);
  });
});

describe("the migration that last wrote the search table (aliases included)", () => {
  it("fills it so that every query finds what the field-by-field search finds (after the edits above)", async () => {
    const fill = migrationFrom(t.provider, "20261203120000_deal_search_aliases", 'INSERT INTO "DealSearch"');
    expect(fill.length).toBeGreaterThan(50);
    await t.db.dealSearch.deleteMany();
    expect(await t.db.dealSearch.count()).toBe(0);
    await t.db.$executeRawUnsafe(fill);
    expect(await t.db.dealSearch.count()).toBe(await t.db.deal.count());
    for (const q of [...QUERIES, "Platypus", "quokka", "QIA", "Anysphere", "PBC"]) {
      const { text, fields } = await bothWays(t.db, q);
      expect(text, q).toEqual(fields);
    }
    await trigramIndexAgrees(t.db);
  });
});

describe("related deals", () => {
  it("list and count the recipient's other deals and the deals sharing an investor as the relation filter does", async () => {
    const deals = await t.db.deal.findMany({
      where: { deletedAt: null },
      select: {
        id: true,
        recipientId: true,
        recipient: { select: { slug: true } },
        participations: { select: { organizationId: true, organization: { select: { slug: true } } } },
      },
    });
    let compared = 0;
    let sameCompared = 0;
    for (const d of deals.slice(0, 40)) {
      const investorIds = d.participations.flatMap((p) => (p.organizationId === null ? [] : [p.organizationId]));
      const related = await getRelatedDeals({
        id: d.id,
        recipientSlug: d.recipient.slug,
        investorSlugs: d.participations.flatMap((p) => (p.organization ? [p.organization.slug] : [])),
      });
      const where = {
        deletedAt: null,
        id: { not: d.id },
        recipientId: { not: d.recipientId },
        participations: { some: { organizationId: { in: investorIds } } },
      };
      const expected =
        investorIds.length === 0
          ? []
          : await t.db.deal.findMany({ where, orderBy: [{ announcedOn: "desc" }, { id: "desc" }], take: 8, select: { id: true } });
      expect(
        related.sharedInvestors.deals.map((x) => x.id),
        String(d.id),
      ).toEqual(expected.map((x) => x.id));
      expect(related.sharedInvestors.total, String(d.id)).toBe(investorIds.length === 0 ? 0 : await t.db.deal.count({ where }));
      compared += related.sharedInvestors.total;
      // The recipient's other deals, newest first, and how many.
      const sameWhere = { deletedAt: null, id: { not: d.id }, recipientId: d.recipientId };
      const same = await t.db.deal.findMany({
        where: sameWhere,
        orderBy: [{ announcedOn: "desc" }, { id: "desc" }],
        take: 8,
        select: { id: true },
      });
      expect(
        related.sameRecipient.deals.map((x) => x.id),
        String(d.id),
      ).toEqual(same.map((x) => x.id));
      expect(related.sameRecipient.total, String(d.id)).toBe(await t.db.deal.count({ where: sameWhere }));
      sameCompared += related.sameRecipient.total;
    }
    expect(compared).toBeGreaterThan(50);
    expect(sameCompared).toBeGreaterThan(0);
  });

  it("are read once per data version, and a deal written shows at once", async () => {
    const deal = await t.db.deal.findFirstOrThrow({
      where: { deletedAt: null, recipient: { slug: "anthropic" } },
      select: { id: true, participations: { select: { organization: { select: { slug: true } } } } },
    });
    const key = {
      id: deal.id,
      recipientSlug: "anthropic",
      investorSlugs: deal.participations.flatMap((p) => (p.organization ? [p.organization.slug] : [])),
    };
    const before = await getRelatedDeals(key);
    // The same view, not read again: every deal page of the version (as of any date) shares it.
    expect(await getRelatedDeals(key)).toBe(before);
    const written = await importDealCsv(
      t.db,
      [
        "announced_on,investors,recipient,kind,status,round,amount_usd_low,amount_usd_high,amount_qualifier,original_currency,original_amount,post_money_valuation_usd,stake_pct,summary,source_url,source_publisher,source_date",
        "2099-01-01,Amazon,Anthropic,equity,announced,Series Numbat,1000000,1000000,exact,USD,,,,A later round,https://example.com/numbat,Example,2099-01-01",
      ].join("\n"),
      { actor: "test", createMissing: false },
    );
    expect(written.ok).toBe(true);
    const after = await getRelatedDeals(key);
    expect(after.sameRecipient.total).toBe(before.sameRecipient.total + 1);
    expect(after.sameRecipient.deals[0].round).toBe("Series Numbat");
  });
});

// db:synth writes SQLite only (and under test:pg the app's where is built for PostgreSQL).
describe.skipIf(Boolean(testPostgresUrl()))("the deal search on a synthetic database", () => {
  it("finds exactly the deals the field-by-field search finds (db:synth fills the search text with SQL)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "deal-search-"));
    const file = path.join(dir, "synth.db");
    try {
      synthDatabase({ deals: 3000, seed: 5, out: file });
      const db = await openDatabase(`file:${file}`);
      try {
        expect(await db.dealSearch.count()).toBe(await db.deal.count());
        await trigramIndexAgrees(db);
        let matched = 0;
        for (const q of [...QUERIES, "Capital", "Ventures", "Seed", "Works"]) {
          const { text, fields } = await bothWays(db, q);
          expect(text, q).toEqual(fields);
          matched += text.length;
        }
        expect(matched).toBeGreaterThan(1000);
        const investor = (
          await db.organization.findFirstOrThrow({
            where: { participations: { some: {} } },
            orderBy: { participations: { _count: "desc" } },
          })
        ).slug;
        const recipient = (
          await db.organization.findFirstOrThrow({ where: { received: { some: {} } }, orderBy: { received: { _count: "desc" } } })
        ).slug;
        let listed = 0;
        for (const q of ["robotics", "Series B", "cloud", "e"]) {
          for (const query of searchShapes(encodeURIComponent(q), investor, recipient)) listed += await compareWithPrisma(db, query);
        }
        expect(listed).toBeGreaterThan(1000);
        for (const query of searchShapes("", investor, recipient)) await compareWithPrisma(db, query.replace(/^q=&?/, ""));
        // A page read in order (walking the order's index) is the page read by list (sorting the listed deals), in
        // every order; and the count picks the first for a large list and the second for a small one.
        const rare = (
          await db.organization.findFirstOrThrow({
            where: { participations: { some: {} } },
            orderBy: { participations: { _count: "asc" } },
          })
        ).slug;
        for (const query of [
          `investor=${investor}`,
          `investor=${rare}`,
          "q=robotics",
          "q=cloud&kind=equity",
          `investor=${investor}&q=Series`,
        ]) {
          for (const sort of ["date_desc", "date_asc", "amount_desc", "amount_asc"]) {
            for (const page of ["1", "3"]) {
              const f = parseDealFilters(new URLSearchParams(`${query}&sort=${sort}&page=${page}`)).filters;
              const byList = (await findDealPage(db, f, "by-list")).map((d) => d.id);
              expect(
                (await findDealPage(db, f, "in-order")).map((d) => d.id),
                `${query} ${sort} ${page}`,
              ).toEqual(byList);
            }
          }
        }
        const all = await db.deal.count({ where: { deletedAt: null } });
        const countOf = async (query: string) => (await listDeals(parseDealFilters(new URLSearchParams(query)).filters)).total;
        const big = parseDealFilters(new URLSearchParams(`investor=${investor}`)).filters;
        const small = parseDealFilters(new URLSearchParams(`investor=${rare}`)).filters;
        const bigCount = await countOf(`investor=${investor}`);
        expect(await pageReading(big, bigCount, async () => all)).toBe("in-order");
        expect(await pageReading(small, await countOf(`investor=${rare}`), async () => all)).toBe("by-list");
        // As of a date there is no index of the states' order to walk: by list, without counting every deal then.
        const counted: number[] = [];
        const asOfBig = { ...big, asOf: "2026-01-01" };
        expect(await pageReading(asOfBig, bigCount, async () => counted.push(all))).toBe("by-list");
        expect(counted).toEqual([]);
        globalForDb.dealTrackerDb = Promise.resolve(t.db);
      } finally {
        await db.$disconnect();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
