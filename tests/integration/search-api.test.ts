import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listDeals } from "@/app/api/deals/route";
import { GET as search } from "@/app/api/search/route";
import { seedDatabase } from "@/lib/seed/seed-database";
import { useTestDbAsAppDb } from "../support/app-db";
import { seedRows } from "../support/seed-csv";
import { createTestDb, type TestDb } from "../support/test-db";

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

type Body = {
  organizations: { slug: string; name: string; type: string; matched: string }[];
  deals: { id: number; title: string; announcedOn: string; recipient: { slug: string } }[];
};
const get = async (query: string) => {
  const response = await search(new Request(`http://localhost/api/search?${query}`));
  return { status: response.status, body: (await response.json()) as Body & { issues?: { param: string }[] } };
};

describe("GET /api/search", () => {
  it.each([
    ["Antropic", "anthropic"],
    ["anthropic", "anthropic"],
    ["nvida", "nvidia"],
    ["Open AI", "openai"],
    ["Mistal", "mistral-ai"],
    ["QIA", "qia"],
    ["Anysphere", "cursor"],
  ])("q=%s lists %s first", async (q, slug) => {
    const { status, body } = await get(`q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body.organizations[0].slug).toBe(slug);
  });

  it("says which alias matched, and lists the organization's deals newest first", async () => {
    const { body } = await get("q=QIA&limit=50");
    expect(body.organizations[0]).toEqual({
      slug: "qia",
      name: "Qatar Investment Authority",
      type: "sovereign_fund",
      matched: "QIA",
      href: "/investors/qia",
    });
    // QIA's deals in the seed CSV: the rows naming it among the investors.
    const expected = seedRows.filter((r) => /Qatar Investment Authority|\bQIA\b/.test(r.investors)).length;
    expect(expected).toBeGreaterThan(0);
    expect(body.deals).toHaveLength(Math.min(expected, 50));
    const dates = body.deals.map((d) => d.announcedOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("names a deal by its recipient and round", async () => {
    const { body } = await get("q=Anthropic&limit=50");
    expect(body.deals.length).toBeGreaterThan(0);
    expect(body.deals.some((d) => d.recipient.slug === "anthropic" && d.title.startsWith("Anthropic: "))).toBe(true);
  });

  it("keeps to the limit and finds nothing for an empty q", async () => {
    const { body } = await get("q=a&limit=2");
    expect(body.organizations).toHaveLength(2);
    expect(body.deals.length).toBeLessThanOrEqual(2);
    expect((await get("q=")).body).toMatchObject({ organizations: [], deals: [] });
  });

  it.each(["limit=0", "limit=51", "limit=ten", "limit=1&limit=2", "q=a&size=3"])(
    "answers 400 for %s, naming the parameter",
    async (query) => {
      const { status, body } = await get(query);
      expect(status).toBe(400);
      expect(body.issues?.[0].param).toBe(query.includes("size") ? "size" : "limit");
    },
  );
});

describe("the investor and recipient filters take names", () => {
  const deals = async (query: string) => {
    const response = await listDeals(new Request(`http://localhost/api/deals?pageSize=200&${query}`));
    return { status: response.status, body: await response.json() };
  };

  it.each([
    ["recipient=Anthropic", "recipient=anthropic"],
    ["recipient=Anthropic%20PBC", "recipient=anthropic"],
    ["investor=QIA", "investor=qia"],
    ["investor=Nvidia%20Corp,Amazon", "investor=nvidia&investor=amazon"],
  ])("%s lists the deals of %s", async (byName, bySlug) => {
    const [named, slugged] = await Promise.all([deals(byName), deals(bySlug)]);
    expect(named.status).toBe(200);
    expect(slugged.body.total).toBeGreaterThan(0);
    expect(named.body.data).toEqual(slugged.body.data);
    expect(named.body.filters).toEqual(slugged.body.filters);
  });

  it("refuses a name that names nothing, with the closest names", async () => {
    const { status, body } = await deals("recipient=Antropic");
    expect(status).toBe(400);
    expect(body.issues).toEqual([
      expect.objectContaining({
        param: "recipient",
        value: "Antropic",
        message: expect.stringContaining("the closest: Anthropic (anthropic)"),
      }),
    ]);
  });
});

describe("the deals' text search knows the aliases", () => {
  it("/api/deals?q=QIA lists QIA's deals, as does q=Anysphere Cursor's", async () => {
    for (const [q, filter] of [
      ["QIA", "investor=qia"],
      ["Anysphere", "recipient=cursor"],
    ]) {
      const ids = async (query: string) =>
        ((await (await listDeals(new Request(`http://localhost/api/deals?pageSize=200&${query}`))).json()).data as { id: number }[]).map(
          (d) => d.id,
        );
      const [searched, filtered] = await Promise.all([ids(`q=${q}`), ids(filter)]);
      expect(filtered.length).toBeGreaterThan(0);
      expect(searched).toEqual(expect.arrayContaining(filtered));
    }
  });
});
