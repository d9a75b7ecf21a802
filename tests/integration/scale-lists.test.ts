// What keeps the pages that grow with the data small and the /deals hot path on indexes, on a synthetic database
// (lib/synth, the same generator as the benchmark) of a few thousand deals: the names of the organizations the
// filter forms show, capped organization lists with their totals, capped circular flows on /analysis while the API
// gives them all, amount sorts that page correctly across deals without an amount, and the query plans of the list.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as circularFlowsRoute } from "@/app/api/stats/circular-flows/route";
import { CIRCULAR_FLOWS_SHOWN, getAnalysis } from "@/lib/data/analysis";
import { COMPANY_LIST_LIMIT, getCompany, getFundingHistory } from "@/lib/data/company";
import { filterNamesOf } from "@/lib/data/filter-names";
import { getSearchDirectory } from "@/lib/data/organization-directory";
import { searchSite } from "@/lib/data/search";
import { countDealsIn, findDealPage, listAllDeals, listDeals } from "@/lib/data/deals";
import { partFilterCondition, quarterSplit } from "@/lib/data/deal-where";
import { getInvestor, PORTFOLIO_LIMIT } from "@/lib/data/investor";
import { getCompanyRounds } from "@/lib/data/rounds";
import { ALL_DATES } from "@/lib/filters/date-window";
import { referenceMeasureDeals } from "../support/reference-deals";
import { openDatabase } from "@/lib/prisma-client";
import { parseAnalysisView } from "@/lib/filters/analysis-view";
import { DEFAULT_DEAL_FILTERS, parseDealFilters, type DealFilters } from "@/lib/filters/deal-filters";
import { investorShareOfRecipients } from "@/lib/measures/funding-shares";
import { synthDatabase } from "@/lib/synth/synth-database";
import { listChanges } from "@/lib/data/changes";
import { parseChangeView } from "@/lib/filters/change-filters";
import { MAX_SEARCH_LIMIT } from "@/lib/filters/search-query";
import { useTestDbAsAppDb } from "../support/app-db";

const DEALS = 10_000;
let dir: string;
let file: string;
let restore: () => Promise<void>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "deal-scale-"));
  file = path.join(dir, "scale.db");
  synthDatabase({ deals: DEALS, seed: 3, out: file });
  restore = useTestDbAsAppDb(`file:${file}`);
});
afterAll(async () => {
  await restore?.();
  rmSync(dir, { recursive: true, force: true });
});

const raw = () => new Database(file, { readonly: true });
const filters = (query: string): DealFilters => parseDealFilters(new URLSearchParams(query)).filters;

/** Every statement the read model prepares on SQLite from now on, with its parameters: Kysely reads through better-sqlite3. */
function recordStatements() {
  const queries: { query: string; params: unknown[] }[] = [];
  const prepare = Database.prototype.prepare;
  const spy = vi.spyOn(Database.prototype, "prepare").mockImplementation(function (this: Database.Database, text: string) {
    const stmt = prepare.call(this, text);
    const all = stmt.all.bind(stmt);
    stmt.all = ((...args: unknown[]) => {
      queries.push({ query: text, params: args.flat() });
      return (all as (...a: unknown[]) => unknown)(...args);
    }) as typeof stmt.all;
    return stmt;
  });
  return { queries, spy };
}

/** Organizations by live deals on one side, most first (what the form should offer first). */
function ranked(side: "investor" | "recipient"): { slug: string; deals: number }[] {
  const db = raw();
  const sql =
    side === "investor"
      ? `SELECT o.slug, COUNT(*) AS deals FROM "Participation" p JOIN "Deal" d ON d.id = p."dealId" JOIN "Organization" o ON o.id = p."organizationId" WHERE d."deletedAt" IS NULL GROUP BY o.id ORDER BY deals DESC, o.id`
      : `SELECT o.slug, COUNT(*) AS deals FROM "Deal" d JOIN "Organization" o ON o.id = d."recipientId" WHERE d."deletedAt" IS NULL GROUP BY o.id ORDER BY deals DESC, o.id`;
  const rows = db.prepare(sql).all() as { slug: string; deals: number }[];
  db.close();
  return rows;
}

describe("the filter forms' names", () => {
  it("name any chosen investor and recipient, however quiet, and nothing else", async () => {
    const quietInvestor = ranked("investor").at(-1)?.slug as string;
    const quietRecipient = ranked("recipient").at(-1)?.slug as string;
    const names = await filterNamesOf({ investors: [quietInvestor, "no-such-organization"], recipient: quietRecipient });
    expect([...names.keys()].sort()).toEqual([quietInvestor, quietRecipient].sort());
    expect(names.get(quietInvestor)).toMatch(/\S/);
  });
});

describe("search suggestions at scale", () => {
  // The directory keeps each organization's newest deal ids: they must be the deals its own indexes give, newest
  // first, for a busy organization (thousands of deals) and a quiet one, up to the largest limit.
  it.each([
    ["the busiest investor", () => ranked("investor")[0]],
    ["the busiest recipient", () => ranked("recipient")[0]],
    ["the quietest investor", () => ranked("investor").at(-1) as { slug: string; deals: number }],
    ["the quietest recipient", () => ranked("recipient").at(-1) as { slug: string; deals: number }],
  ])("list %s's newest deals, the same as its own deals sorted newest first", async (_, pick) => {
    const { slug } = pick();
    const db = raw();
    const { id, name } = db.prepare(`SELECT id, name FROM "Organization" WHERE slug = ?`).get(slug) as { id: number; name: string };
    const newest = (limit: number) =>
      (
        db
          .prepare(
            `SELECT d.id FROM "Deal" d WHERE d."deletedAt" IS NULL AND (d."recipientId" = ? OR d.id IN (SELECT "dealId" FROM "Participation" WHERE "organizationId" = ?)) ORDER BY d."announcedOn" DESC, d.id DESC LIMIT ?`,
          )
          .all(id, id, limit) as { id: number }[]
      ).map((r) => r.id);
    const [six, fifty] = [newest(6), newest(MAX_SEARCH_LIMIT)];
    // Its counts, which rank equal matches, come from the same walk of the deals.
    const counts = db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM "Deal" WHERE "deletedAt" IS NULL AND "recipientId" = ?) AS asRecipient, (SELECT COUNT(*) FROM "Participation" p JOIN "Deal" d ON d.id = p."dealId" WHERE d."deletedAt" IS NULL AND p."organizationId" = ?) AS asInvestor`,
      )
      .get(id, id);
    db.close();
    const entry = (await getSearchDirectory()).suggest(name, 1)[0];
    expect({ asRecipient: entry.dealsAsRecipient, asInvestor: entry.dealsAsInvestor }).toEqual(counts);
    expect(six.length).toBeGreaterThan(0);
    for (const [limit, expected] of [
      [6, six],
      [MAX_SEARCH_LIMIT, fifty],
    ] as const) {
      const found = await searchSite(name, limit);
      expect(found.organizations[0].slug).toBe(slug);
      expect(found.deals.map((d) => d.id)).toEqual(expected);
    }
  });
});

describe("organization pages at scale", () => {
  it("list the newest deals of a large investor with the total, and shares equal to those over every recipient's deals", async () => {
    const top = ranked("investor")[0];
    expect(top.deals).toBeGreaterThan(PORTFOLIO_LIMIT);
    const view = await getInvestor(top.slug, "year");
    if (!view) throw new Error("no view");
    expect(view.portfolio).toHaveLength(PORTFOLIO_LIMIT);
    expect(view.portfolioTotal).toBe(top.deals);
    const dates = view.portfolio.map((d) => d.announcedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const all = await listAllDeals({ ...DEFAULT_DEAL_FILTERS, investors: [top.slug], sort: "date_desc" });
    expect(view.portfolio.map((d) => d.id)).toEqual(all.slice(0, PORTFOLIO_LIMIT).map((d) => d.id));
    // The recipient shares from SQL sums are those the measure gives over every deal of every recipient funded.
    const { getDb } = await import("@/lib/db");
    const everyDeal = await referenceMeasureDeals(await getDb(), null, {
      recipient: { received: { some: { deletedAt: null, participations: { some: { organization: { slug: top.slug } } } } } },
    });
    expect(view.recipients.length).toBeGreaterThan(1);
    expect(view.recipients).toEqual(investorShareOfRecipients(everyDeal, top.slug));
  });

  it("list the newest deals a large company received with the totals", async () => {
    const top = ranked("recipient")[0];
    expect(top.deals).toBeGreaterThan(COMPANY_LIST_LIMIT);
    const view = await getCompany(top.slug);
    if (!view) throw new Error("no view");
    expect(view.timeline).toHaveLength(COMPANY_LIST_LIMIT);
    expect(view.timelineTotal).toBe(top.deals);
    const capital = await listAllDeals({
      ...DEFAULT_DEAL_FILTERS,
      recipient: top.slug,
      kinds: ["equity", "convertible"],
      sort: "date_desc",
    });
    // The count the rounds' link to /deals gives.
    expect(view.roundDealTotal).toBe(capital.length);
    // The chart and the CSV still cover every counted round: their deals add up to the funding count.
    const history = await getFundingHistory(top.slug);
    expect(history?.rounds.reduce((s, r) => s + r.deals, 0)).toBe(view.funding.dealCount);
    expect(view.roundCount).toBe(history?.rounds.length);
    expect(view.fundingTimeline.chart.entries.reduce((s, e) => s + e.rounds, 0)).toBe(view.roundCount);
  });

  it("list a large company's newest rounds, chosen in the database, as the tail of every round", async () => {
    const top = ranked("recipient")[0];
    const every = await getCompanyRounds(top.slug);
    if (!every) throw new Error("no rounds");
    expect(every.total).toBe(every.rounds.length);
    // Many rounds share a date at this scale: the order within a date (the round's key) decides which are the newest.
    const dates = every.rounds.slice(-40).map((r) => r.date);
    expect(new Set(dates).size).toBeLessThan(dates.length);
    for (const [newest, from] of [
      [20, null],
      [7, "2024-01-01"],
    ] as const) {
      const window = { from, to: null };
      const all = from === null ? every : await getCompanyRounds(top.slug, null, window);
      const shown = await getCompanyRounds(top.slug, null, window, newest);
      expect(shown?.rounds).toEqual(all?.rounds.slice(-newest));
      expect(shown?.total).toBe(all?.rounds.length);
    }
    // None asked for: none listed, and still how many there are.
    expect(await getCompanyRounds(top.slug, null, ALL_DATES, 0)).toMatchObject({ rounds: [], total: every.total });
    // As of a date the newest are those of the deals' states then.
    const before = await getCompanyRounds(top.slug, "2025-06-30");
    expect((await getCompanyRounds(top.slug, "2025-06-30", ALL_DATES, 20))?.rounds).toEqual(before?.rounds.slice(-20));
  });
});

describe("/analysis circular flows at scale", () => {
  it("draws the largest loops and counts the rest, while the API returns every loop", async () => {
    const view = parseAnalysisView(new URLSearchParams()).view;
    const analysis = await getAnalysis(view);
    const body = await (await circularFlowsRoute(new Request("http://localhost/api/stats/circular-flows"))).json();
    expect(body.loops.length).toBeGreaterThan(CIRCULAR_FLOWS_SHOWN);
    expect(analysis.circularFlowCount).toBe(body.loops.length);
    expect(analysis.circularFlows).toHaveLength(CIRCULAR_FLOWS_SHOWN);
    expect(analysis.circularFlows.map((l) => `${l.investor.key}>${l.company.key}`)).toEqual(
      body.loops
        .slice(0, CIRCULAR_FLOWS_SHOWN)
        .map((l: { investor: { slug: string }; company: { slug: string } }) => `${l.investor.slug}>${l.company.slug}`),
    );
  });
});

describe("the /deals list", () => {
  it("pages amount sorts like a full sort, deals without an amount last in both directions", async () => {
    const db = raw();
    const rows = db.prepare(`SELECT id, "amountUsdKey" AS k FROM "Deal" WHERE "deletedAt" IS NULL`).safeIntegers(true).all() as {
      id: bigint;
      k: bigint | null;
    }[];
    db.close();
    const withAmount = rows.filter((r) => r.k !== null).length;
    expect(withAmount).toBeLessThan(rows.length);
    const cmp = (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1);
    for (const sort of ["amount_desc", "amount_asc"] as const) {
      const dir = sort === "amount_desc" ? -1 : 1;
      const expected = [...rows]
        .sort(
          (a, b) =>
            (a.k === null ? 1 : 0) - (b.k === null ? 1 : 0) ||
            (a.k !== null && b.k !== null ? dir * cmp(a.k, b.k) : 0) ||
            dir * cmp(a.id, b.id),
        )
        .map((r) => Number(r.id));
      // The page that holds the last deals with an amount and the first without one, and a page past it.
      const pageSize = 40;
      const boundaryPage = Math.floor(withAmount / pageSize) + 1;
      for (const page of [1, boundaryPage, boundaryPage + 1]) {
        const result = await listDeals({ ...DEFAULT_DEAL_FILTERS, sort, page, pageSize });
        expect(result.total).toBe(rows.length);
        expect(result.data.map((d) => d.id)).toEqual(expected.slice((page - 1) * pageSize, page * pageSize));
      }
    }
  });

  it("pages one investor's deals in every order like the full list", async () => {
    const investor = ranked("investor").find((r) => r.deals > 60 && r.deals < 200)?.slug as string;
    expect(investor).toBeTruthy();
    for (const sort of ["date_desc", "date_asc", "amount_desc", "amount_asc"] as const) {
      const all = (await listAllDeals({ ...DEFAULT_DEAL_FILTERS, investors: [investor], sort })).map((d) => d.id);
      const pageSize = 25;
      const pages = Math.ceil(all.length / pageSize);
      const got: number[] = [];
      for (let page = 1; page <= pages; page++) {
        const result = await listDeals({ ...DEFAULT_DEAL_FILTERS, investors: [investor], sort, page, pageSize });
        expect(result.total).toBe(all.length);
        got.push(...result.data.map((d) => d.id));
      }
      expect(got, sort).toEqual(all);
    }
  });

  it("reads every filter shape of the benchmark through an index, never scanning or sorting all deals", async () => {
    const { queries, spy } = recordStatements();
    const client = await openDatabase(`file:${file}`);
    const investor = ranked("investor")[0].slug;
    const recipient = ranked("recipient")[0].slug;
    const shapes = [
      "sort=date_desc",
      "sort=date_asc&page=30",
      "sort=amount_desc&page=12",
      "sort=amount_asc",
      "kind=equity&sort=date_desc&page=3",
      "kind=equity,convertible&status=closed,announced&sort=amount_desc",
      "status=in_talks&from=2024-03-01&sort=date_asc",
      "status=closed&sort=date_desc&page=30",
      "kind=equity&status=closed&from=2020-05-01&sort=amount_asc",
      "min=1000000&sort=date_desc&page=3",
      "min=100000000&sort=amount_asc&page=2",
      `recipient=${recipient}&sort=date_desc&page=2`,
      `recipient=${recipient}&kind=equity&sort=amount_desc`,
      `investor=${investor}&sort=date_desc&page=5`,
      `investor=${investor}&kind=equity&sort=amount_asc`,
      `investor=${investor}&status=closed&from=2022-01-01&sort=amount_desc&page=4`,
    ];
    const db = raw();
    try {
      for (const shape of shapes) {
        queries.length = 0;
        const f = filters(shape);
        await findDealPage(client, f);
        await countDealsIn(client, f);
        const onDeal = queries.filter((q) => /from "Deal"/.test(q.query));
        // Counted from the market's cells where they can stand for the filters (kinds, statuses, a recipient, the whole
        // quarters between the dates), by the recipient's key when there is one; else from the deals, like the page.
        const onCells = queries.filter((q) => /from "(PeriodCell|RecipientCell)"/.test(q.query));
        expect(onCells.length, shape).toBe(quarterSplit(f) === null ? 0 : 1);
        // With an investor filter, from the investors' kept parts, read by the investor's key, where they can stand for
        // the filters (partFilterCondition).
        const onParts = queries.filter((q) => /from "InvestorPart"/.test(q.query));
        expect(onParts.length, shape).toBe(partFilterCondition(f) === null ? 0 : 1);
        for (const q of onParts) {
          const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.query}`).all(...q.params) as { detail: string }[])
            .map((p) => p.detail)
            .join("\n");
          expect(plan, shape).toMatch(/SEARCH p USING (COVERING )?INDEX \w+ \((kind=\? AND )?organizationId=\?/);
        }
        for (const q of onCells) {
          const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.query}`).all(...q.params) as { detail: string }[])
            .map((p) => p.detail)
            .join("\n");
          if (/recipient=/.test(shape)) expect(plan, shape).toMatch(/SEARCH c USING (COVERING )?INDEX \w+ \(recipientId=\?/);
        }
        expect(onDeal.length, shape).toBeGreaterThanOrEqual(2 - onCells.length - onParts.length);
        for (const q of onDeal) {
          const sql = q.query;
          const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...q.params) as { detail: string }[]).map((p) => p.detail);
          const text = plan.join("\n");
          expect(text, `${shape}\n${sql}\n${text}`).not.toMatch(/^SCAN (Deal|Participation|d|p)\b/m);
          expect(text, `${shape}\n${sql}\n${text}`).toMatch(
            /(SEARCH|SCAN) (Deal|Participation|d|p) USING (COVERING )?INDEX|SEARCH (Deal|d) USING INTEGER PRIMARY KEY/,
          );
          // Only the list indexes serve the deals' own columns: a narrower one made SQLite read the table row of every
          // deal it checked (a count of the closed deals, or a page over a minimum amount, 0.15-0.35 s at 100,000).
          expect(text, `${shape}\n${sql}\n${text}`).not.toMatch(/SEARCH (Deal|d) USING (COVERING )?INDEX (?!Deal_list_by_)/);
          // A count over those columns alone reads its index and never the table (the page's summaries are read by id).
          if (/COUNT\(\*\)/.test(sql) && !/investor=|recipient=/.test(shape))
            expect(text, `${shape}\n${sql}\n${text}`).toMatch(/SEARCH (Deal|d) USING COVERING INDEX Deal_list_by_/);
          // A page of the list walks its index in order; only one recipient's deals, or one investor's (read by id from
          // its participations), may be sorted.
          if (/limit/.test(sql) && /USE TEMP B-TREE FOR ORDER BY/.test(text)) {
            expect(text, `${shape}\n${sql}\n${text}`).toMatch(
              /SEARCH (Deal|d) USING .*INDEX \w+ \(recipientId=\?|SEARCH d USING INTEGER PRIMARY KEY[^]*SEARCH p USING COVERING INDEX \w+ \(organizationId=\?/,
            );
          }
        }
      }
    } finally {
      spy.mockRestore();
      db.close();
      await client.$disconnect();
    }
  });
});

describe("a recipient's deals as of a date", () => {
  it("are told present or absent from its list index alone", async () => {
    const recipient = ranked("recipient")[0].slug;
    const db = raw();
    const { asOf } = db
      .prepare(`SELECT "announcedOn" AS "asOf" FROM "Deal" WHERE "deletedAt" IS NULL ORDER BY "announcedOn" LIMIT 1 OFFSET ?`)
      .get(DEALS / 2) as { asOf: string };
    const { queries, spy } = recordStatements();
    const client = await openDatabase(`file:${file}`);
    try {
      const count = await countDealsIn(client, filters(`recipient=${recipient}&asOf=${asOf}`));
      const [q] = queries.filter((q) => /from "Deal" as "x"/.test(q.query));
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.query}`).all(...q.params) as { detail: string }[]).map((p) => p.detail).join("\n");
      expect(plan).toMatch(/SEARCH x USING COVERING INDEX Deal_list_by_recipient_idx \(recipientId=\?/);
      // Present: first reported by then (its first event's date, the deal's own without one), as the count says.
      const { present, all } = db
        .prepare(
          `SELECT SUM(COALESCE("firstEventOn", "announcedOn") <= ?) AS present, COUNT(*) AS "all" FROM "Deal" d JOIN "Organization" o ON o.id = d."recipientId" WHERE o.slug = ? AND d."deletedAt" IS NULL`,
        )
        .get(asOf, recipient) as { present: number; all: number };
      expect(count).toBe(present);
      expect(present).toBeGreaterThan(0);
      expect(present).toBeLessThan(all);
    } finally {
      spy.mockRestore();
      db.close();
      await client.$disconnect();
    }
  });
});

describe("the deals as of a date", () => {
  it("are counted and a page of them chosen without their events, unless the filters or the order read a reported term", async () => {
    const recipient = ranked("recipient")[0].slug;
    const investor = ranked("investor")[0].slug;
    const db = raw();
    const { queries, spy } = recordStatements();
    const client = await openDatabase(`file:${file}`);
    try {
      // Whether the count, and the page's ids, read the events: the count for the filters, the ids for the order too.
      const shapes = [
        { query: "asOf=2024-01-01", count: false, ids: false },
        { query: `recipient=${recipient}&asOf=2024-01-01&sort=date_asc&page=2`, count: false, ids: false },
        { query: `investor=${investor}&kind=equity&from=2020-01-01&asOf=2024-01-01`, count: false, ids: false },
        { query: "status=closed&asOf=2024-01-01", count: true, ids: true },
        { query: "min=1000000&asOf=2024-01-01", count: true, ids: true },
        { query: "asOf=2024-01-01&sort=amount_desc", count: false, ids: true },
      ];
      for (const { query, count: countEvents, ids: idsEvents } of shapes) {
        queries.length = 0;
        const f = filters(query);
        const [count, page] = [await countDealsIn(client, f), await findDealPage(client, f)];
        expect(count, query).toBeGreaterThan(0);
        expect(page.length, query).toBeGreaterThan(0);
        // The statements that choose the deals: the count and the page's ids, not the page's rows read by id after.
        const choosing = queries.filter((q) => /from "Deal" as "x"/.test(q.query) && !/"d"\."id" in \(\?/.test(q.query));
        expect(choosing.length, query).toBeGreaterThanOrEqual(2);
        for (const q of choosing) {
          const events = /^select CAST\(COUNT\(\*\)/.test(q.query) ? countEvents : idsEvents;
          expect(/"DealEvent"/.test(q.query), `${query}\n${q.query}`).toBe(events);
          // On SQLite each deal's latest event by then is looked up by its key.
          if (events) {
            const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.query}`).all(...q.params) as { detail: string }[]).map((p) => p.detail);
            expect(plan.join("\n"), query).toMatch(/SEARCH e USING INTEGER PRIMARY KEY/);
          }
        }
      }
    } finally {
      spy.mockRestore();
      db.close();
      await client.$disconnect();
    }
  });
});

describe("/changes at scale", () => {
  it("lists the changes of thousands of deals newest first, from one flat read of their events", async () => {
    const { view } = parseChangeView(new URLSearchParams());
    const page = await listChanges(view);
    const db = new Database(file, { readonly: true });
    const events = (
      db.prepare(`SELECT COUNT(*) AS n FROM "DealEvent" e JOIN "Deal" d ON d."id" = e."dealId" WHERE d."deletedAt" IS NULL`).get() as {
        n: number;
      }
    ).n;
    db.close();
    // Every event is a change of some kind (a first report, a status or an amount change), or the same state again.
    expect(page.total).toBeGreaterThan(DEALS);
    expect(page.total).toBeLessThanOrEqual(events);
    expect(page.data).toHaveLength(view.filters.pageSize);
    expect(page.data.map((c) => c.occurredOn)).toEqual(
      page.data
        .map((c) => c.occurredOn)
        .sort()
        .reverse(),
    );
  });
});
