// The /api/stats endpoints of the analysis, called as route handlers on a real seeded SQLite file. Expected figures
// are computed here from prisma/seed/deals.csv or written by hand, never with the measures under test.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCircularFlows } from "@/app/api/stats/circular-flows/route";
import { GET as getConcentration } from "@/app/api/stats/concentration/route";
import { GET as getFlows } from "@/app/api/stats/flows/route";
import { GET as getCapitalByKind } from "@/app/api/stats/capital-by-kind/route";
import { getDb } from "@/lib/db";
import { SEED_CSV_PATH, seedDatabase } from "@/lib/seed/seed-database";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
const csvRows = parse(readFileSync(SEED_CSV_PATH, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
const countedRows = csvRows.filter((r) => ["equity", "convertible"].includes(r.kind) && ["announced", "closed"].includes(r.status));
const amountOf = (r: Record<string, string>) => BigInt(r.amount_usd_low || r.amount_usd_high || "0");

/** Recipient totals per year straight from the CSV (recipients of counted rows are spelled one way there). */
function recipientTotalsByYear(skip: (r: Record<string, string>) => boolean = () => false): Map<string, Map<string, bigint>> {
  const years = new Map<string, Map<string, bigint>>();
  for (const r of countedRows) {
    if (skip(r)) continue;
    const year = years.get(r.announced_on.slice(0, 4)) ?? new Map<string, bigint>();
    year.set(r.recipient, (year.get(r.recipient) ?? 0n) + amountOf(r));
    years.set(r.announced_on.slice(0, 4), year);
  }
  return years;
}

/** HHI rounded to the nearest whole number, in exact integer arithmetic. */
function hhiOf(amounts: bigint[]): number {
  const total = amounts.reduce((s, a) => s + a, 0n);
  const squares = amounts.reduce((s, a) => s + a * a, 0n);
  return Number((20_000n * squares + total * total) / (2n * total * total));
}

async function call(handler: (r: Request) => Promise<Response>, query: string) {
  return handler(new Request(`http://test.local/api/stats/x?${query}`));
}

beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db);
  // The route handlers open the app's database handle, which reads DATABASE_URL on first use.
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => {
  await (await getDb()).$disconnect();
  await t?.dispose();
});

type ConcentrationJson = {
  grain: string;
  side: string;
  data: {
    period: string;
    totalUsd: number;
    hhi: number | null;
    top1Share: number | null;
    top3Share: number | null;
    top5Share: number | null;
    leaders: { slug: string; amountUsd: number; share: number }[];
  }[];
};

describe("GET /api/stats/concentration", () => {
  it("gives the recipient HHI and top shares per year, with empty years kept as nulls", async () => {
    const response = await call(getConcentration, "grain=year&side=recipient");
    expect(response.status).toBe(200);
    const body = (await response.json()) as ConcentrationJson;
    const expected = recipientTotalsByYear();
    expect(body.data.map((p) => p.period)).toEqual(["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"]);
    for (const point of body.data) {
      const year = expected.get(point.period);
      const amounts = [...(year?.values() ?? [])].filter((a) => a > 0n);
      if (amounts.length === 0) {
        expect([point.totalUsd, point.hhi, point.top1Share]).toEqual([0, null, null]);
        continue;
      }
      const total = amounts.reduce((s, a) => s + a, 0n);
      const sorted = [...amounts].sort((a, b) => (a > b ? -1 : 1));
      expect(point.totalUsd).toBe(Number(total));
      expect(point.hhi).toBe(hhiOf(amounts));
      expect(point.top1Share).toBeCloseTo(Number(sorted[0]) / Number(total), 8);
      expect(point.top3Share).toBeCloseTo(Number(sorted.slice(0, 3).reduce((s, a) => s + a, 0n)) / Number(total), 8);
      expect(point.leaders[0].amountUsd).toBe(Number(sorted[0]));
    }
    // Written down by hand from the CSV: the 2026 leader is Anthropic with $160B of $308.9B.
    expect(body.data.at(-1)?.leaders[0]).toMatchObject({ slug: "anthropic", amountUsd: 160_000_000_000 });
  });

  it("measures the rest of the market when OpenAI is excluded", async () => {
    const body = (await (await call(getConcentration, "exclude=openai")).json()) as ConcentrationJson;
    // OpenAI's money goes too: what it received, and its own $350M in CoreWeave (it is the only investor there).
    const expected = recipientTotalsByYear((r) => r.recipient === "OpenAI" || r.investors === "OpenAI");
    const y2025 = body.data.find((p) => p.period === "2025");
    const amounts = [...(expected.get("2025")?.values() ?? [])];
    expect(y2025?.hhi).toBe(hhiOf(amounts));
    expect(y2025?.leaders.map((l) => l.slug)).not.toContain("openai");
    // 2019 had only OpenAI: nothing is left to measure, so the series starts later.
    expect(body.data[0].period).toBe("2023");
  });

  it("splits shared rounds on the investor side, with the same yearly totals as the recipient side", async () => {
    const investors = (await (await call(getConcentration, "side=investor")).json()) as ConcentrationJson;
    const recipients = (await (await call(getConcentration, "side=recipient")).json()) as ConcentrationJson;
    expect(investors.data.map((p) => p.totalUsd)).toEqual(recipients.data.map((p) => p.totalUsd));
    // 2019: Microsoft alone put $1B into OpenAI.
    expect(investors.data[0]).toMatchObject({
      period: "2019",
      hhi: 10000,
      leaders: [{ slug: "microsoft", amountUsd: 1_000_000_000, share: 1 }],
    });
  });

  it("answers CSV with one row per period", async () => {
    const response = await call(getConcentration, "grain=quarter&format=csv");
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("period,total_usd,hhi,top1_share,top3_share,top5_share,largest,largest_usd");
    // 2019-Q3 to the last quarter with counted capital, 2026-Q2: 28 quarters.
    expect(lines.slice(1).map((l) => l.split(",")[0])).toHaveLength(28);
    expect(lines[1]).toBe("2019-Q3,1000000000,10000,1,1,1,openai,1000000000");
  });

  it("answers 400 naming each bad parameter", async () => {
    const response = await call(getConcentration, "grain=decade&side=both&exclude=Open%20AI&from=yesterday");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { param: string; value: string }[] };
    expect(body.issues.map((i) => [i.param, i.value])).toEqual([
      ["from", "yesterday"],
      ["grain", "decade"],
      ["side", "both"],
      ["exclude", "Open AI"],
    ]);
  });
});

describe("GET /api/stats/flows", () => {
  it("returns Sankey nodes and links whose values, with the flows left out, add up to the capital counted", async () => {
    const body = (await (await call(getFlows, "limit=200")).json()) as {
      nodes: { id: string; side: string }[];
      links: { source: number; target: number; valueUsd: number }[];
      omitted: { flows: number; amountUsd: number };
    };
    const total = countedRows.reduce((s, r) => s + amountOf(r), 0n);
    expect(body.links).toHaveLength(200);
    expect(BigInt(body.links.reduce((s, l) => s + l.valueUsd, 0) + body.omitted.amountUsd)).toBe(total);
    expect(body.omitted.flows > 0).toBe(body.omitted.amountUsd > 0);
    for (const link of body.links) expect([body.nodes[link.source].side, body.nodes[link.target].side]).toEqual(["investor", "recipient"]);
  });

  it("puts SoftBank -> OpenAI first: $7.5B + $22.5B + $30B + an eighth of the $6.6B round", async () => {
    const body = (await (await call(getFlows, "limit=3")).json()) as {
      nodes: { slug: string }[];
      links: { source: number; target: number; valueUsd: number }[];
      omitted: { flows: number };
    };
    expect(body.links).toHaveLength(3);
    const first = body.links[0];
    expect([body.nodes[first.source].slug, body.nodes[first.target].slug, first.valueUsd]).toEqual(["softbank", "openai", 60_825_000_000]);
    expect(body.omitted.flows).toBeGreaterThan(0);
  });

  it("refuses a bad limit", async () => {
    const response = await call(getFlows, "limit=0");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { issues: { param: string }[] }).issues[0].param).toBe("limit");
  });
});

type LoopJson = {
  investor: { slug: string };
  company: { slug: string };
  moneyInUsd: number;
  moneyBackUsd: number;
  backToIn: number | null;
  moneyIn: { dealId: number; href: string; from: { slug: string }; to: { slug: string } }[];
  moneyBack: { dealId: number; status: string; from: { slug: string }; to: { slug: string }; amountBasis: string }[];
};

describe("GET /api/stats/circular-flows", () => {
  it("finds the loops of the seed, matching cloud units to their parents", async () => {
    const { loops } = (await (await call(getCircularFlows, "")).json()) as { loops: LoopJson[] };
    // By hand from deals.csv. Microsoft's capital in OpenAI: $1B (2019) + $10B (2023) + an eighth of $6.6B (2024)
    // + a sixth of $11B rounded down ($1,833,333,333; the odd dollars go to the first listed) = $13,658,333,333.
    expect(loops.map((l) => [l.investor.slug, l.company.slug, l.moneyInUsd, l.moneyBackUsd])).toEqual([
      ["microsoft", "openai", 13_658_333_333, 250_000_000_000],
      ["amazon", "openai", 50_000_000_000, 138_000_000_000],
      ["amazon", "anthropic", 33_000_000_000, 100_000_000_000],
      ["microsoft", "anthropic", 5_000_000_000, 30_000_000_000],
      ["google", "anthropic", 41_800_000_000, 3_000_000_000],
      ["nvidia", "thinking-machines-lab", 250_000_000, 0],
    ]);
    const amazonOpenai = loops[1];
    expect(amazonOpenai.backToIn).toBeCloseTo(2.76, 9);
    expect(amazonOpenai.moneyBack.map((l) => [l.from.slug, l.to.slug])).toEqual([
      ["openai", "aws"],
      ["openai", "aws"],
    ]);
    expect(amazonOpenai.moneyIn.every((l) => l.href === `/deals/${l.dealId}`)).toBe(true);
    expect(loops[5].backToIn).toBeNull();
    expect(loops[5].moneyBack[0].amountBasis).toBe("undisclosed");
  });

  it("adds the rumored $200B Google Cloud commitment under the pipeline switch, and leaves OpenAI's loops out when it is excluded", async () => {
    const withPipeline = (await (await call(getCircularFlows, "pipeline=1")).json()) as { loops: LoopJson[] };
    const google = withPipeline.loops.find((l) => l.investor.slug === "google");
    expect(google?.moneyBackUsd).toBe(203_000_000_000);
    expect(google?.moneyBack.map((l) => l.status)).toContain("rumored");
    const without = (await (await call(getCircularFlows, "exclude=openai")).json()) as { loops: LoopJson[] };
    expect(without.loops.map((l) => l.company.slug)).not.toContain("openai");
    expect(without.loops).toHaveLength(4);
  });

  it("keeps the loops of a filtered investor, named through a division", async () => {
    const { loops } = (await (await call(getCircularFlows, "investor=aws")).json()) as { loops: LoopJson[] };
    expect(loops.map((l) => `${l.investor.slug}>${l.company.slug}`)).toEqual(["amazon>openai", "amazon>anthropic"]);
  });

  it("answers CSV with one row per loop", async () => {
    const lines = (await (await call(getCircularFlows, "format=csv")).text()).trim().split("\n");
    expect(lines[0]).toBe("investor,company,money_in_usd,money_back_usd,back_to_in,in_deal_ids,back_deal_ids");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 4).join(","))).toContain("amazon,openai,50000000000,138000000000");
  });
});

describe("GET /api/stats/capital-by-kind", () => {
  it("stacks every kind when all kinds are counted, each period adding up", async () => {
    const body = (await (await call(getCapitalByKind, "count=all")).json()) as {
      series: { kind: string }[];
      data: { totalUsd: number; byKind: Record<string, number> }[];
    };
    expect(body.series.map((s) => s.kind)).toContain("compute_commitment");
    for (const p of body.data) expect(Object.values(p.byKind).reduce((s, v) => s + v, 0)).toBe(p.totalUsd);
    const computeInCsv = csvRows
      .filter((r) => r.kind === "compute_commitment" && ["announced", "closed"].includes(r.status))
      .reduce((s, r) => s + amountOf(r), 0n);
    expect(BigInt(body.data.reduce((s, p) => s + (p.byKind.compute_commitment ?? 0), 0))).toBe(computeInCsv);
  });
});
