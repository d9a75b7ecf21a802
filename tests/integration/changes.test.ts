import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as feed } from "@/app/changes/feed.xml/route";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { listChanges, WALK_FROM } from "@/lib/data/changes";
import { keepEventColumns } from "@/lib/deals/change-kinds";
import { clearViewCache } from "@/lib/data/view-cache";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase } from "@/lib/prisma-client";
import { synthDatabase } from "@/lib/synth/synth-database";
import { compareChangesNewestFirst, dealChanges, matchesChangeFilters } from "../support/reference-changes";
import { prismaDealWhere } from "../support/reference-deals";
import { testPostgresUrl } from "../support/test-db";
import { parseChangeView } from "@/lib/filters/change-filters";
import { seedDatabase } from "@/lib/seed/seed-database";
import { useTestDbForApp } from "../support/app-db";
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

const changes = (query: string) => listChanges(parseChangeView(new URLSearchParams(query)).view);
const ATOM = "http://www.w3.org/2005/Atom";

/** Parses strictly: any well-formedness error fails the test. */
function parseXml(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== "warning" && errors.push(message)) }).parseFromString(
    xml,
    "application/xml",
  );
  expect(errors).toEqual([]);
  return doc;
}
const children = (el: XmlElement, name: string) =>
  Array.from(el.childNodes).filter(
    (n): n is XmlElement => n.nodeType === 1 && (n as XmlElement).localName === name && (n as XmlElement).namespaceURI === ATOM,
  );
const text = (el: XmlElement, name: string) => children(el, name)[0]?.textContent ?? null;

describe("/changes", () => {
  it("lists every lifecycle event that is a first report or a change, newest first", async () => {
    // Every page of 200, in order.
    const first = await changes("pageSize=200");
    const data = [...first.data];
    for (let page = 2; data.length < first.total; page++) data.push(...(await changes(`pageSize=200&page=${page}`)).data);
    // The seed writes no event that repeats its predecessor, so every event is a change.
    expect(first.total).toBe(await t.db.dealEvent.count());
    expect(data.length).toBe(first.total);
    // One first report per deal.
    expect(data.filter((c) => c.kinds.includes("new")).length).toBe(await t.db.deal.count());
    const dates = data.map((c) => c.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("filters like /deals: Nvidia's deals only, and only status changes to closed", async () => {
    const nvidia = await changes("investor=nvidia&pageSize=200");
    expect(nvidia.total).toBeGreaterThan(0);
    expect(nvidia.data.every((c) => c.deal.investors.includes("Nvidia"))).toBe(true);
    const closed = await changes("change=status&status=closed&pageSize=200");
    expect(closed.data.length).toBeGreaterThan(0);
    expect(
      closed.data.every(
        (c) => c.kinds.includes("status") && c.status === "closed" && c.previous !== null && c.previous.status !== "closed",
      ),
    ).toBe(true);
    // Amazon's $15B tranche closed with the round on 2026-03-31, after being announced on 2026-02-27.
    expect(
      closed.data.some((c) => c.occurredOn === "2026-03-31" && c.deal.investors.includes("Amazon") && c.previous?.status === "announced"),
    ).toBe(true);
  });

  it("tells the Amazon -> OpenAI story step by step, and stops at asOf", async () => {
    const story = await changes("investor=amazon&recipient=openai&kind=equity&pageSize=200");
    expect(story.data.map((c) => [c.occurredOn, c.kinds.join("+"), c.status, c.amountUsdHigh])).toEqual([
      ["2026-03-31", "status", "closed", 15_000_000_000n],
      ["2026-02-27", "new", "announced", 35_000_000_000n],
      ["2026-02-27", "status+amount", "announced", 15_000_000_000n],
      ["2026-01-29", "amount", "in_talks", 50_000_000_000n],
      ["2025-12-17", "new", "in_talks", 10_000_000_000n],
    ]);
    const then = await changes("investor=amazon&recipient=openai&kind=equity&asOf=2026-01-30");
    expect(then.data.map((c) => c.occurredOn)).toEqual(["2026-01-29", "2025-12-17"]);
  });
});

/**
 * One page of /changes through the app against the rule in memory (tests/support/reference-changes.ts) over every event
 * of the deals Prisma's `where` selects: the same events in the same order, with the same kinds and previous states,
 * and the same total. Returns the total.
 */
async function compareWithReference(db: PrismaClient, query: string): Promise<number> {
  await clearViewCache();
  const view = parseChangeView(new URLSearchParams(query)).view;
  const f = view.filters;
  const page = await listChanges(view);
  const events = await db.dealEvent.findMany({
    where: { deal: prismaDealWhere({ ...f, statuses: [], from: null, to: null, min: null, max: null, asOf: null }) },
  });
  const byDeal = new Map<number, typeof events>();
  for (const e of events) byDeal.set(e.dealId, [...(byDeal.get(e.dealId) ?? []), e]);
  const filters = { kinds: view.changes, statuses: f.statuses, from: f.from, to: f.to, min: f.min, max: f.max, asOf: f.asOf };
  const all = [...byDeal.values()].flatMap((list) => dealChanges(list).filter((c) => matchesChangeFilters(c, filters)));
  all.sort(compareChangesNewestFirst);
  const expected = all.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
  const shape = (c: { eventId: number; kinds: string[]; previous: { status: string; amountUsdLow: bigint | null } | null }) => [
    c.eventId,
    c.kinds.join("+"),
    c.previous?.status ?? null,
    c.previous?.amountUsdLow ?? null,
  ];
  expect(page.data.map(shape), query).toEqual(expected.map((c) => shape({ eventId: c.event.id, kinds: c.kinds, previous: c.previous })));
  expect(page.total, query).toBe(all.length);
  return all.length;
}

const VIEWS = [
  "",
  "page=2",
  "change=new",
  "change=status",
  "change=amount",
  "change=status&change=amount&status=closed",
  "status=announced&from=2025-01-01",
  "to=2024-06-30",
  "min=1000000000",
  "max=50000000&page=3",
  "asOf=2025-06-30",
  "kind=equity",
  "q=cloud",
];

describe("/changes against the rule in memory", () => {
  it("gives the same pages and totals on the seed, for every kind of filter", async () => {
    let total = 0;
    for (const query of [...VIEWS, "investor=amazon", "investor=nvidia&change=amount", "recipient=openai&page=2"]) {
      total += await compareWithReference(t.db, query);
    }
    expect(total).toBeGreaterThan(500);
  });
});

// db:synth writes SQLite only.
describe.skipIf(Boolean(testPostgresUrl()))("/changes against the rule in memory, on a synthetic database", () => {
  it("gives the same pages and totals for views read by deal and views walked by date", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "changes-"));
    const file = path.join(dir, "synth.db");
    const globalForDb = globalThis as { dealTrackerDb?: Promise<unknown> };
    try {
      synthDatabase({ deals: 3000, seed: 5, out: file });
      const db = await openDatabase(`file:${file}`);
      globalForDb.dealTrackerDb = Promise.resolve(db);
      try {
        const investors = await db.organization.findMany({
          where: { participations: { some: {} } },
          orderBy: { participations: { _count: "desc" } },
          select: { slug: true },
        });
        const totals: number[] = [];
        for (const query of [...VIEWS, `investor=${investors[0].slug}`, `investor=${investors[investors.length - 1].slug}`]) {
          totals.push(await compareWithReference(db, query));
        }
        // Both ways of reading a page are compared: views with more changes than WALK_FROM and views with fewer.
        expect(Math.max(...totals)).toBeGreaterThanOrEqual(WALK_FROM);
        expect(totals.some((n) => n > 0 && n < WALK_FROM)).toBe(true);
      } finally {
        await db.$disconnect();
      }
    } finally {
      globalForDb.dealTrackerDb = Promise.resolve(t.db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("/changes/feed.xml", () => {
  it("is valid Atom with the required elements, stable entry ids and escaped text", async () => {
    const response = await feed(new Request("http://localhost/changes/feed.xml?investor=amazon"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await response.text();
    const root = parseXml(xml).documentElement as unknown as XmlElement;
    expect([root.localName, root.namespaceURI]).toEqual(["feed", ATOM]);
    for (const name of ["id", "title", "updated"]) expect(children(root, name)).toHaveLength(1);
    expect(text(root, "updated")).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(children(root, "author")).toHaveLength(1);
    const entries = children(root, "entry");
    const expected = await changes("investor=amazon&pageSize=50");
    expect(entries).toHaveLength(expected.data.length);
    for (const entry of entries) {
      for (const name of ["id", "title", "updated"]) expect(children(entry, name)).toHaveLength(1);
      expect(
        children(entry, "link").some(
          (l) => l.getAttribute("rel") === "alternate" && /^http:\/\/localhost\/deals\/\d+$/.test(l.getAttribute("href") ?? ""),
        ),
      ).toBe(true);
    }
    const ids = entries.map((e) => text(e, "id"));
    expect(ids).toEqual(expected.data.map((c) => `tag:localhost,2026:deal-event-${c.eventId}`));
    expect(new Set(ids).size).toBe(ids.length);
    // The same request gives the same ids: readers do not see old entries as new.
    const again = parseXml(await (await feed(new Request("http://localhost/changes/feed.xml?investor=amazon"))).text());
    expect(children(again.documentElement as unknown as XmlElement, "entry").map((e) => text(e, "id"))).toEqual(ids);
    // "→" and "$" arrive as text; the parsed title is the plain sentence.
    expect(entries.map((e) => text(e, "title"))).toContain("Amazon → OpenAI: in talks, about $10B → in talks, up to $50B");
  });

  it("escapes text that looks like markup", async () => {
    const deal = await t.db.deal.findFirstOrThrow({
      where: { participations: { some: { organization: { slug: "amazon" } } } },
      select: { id: true },
    });
    await t.db.dealEvent.create({
      data: {
        dealId: deal.id,
        occurredOn: "2099-01-01",
        status: "terminated",
        amountQualifier: "undisclosed",
        note: `<script>alert("x")</script> & more`,
      },
    });
    // Written beside the deal writer, so what it changes is set as the writer sets it.
    await t.db.$transaction((tx) => keepEventColumns(tx, [deal.id]));
    const xml = await (await feed(new Request("http://localhost/changes/feed.xml?investor=amazon&change=status"))).text();
    expect(xml).not.toContain("<script>");
    const root = parseXml(xml).documentElement as unknown as XmlElement;
    const first = children(root, "entry")[0];
    expect(text(first, "summary")).toContain(`<script>alert("x")</script> & more`);
    await t.db.dealEvent.deleteMany({ where: { occurredOn: "2099-01-01" } });
  });

  it("answers 400 naming a bad or unknown parameter", async () => {
    const response = await feed(new Request("http://localhost/changes/feed.xml?change=rumour&investors=amazon"));
    expect(response.status).toBe(400);
    const body = JSON.stringify(await response.json());
    expect(body).toContain("change");
    expect(body).toContain("investors");
  });
});
