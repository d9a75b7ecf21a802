import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDeal } from "@/app/api/deals/[id]/route";
import { GET as listDeals } from "@/app/api/deals/route";
import { GET as getSummary } from "@/app/api/stats/summary/route";
import { getOverview } from "@/lib/data/overview";
import { seedDatabase } from "@/lib/seed/seed-database";
import { useTestDbForApp } from "../support/app-db";
import { capitalOf, rowsWithInvestor, seedRows } from "../support/seed-csv";
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

const call = (handler: (request: Request) => Promise<Response>, query: string) => handler(new Request(`http://localhost/api?${query}`));
const byId = (id: string, query = "") =>
  getDeal(new Request(`http://localhost/api/deals/${id}${query}`), { params: Promise.resolve({ id }) });

describe("GET /api/deals", () => {
  it("pages every deal, newest first, in the documented shape", async () => {
    const response = await call(listDeals, "");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect([body.total, body.page, body.pageSize, body.data.length]).toEqual([seedRows.length, 1, 25, 25]);
    const newest = seedRows
      .map((r) => r.announced_on)
      .sort()
      .at(-1);
    expect(body.data[0].announcedOn).toBe(newest);
    expect(Object.keys(body.data[0]).sort()).toEqual(
      [
        "amountQualifier",
        "amountUsdHigh",
        "amountUsdLow",
        "announcedOn",
        "id",
        "investors",
        "kind",
        "postMoneyValuationUsd",
        "recipient",
        "round",
        "sourceCount",
        "status",
      ].sort(),
    );
  });

  it("writes amounts as JSON numbers of whole dollars", async () => {
    const body = await (await call(listDeals, "recipient=anthropic&sort=date_asc&pageSize=200")).json();
    // Amazon's first tranche into Anthropic: 1,250,000,000 exact (seed CSV, 2023-09-25).
    const tranche = body.data.find((d: { round: string }) => d.round === "Amazon tranche 1 (of up to $4B)");
    expect([tranche.amountUsdLow, tranche.amountUsdHigh, tranche.amountQualifier]).toEqual([1_250_000_000, 1_250_000_000, "exact"]);
    expect(tranche.investors).toEqual([{ slug: "amazon", name: "Amazon", role: "participant" }]);
    expect(tranche.recipient).toEqual({ slug: "anthropic", name: "Anthropic" });
  });

  it("filters by investor: Amazon's deals, not AWS's", async () => {
    const expected = rowsWithInvestor("Amazon");
    expect(expected.length).toBeGreaterThan(0);
    const body = await (await call(listDeals, "investor=amazon&pageSize=200")).json();
    expect(body.total).toBe(expected.length);
    expect(body.data.every((d: { investors: { slug: string }[] }) => d.investors.some((i) => i.slug === "amazon"))).toBe(true);
    expect(body.data.map((d: { announcedOn: string }) => d.announcedOn).sort()).toEqual(expected.map((r) => r.announced_on).sort());
  });

  it("combines filters and pages past the end without failing", async () => {
    const expected = seedRows.filter((r) => r.kind === "compute_commitment" && r.announced_on >= "2025-01-01");
    const body = await (await call(listDeals, "kind=compute_commitment&from=2025-01-01&pageSize=2&page=1")).json();
    expect(body.total).toBe(expected.length);
    expect(body.data).toHaveLength(Math.min(2, expected.length));
    const past = await (await call(listDeals, "kind=compute_commitment&from=2025-01-01&pageSize=2&page=999")).json();
    expect([past.total, past.data]).toEqual([expected.length, []]);
  });

  it("lists exactly the deals named by ids, with the other filters narrowing them", async () => {
    const all = await (await call(listDeals, "pageSize=200")).json();
    const [a, b, c] = all.data.map((d: { id: number }) => d.id).slice(0, 3);
    const chosen = await (await call(listDeals, `ids=${c},${a}&ids=${b}&sort=date_asc`)).json();
    expect(chosen.data.map((d: { id: number }) => d.id).sort()).toEqual([a, b, c].sort());
    expect(chosen.total).toBe(3);
    const kind = all.data[0].kind;
    const narrowed = await (await call(listDeals, `ids=${a},${b},${c}&kind=${kind}`)).json();
    expect(narrowed.data.every((d: { kind: string; id: number }) => d.kind === kind && [a, b, c].includes(d.id))).toBe(true);
    expect(narrowed.data.map((d: { id: number }) => d.id)).toContain(a);
  });

  it("accepts and ignores the page's own view parameters", async () => {
    const plain = await (await call(listDeals, "investor=amazon")).json();
    const withView = await (await call(listDeals, "investor=amazon&view=table&group=quarter")).json();
    expect(withView).toEqual(plain);
  });
});

describe("bad parameters", () => {
  const cases: [string, string][] = [
    ["investor=Amazon!", "investor"],
    ["recipient=Open%20AI", "recipient"],
    ["recipient=openai&recipient=anthropic", "recipient"],
    ["kind=shares", "kind"],
    ["status=done", "status"],
    ["from=2025-02-30", "from"],
    ["to=yesterday", "to"],
    ["from=2025-01-01&to=2024-01-01", "to"],
    ["min=-5", "min"],
    ["max=1e9", "max"],
    ["min=10&max=5", "max"],
    ["min=99999999999999999999", "min"],
    ["min=lots", "min"],
    ["max=1.5", "max"],
    ["max=1%2C00", "max"],
    [`q=${"x".repeat(201)}`, "q"],
    ["ids=0", "ids"],
    ["ids=1,two", "ids"],
    [`ids=${Array.from({ length: 501 }, (_, i) => i + 1).join(",")}`, "ids"],
    ["sort=name", "sort"],
    ["page=0", "page"],
    ["page=abc", "page"],
    ["pageSize=500", "pageSize"],
    ["pageSize=0", "pageSize"],
    ["investors=amazon", "investors"],
    ["%3Cscript%3E=1", "<script>"],
  ];
  const handlers = [
    ["/api/deals", listDeals],
    ["/api/stats/summary", getSummary],
  ] as const;

  for (const [path, handler] of handlers) {
    for (const [query, param] of cases) {
      it(`${path}?${query.slice(0, 40)} is a 400 naming ${param}`, async () => {
        const response = await call(handler, query);
        expect(response.status).toBe(400);
        const body = await response.json();
        expect(body.error).toBe("invalid parameters");
        expect(body.issues.map((i: { param: string }) => i.param)).toEqual([param]);
        expect(typeof body.issues[0].message).toBe("string");
      });
    }
  }

  it("names every bad parameter at once", async () => {
    const body = await (await call(listDeals, "kind=shares&page=0&foo=1")).json();
    expect(body.issues.map((i: { param: string; value: string }) => [i.param, i.value])).toEqual([
      ["kind", "shares"],
      ["page", "0"],
      ["foo", "1"],
    ]);
  });

  it("reads amounts as people write them, exactly as the same bounds in whole dollars", async () => {
    const typed = await (await call(listDeals, "min=1.25B&max=%241%2C250%2C000%2C000&pageSize=200")).json();
    const digits = await (await call(listDeals, "min=1250000000&max=1250000000&pageSize=200")).json();
    expect(typed.total).toBeGreaterThan(0);
    expect(typed).toEqual(digits);
  });

  it("treats empty values, as an untouched form field sends them, as no filter", async () => {
    const body = await (await call(listDeals, "q=&recipient=&from=&min=")).json();
    expect(body.total).toBe(seedRows.length);
  });
});

describe("GET /api/deals/{id}", () => {
  it("returns a deal with its lifecycle events and sources", async () => {
    const deal = await t.db.deal.findFirstOrThrow({ where: { round: { contains: "Amazon initial tranche" } }, select: { id: true } });
    const response = await byId(String(deal.id));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect([body.id, body.recipient.slug, body.amountUsdLow, body.postMoneyValuationUsd]).toEqual([
      deal.id,
      "openai",
      15_000_000_000,
      852_000_000_000,
    ]);
    // The seed history: talks of ~$10B, then up to $50B, then $15B announced, then closed (prisma/seed/history.ts).
    expect(
      body.events.map((e: { occurredOn: string; status: string; amountQualifier: string }) => [e.occurredOn, e.status, e.amountQualifier]),
    ).toEqual([
      ["2025-12-17", "in_talks", "about"],
      ["2026-01-29", "in_talks", "up_to"],
      ["2026-02-27", "announced", "exact"],
      ["2026-03-31", "closed", "exact"],
    ]);
    // The CSV row's source and one per added step.
    expect(body.sources.length).toBe(4);
    expect(body.sourceCount).toBe(4);
    expect(body.unverified).toBe(false);
  });

  it("answers as reported on asOf: the state, steps and sources of that date, nothing published later", async () => {
    const deal = await t.db.deal.findFirstOrThrow({ where: { round: { contains: "Amazon initial tranche" } }, select: { id: true } });
    const body = await (await byId(String(deal.id), "?asOf=2026-01-30")).json();
    // On 30 January Amazon was in talks to invest up to $50B at a reported $830B: no round name, no 8-K's $852B yet
    // (prisma/seed/history.ts).
    expect([body.status, body.amountQualifier, body.amountUsdHigh, body.round, body.postMoneyValuationUsd]).toEqual([
      "in_talks",
      "up_to",
      50_000_000_000,
      null,
      830_000_000_000,
    ]);
    expect(body.summary).not.toMatch(/8-K/);
    expect(body.events.map((e: { occurredOn: string }) => e.occurredOn)).toEqual(["2025-12-17", "2026-01-29"]);
    expect(body.sources.length).toBeGreaterThan(0);
    for (const s of body.sources as { publishedOn: string | null }[])
      expect(s.publishedOn === null || s.publishedOn <= "2026-01-30").toBe(true);
    expect(body.sources.length).toBeLessThan(4);
  });

  it("answers 404 as of a date before the deal was reported, and 400 naming a bad asOf or an unknown parameter", async () => {
    const deal = await t.db.deal.findFirstOrThrow({ where: { round: { contains: "Amazon initial tranche" } }, select: { id: true } });
    const before = await byId(String(deal.id), "?asOf=2025-01-01");
    expect(before.status).toBe(404);
    expect((await before.json()).message).toBe(`deal ${deal.id} had not been reported by 2025-01-01`);
    const bad = await byId(String(deal.id), "?asOf=30-01-2026&sort=amount_desc");
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues.map((i: { param: string }) => i.param).sort()).toEqual(["asOf", "sort"]);
  });

  it("flags the unverified deal", async () => {
    const deal = await t.db.deal.findFirstOrThrow({ where: { sources: { some: { unverified: true } } }, select: { id: true } });
    const body = await (await byId(String(deal.id))).json();
    expect(body.unverified).toBe(true);
    expect(body.sources[0]).toMatchObject({ url: null, unverified: true });
  });

  for (const id of ["999999", "0", "abc", "1.5", "-1", "12345678901234"]) {
    it(`answers 404 with a JSON body for id ${id}`, async () => {
      const response = await byId(id);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "not found", message: `no deal with id ${id}` });
    });
  }

  it("answers 404 for a deleted deal", async () => {
    const deal = await t.db.deal.create({
      data: {
        recipientId: (await t.db.organization.findUniqueOrThrow({ where: { slug: "openai" } })).id,
        kind: "other",
        status: "rumored",
        announcedOn: "2020-01-01",
        amountQualifier: "undisclosed",
        deletedAt: new Date(),
      },
    });
    expect((await byId(String(deal.id))).status).toBe(404);
    await t.db.deal.delete({ where: { id: deal.id } });
  });
});

describe("GET /api/stats/summary", () => {
  it("counts capital over every deal as the overview does", async () => {
    const body = await (await call(getSummary, "")).json();
    const expected = capitalOf(seedRows);
    expect(BigInt(body.capitalCountedUsd)).toBe(expected.total);
    expect([body.dealCount, body.countedDealCount]).toEqual([seedRows.length, expected.deals]);

    const overview = await getOverview();
    expect(body.capitalCountedUsd).toBe(Number(overview.capital.total));
    expect(body.countedDealCount).toBe(overview.capital.dealCount);
    expect(body.dealCount).toBe(overview.totalDeals);
  });

  it("counts capital over the filtered deals", async () => {
    const body = await (await call(getSummary, "investor=amazon")).json();
    const rows = rowsWithInvestor("Amazon");
    const expected = capitalOf(rows);
    expect(BigInt(body.capitalCountedUsd)).toBe(expected.total);
    expect([body.dealCount, body.countedDealCount]).toEqual([rows.length, expected.deals]);
    // Amazon's "up to $20B" milestone tranche into Anthropic has no lower figure: it counts at its upper bound.
    expect(body.upperBoundUsd).toBe(20_000_000_000);
  });
});
