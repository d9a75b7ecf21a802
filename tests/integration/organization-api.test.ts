import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCapitalByPeriod } from "@/app/api/organizations/[slug]/capital-by-period/route";
import { GET as getCoInvestors } from "@/app/api/organizations/[slug]/co-investors/route";
import { GET as getFundingRounds } from "@/app/api/organizations/[slug]/funding-rounds/route";
import { GET as getRounds } from "@/app/api/organizations/[slug]/rounds/route";
import { GET as getOrganization } from "@/app/api/organizations/[slug]/route";
import { GET as listOrganizations } from "@/app/api/organizations/route";
import { GET as getSummary } from "@/app/api/stats/summary/route";
import { getDealStats } from "@/lib/data/deal-stats";
import { dealFilterCondition } from "@/lib/data/deal-where";
import { readsOf } from "@/lib/data/kysely";
import { keepingMarketCells } from "@/lib/deals/market-cells";
import { recordRevision } from "@/lib/revisions";
import { loadMeasureDeals } from "../support/measure-deals";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { capitalCounted } from "@/lib/measures/capital";
import { attributedAmount, investorCapital } from "@/lib/measures/investor-capital";
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

  it("gives OpenAI's rounds with the valuation, empty where none was reported", async () => {
    const response = await getFundingRounds(request("/api/organizations/openai/funding-rounds?format=csv"), slugParams("openai"));
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("date,counted_usd,deals,undisclosed_deals,post_money_valuation_usd");
    // From the CSV: Microsoft's $1B of 22 July 2019 came with no valuation. The 2026 round's six rows (Microsoft's part
    // undisclosed) are one round at $852B: 15 + 35 + 30 + 30 + 12 billion counted.
    expect(lines).toContain("2019-07-22,1000000000,1,0,");
    expect(lines).toContain("2026-02-27,122000000000,6,1,852000000000");
  });
});

describe("GET /api/organizations/{slug}/rounds", () => {
  type Round = {
    key: string | null;
    name: string | null;
    date: string;
    total: { lowUsd: number | null; highUsd: number | null; qualifier: string } | null;
    counted: boolean;
    postMoneyValuationUsd: number | null;
    leads: { slug: string | null }[];
    participants: { slug: string | null; amountUsd: number | null }[];
    deals: { id: number }[];
  };
  const roundsOf = async (slug: string, query = ""): Promise<Round[]> => {
    const response = await getRounds(request(`/api/organizations/${slug}/rounds${query}`), slugParams(slug));
    expect(response.status).toBe(200);
    return (await response.json()).data;
  };

  it("groups OpenAI's parts and tranches: fewer rounds than counted deals, the 2026 round with Amazon, Nvidia and SoftBank", async () => {
    const rounds = await roundsOf("openai");
    const countedDeals = seedRows.filter((r) => r.recipient === "OpenAI" && isCountedRow(r)).length;
    expect(rounds.filter((r) => r.counted).length).toBeLessThan(countedDeals);
    expect(rounds.length).toBeLessThan(countedDeals);
    const mega = rounds.find((r) => r.key === "2026-mega-round");
    expect(mega).toMatchObject({
      name: "2026 mega-round",
      date: "2026-02-27",
      total: { lowUsd: 122e9, highUsd: 122e9, qualifier: "exact" },
      postMoneyValuationUsd: 852e9,
    });
    expect(mega?.deals).toHaveLength(6);
    const part = (slug: string) => mega?.participants.find((p) => p.slug === slug);
    // Amazon's two tranches add up; Microsoft's part was not disclosed.
    expect(part("amazon")?.amountUsd).toBe(50e9);
    expect(part("nvidia")?.amountUsd).toBe(30e9);
    expect(part("softbank")?.amountUsd).toBe(30e9);
    expect(part("microsoft")?.amountUsd).toBeNull();
    const forty = rounds.find((r) => r.key === "2025-40b-round");
    expect(forty?.deals).toHaveLength(3);
    expect(forty?.participants.map((p) => p.slug)).toEqual(expect.arrayContaining(["softbank", "coatue", "founders-fund"]));
    // A deal without a round is a round of its own.
    expect(rounds.find((r) => r.date === "2019-07-22")).toMatchObject({ key: null, total: { lowUsd: 1e9, qualifier: "exact" } });
    expect(rounds.map((r) => r.date)).toEqual(rounds.map((r) => r.date).toSorted());
  });

  it("names a round's lead investors", async () => {
    const seriesE = (await roundsOf("anthropic")).find((r) => r.name === "Series E");
    expect(seriesE?.leads.map((l) => l.slug)).toEqual(["lightspeed-venture-partners"]);
  });

  it("lists a round as of a date with only the deals reported by then", async () => {
    const rounds = await roundsOf("openai", "?asOf=2025-06-30");
    expect(rounds.find((r) => r.key === "2025-40b-round")?.deals).toHaveLength(2);
    expect(rounds.find((r) => r.key === "2026-mega-round")).toBeUndefined();
  });

  it("answers 404 for an unknown organization", async () => {
    expect((await getRounds(request("/api/organizations/nobody-here/rounds"), slugParams("nobody-here"))).status).toBe(404);
  });
});

describe("GET /api/organizations/{slug}/co-investors", () => {
  it("counts investors of the same round as co-investors and links the rounds in common", async () => {
    const response = await getCoInvestors(request("/api/organizations/softbank/co-investors"), slugParams("softbank"));
    expect(response.status).toBe(200);
    const body: { data: { slug: string; name: string; rounds: { key: string | null; recipient: { slug: string } }[] }[] } =
      await response.json();
    const slugs = body.data.map((c) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining(["amazon", "nvidia", "coatue", "founders-fund", "magnetar-capital"]));
    const amazon = body.data.find((c) => c.slug === "amazon");
    expect(amazon?.rounds).toContainEqual(
      expect.objectContaining({ key: "2026-mega-round", recipient: { slug: "openai", name: "OpenAI" } }),
    );
    expect((await getCoInvestors(request("/api/organizations/nobody-here/co-investors"), slugParams("nobody-here"))).status).toBe(404);
  });
});

describe("from and to: whose money, over a span of dates", () => {
  const y2025 = "from=2025-01-01&to=2025-12-31";

  it("gives Nvidia's attributed 2025 capital equal to the 2025 row of its capital by year, beside the total of the rounds joined", async () => {
    const response = await getOrganization(request(`/api/organizations/nvidia?${y2025}`), slugParams("nvidia"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect([body.from, body.to]).toEqual(["2025-01-01", "2025-12-31"]);
    const byYear = await (
      await getCapitalByPeriod(request("/api/organizations/nvidia/capital-by-period?grain=year"), slugParams("nvidia"))
    ).json();
    const row2025 = byYear.data.find((p: { period: string }) => p.period === "2025");
    expect(row2025.totalUsd).toBeGreaterThan(0);
    expect(body.figures.asInvestor.capitalAttributedUsd).toBe(row2025.totalUsd);
    // The whole rounds it joined are larger than its part of them (it shares them with other investors), and less
    // than all years together.
    const all = await (await getOrganization(request("/api/organizations/nvidia"), slugParams("nvidia"))).json();
    expect(body.figures.asInvestor.roundsJoinedTotalUsd).toBeGreaterThan(body.figures.asInvestor.capitalAttributedUsd);
    expect(body.figures.asInvestor.roundsJoinedTotalUsd).toBeLessThan(all.figures.asInvestor.roundsJoinedTotalUsd);
    expect(body.figures.asInvestor.capitalAttributedUsd).toBeLessThan(all.figures.asInvestor.capitalAttributedUsd);
  });

  it("says the same two figures for /deals' filters: the whole rounds and Nvidia's part of them", async () => {
    const summary = await (await getSummary(request(`/api/stats/summary?investor=nvidia&${y2025}`))).json();
    const nvidia = await (await getOrganization(request(`/api/organizations/nvidia?${y2025}`), slugParams("nvidia"))).json();
    expect(summary.capitalCountedUsd).toBe(nvidia.figures.asInvestor.roundsJoinedTotalUsd);
    expect(summary.attributed.capitalAttributedUsd).toBe(nvidia.figures.asInvestor.capitalAttributedUsd);
    expect(summary.attributed.countedDeals).toBe(nvidia.figures.asInvestor.countedDeals);
    // Without an investor filter there is nobody to attribute to.
    expect((await (await getSummary(request(`/api/stats/summary?${y2025}`))).json()).attributed).toBeNull();
  });

  it("attributes /deals' figures as the measure attributeToInvestors does, today and as of a date, for one investor or two", async () => {
    for (const query of [
      "investor=nvidia&from=2025-01-01&to=2025-12-31",
      "investor=amazon",
      "investor=softbank&kind=equity",
      "investor=microsoft&asOf=2025-06-30",
      "investor=softbank&kind=equity&asOf=2026-01-31",
    ]) {
      const { filters } = parseDealFilters(new URLSearchParams(query));
      const stats = await getDealStats(filters);
      const deals = await loadMeasureDeals(t.db, dealFilterCondition(filters, readsOf(t.db)), filters.asOf);
      expect(stats.attributed, query).toEqual(investorCapital(deals, filters.investors[0]));
      // The rounds joined, from the same parts: the whole amounts of the deals the filters select.
      expect(stats.capital, query).toEqual(capitalCounted(deals));
      expect(stats.capital.dealCount, query).toBeGreaterThan(0);
    }
    // Two investors: their parts added up (a deal they share counted once).
    const both = parseDealFilters(new URLSearchParams("investor=amazon,nvidia")).filters;
    const deals = await loadMeasureDeals(t.db, dealFilterCondition(both, readsOf(t.db)));
    const total = investorCapital(deals, "amazon").total + investorCapital(deals, "nvidia").total;
    const shared = deals.filter((d) => attributedAmount(d, "amazon") !== null && attributedAmount(d, "nvidia") !== null).length;
    const { attributed, capital } = await getDealStats(both);
    expect(capital).toEqual(capitalCounted(deals));
    expect(attributed?.total).toBe(total);
    expect(shared).toBeGreaterThan(0);
    expect(attributed?.countedDeals).toBe(
      investorCapital(deals, "amazon").countedDeals + investorCapital(deals, "nvidia").countedDeals - shared,
    );
  });

  it("narrows the chart, the rounds and the co-investors to the dates", async () => {
    const byYear = await (
      await getCapitalByPeriod(request(`/api/organizations/nvidia/capital-by-period?grain=year&${y2025}`), slugParams("nvidia"))
    ).json();
    expect(byYear.data.map((p: { period: string }) => p.period)).toEqual(["2025"]);
    const rounds = (await (await getRounds(request(`/api/organizations/openai/rounds?${y2025}`), slugParams("openai"))).json()).data;
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds.every((r: { date: string }) => r.date >= "2025-01-01" && r.date <= "2025-12-31")).toBe(true);
    const funding = (
      await (await getFundingRounds(request(`/api/organizations/openai/funding-rounds?from=2026-01-01`), slugParams("openai"))).json()
    ).data;
    expect(funding.every((r: { date: string }) => r.date >= "2026-01-01")).toBe(true);
    const co = await getCoInvestors(request(`/api/organizations/softbank/co-investors?from=2026-01-01`), slugParams("softbank"));
    const rounds2026 = (await co.json()).data.flatMap((c: { rounds: { date: string }[] }) => c.rounds);
    expect(rounds2026.every((r: { date: string }) => r.date >= "2026-01-01")).toBe(true);
  });

  it("answers 400 naming a bad from, to or asOf on every organization route", async () => {
    const routes = [
      ["", getOrganization],
      ["/capital-by-period", getCapitalByPeriod],
      ["/funding-rounds", getFundingRounds],
      ["/rounds", getRounds],
      ["/co-investors", getCoInvestors],
    ] as const;
    for (const [path, get] of routes) {
      for (const [query, param] of [
        ["from=2025-13-01", "from"],
        ["to=yesterday", "to"],
        ["asOf=2025-02-30", "asOf"],
        ["from=2025-06-01&to=2025-01-01", "to"],
      ]) {
        const response = await get(request(`/api/organizations/openai${path}?${query}`), slugParams("openai"));
        expect(response.status, `${path}?${query}`).toBe(400);
        const body = await response.json();
        expect(
          body.issues.map((i: { param: string }) => i.param),
          `${path}?${query}`,
        ).toEqual([param]);
      }
    }
  });
});

describe("deal counts after a deletion", () => {
  it("counts every organization's live deals as an investor and as the recipient, as its participations and deals do", async () => {
    // A deal of Microsoft's deleted by the writers; the reference walks the participations and deals themselves, the
    // list reads the parts the writers keep. Last in the file: the seed's counts above do not hold after it.
    const deleted = await t.db.deal.findFirstOrThrow({ where: { participations: { some: { organization: { slug: "microsoft" } } } } });
    await t.db.$transaction(async (tx) => {
      await keepingMarketCells(tx, [deleted.id], () => tx.deal.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } }));
      // A new revision is a new data version: the views cached before it are not read again.
      await recordRevision(tx, { entityType: "deal", entityId: deleted.id, action: "delete", actor: "test", before: null, after: null });
    });
    const reference = await t.db.organization.findMany({
      where: { deletedAt: null },
      select: {
        slug: true,
        _count: { select: { participations: { where: { deal: { deletedAt: null } } }, received: { where: { deletedAt: null } } } },
      },
    });
    const body = await (await listOrganizations(request("/api/organizations"))).json();
    const counted = (o: { slug: string; dealsAsInvestor: number; dealsAsRecipient: number }) => [
      o.slug,
      o.dealsAsInvestor,
      o.dealsAsRecipient,
    ];
    expect(body.data.map(counted).sort()).toEqual(reference.map((o) => [o.slug, o._count.participations, o._count.received]).sort());
    expect(body.data.some((o: { dealsAsInvestor: number }) => o.dealsAsInvestor > 1)).toBe(true);
    const microsoft = await (await getOrganization(request("/api/organizations/microsoft"), slugParams("microsoft"))).json();
    expect(counted(microsoft)).toEqual(counted(body.data.find((o: { slug: string }) => o.slug === "microsoft")));
  });
});
