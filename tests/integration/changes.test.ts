import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as feed } from "@/app/changes/feed.xml/route";
import { listChanges } from "@/lib/data/changes";
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
