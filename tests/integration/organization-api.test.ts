import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCapitalByPeriod } from "@/app/api/organizations/[slug]/capital-by-period/route";
import { GET as getFundingRounds } from "@/app/api/organizations/[slug]/funding-rounds/route";
import { GET as getOrganization } from "@/app/api/organizations/[slug]/route";
import { GET as listOrganizations } from "@/app/api/organizations/route";
import { seedDatabase } from "@/lib/seed/seed-database";
import { useTestDbAsAppDb } from "../support/app-db";
import { attributedInSeed, countedDollars, isCountedRow, seedRows } from "../support/seed-csv";
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

const request = (path: string) => new Request(`http://localhost${path}`);
const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });

describe("GET /api/organizations", () => {
  it("lists organizations with their parent and deal counts, filtered by type", async () => {
    const response = await listOrganizations(request("/api/organizations?type=cloud"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data.every((o: { type: string }) => o.type === "cloud")).toBe(true);
    const aws = body.data.find((o: { slug: string }) => o.slug === "aws");
    // "Amazon (AWS)" receives three deals in the seed CSV.
    expect(aws).toEqual({
      slug: "aws",
      name: "AWS",
      type: "cloud",
      country: "US",
      parent: "amazon",
      dealsAsInvestor: 0,
      dealsAsRecipient: seedRows.filter((r) => r.recipient === "Amazon (AWS)").length,
    });
  });

  it("searches names and aliases, and treats empty parameters as no filter", async () => {
    const body = await (await listOrganizations(request("/api/organizations?q=Qatar%20Investment&type="))).json();
    expect(body.data.map((o: { slug: string }) => o.slug)).toEqual(["qia"]);
  });

  it("answers 400 naming a bad parameter", async () => {
    const response = await listOrganizations(request("/api/organizations?type=bank"));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.issues.map((i: { param: string; value: string }) => [i.param, i.value])).toEqual([["type", "bank"]]);
  });
});

describe("GET /api/organizations/[slug]", () => {
  it("gives Amazon with its units (AWS, its industrial fund) and its attributed capital in whole dollars", async () => {
    const response = await getOrganization(request("/api/organizations/amazon"), slugParams("amazon"));
    const body = await response.json();
    expect(body.parent).toBeNull();
    expect(body.children.map((c: { slug: string }) => c.slug).sort()).toEqual(["amazon-industrial-innovation-fund", "aws"]);
    expect(body.aliases).toContain("Amazon.com");
    expect(body.figures.asInvestor.capitalAttributedUsd).toBe(Number(attributedInSeed("Amazon")));
    expect(body.figures.asRecipient.capitalCountedUsd).toBe(0);
  });

  it("gives OpenAI's counted funding", async () => {
    const body = await (await getOrganization(request("/api/organizations/openai"), slugParams("openai"))).json();
    const expected = seedRows.filter((r) => r.recipient === "OpenAI" && isCountedRow(r)).reduce((sum, r) => sum + countedDollars(r), 0n);
    expect(body.figures.asRecipient.capitalCountedUsd).toBe(Number(expected));
  });

  it("answers 404 in JSON for an unknown or malformed slug", async () => {
    for (const slug of ["no-such-org", "Bad Slug!"]) {
      const response = await getOrganization(request(`/api/organizations/${encodeURIComponent(slug)}`), slugParams(slug));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "not found", slug });
    }
  });
});

describe("the chart downloads", () => {
  it("gives Amazon's capital by year as CSV adding up to its attributed capital", async () => {
    const response = await getCapitalByPeriod(
      request("/api/organizations/amazon/capital-by-period?grain=year&format=csv"),
      slugParams("amazon"),
    );
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("period,equity_usd,convertible_usd,total_usd");
    expect(lines.slice(1).reduce((sum, line) => sum + BigInt(line.split(",").at(-1) as string), 0n)).toBe(attributedInSeed("Amazon"));
  });

  it("falls back to years on a bad grain", async () => {
    const body = await (
      await getCapitalByPeriod(request("/api/organizations/amazon/capital-by-period?grain=week"), slugParams("amazon"))
    ).json();
    expect(body.grain).toBe("year");
    expect(body.data[0].period).toBe("2023");
  });

  it("gives OpenAI's rounds per date with the valuation, empty where none was reported", async () => {
    const response = await getFundingRounds(request("/api/organizations/openai/funding-rounds?format=csv"), slugParams("openai"));
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("date,counted_usd,deals,undisclosed_deals,post_money_valuation_usd");
    // From the CSV: Microsoft's $1B of 22 July 2019 came with no valuation; the four tranches of 27 Feb 2026 with $852B.
    expect(lines).toContain("2019-07-22,1000000000,1,0,");
    expect(lines).toContain("2026-02-27,110000000000,4,0,852000000000");
  });
});
