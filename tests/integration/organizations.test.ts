import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCompany, getFundingHistory } from "@/lib/data/company";
import { getInvestor, PORTFOLIO_LIMIT } from "@/lib/data/investor";
import { getCompanyRounds } from "@/lib/data/rounds";
import { ALL_DATES } from "@/lib/filters/date-window";
import { listCompanies, listInvestors } from "@/lib/data/organization-rankings";
import { seedDatabase } from "@/lib/seed/seed-database";
import { seedRounds } from "@/prisma/seed/rounds";
import { attributedInSeed, countedDollars, investorNames, isCountedRow, seedRows } from "../support/seed-csv";
import { useTestDbAsAppDb } from "../support/app-db";
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

const NO_SEARCH = { q: null, type: null };
const COMMITMENT_KINDS = ["compute_commitment", "cloud_credits", "chip_supply"];

describe("an investor's page on the seed", () => {
  it("attributes to Amazon exactly the equal splits of its counted rows in the CSV, and lists its newest deals with the count of all", async () => {
    const amazon = await getInvestor("amazon", "year");
    const expected = attributedInSeed("Amazon");
    // By hand: $83B of its own deals in OpenAI and Anthropic, and its equal parts of three shared rounds: Hugging Face
    // ($235M among 9), Scale AI ($1B among 13, one of the 12 odd dollars) and Skild AI ($300M among 12).
    expect(expected).toBe(83_000_000_000n + 26_111_111n + 76_923_077n + 25_000_000n);
    expect(amazon?.capital.total).toBe(expected);
    const named = seedRows.filter((r) => investorNames(r).includes("Amazon"));
    expect(amazon?.portfolioTotal).toBe(named.length);
    expect(amazon?.portfolio).toHaveLength(Math.min(named.length, PORTFOLIO_LIMIT));
    const newest = named
      .map((r) => r.announced_on)
      .sort()
      .reverse()
      .slice(0, PORTFOLIO_LIMIT);
    expect(amazon?.portfolio.map((d) => d.announcedOn)).toEqual(newest);
    // The chart adds up to the same figure.
    expect(amazon?.periods.reduce((sum, p) => sum + p.total, 0n)).toBe(expected);
  });

  it("splits shared rounds equally: SoftBank and Nvidia", async () => {
    for (const [slug, name] of [
      ["softbank", "SoftBank"],
      ["nvidia", "Nvidia"],
    ] as const) {
      const investor = await getInvestor(slug, "year");
      expect(investor?.capital.total, name).toBe(attributedInSeed(name));
    }
  });

  it("gives Amazon's share of OpenAI's counted funding from the CSV", async () => {
    const amazon = await getInvestor("amazon", "year");
    const openai = amazon?.recipients.find((r) => r.key === "openai");
    const toOpenAi = (r: Record<string, string>) => r.recipient === "OpenAI";
    const openAiTotal = seedRows.filter((r) => isCountedRow(r) && toOpenAi(r)).reduce((sum, r) => sum + countedDollars(r), 0n);
    expect(openai?.investorAmount).toBe(attributedInSeed("Amazon", toOpenAi));
    expect(openai?.recipientTotal).toBe(openAiTotal);
    expect(openai?.share).toBeCloseTo(Number(attributedInSeed("Amazon", toOpenAi)) / Number(openAiTotal), 6);
  });

  it("counts the rounds Thrive Capital shares with Microsoft (no two of their rows are parts of one round)", async () => {
    const together = seedRows.filter((r) => investorNames(r).includes("Thrive Capital") && investorNames(r).includes("Microsoft")).length;
    expect(together).toBeGreaterThan(0);
    const thrive = await getInvestor("thrive-capital", "year");
    expect(thrive?.coInvestors.find((c) => c.key === "microsoft")?.roundCount).toBe(together);
  });

  it("makes investors in different parts of one round co-investors: SoftBank with Amazon, Nvidia, Coatue and Founders Fund", async () => {
    const softbank = await getInvestor("softbank", "year");
    const with_ = (key: string) => softbank?.coInvestors.find((c) => c.key === key)?.rounds.map((r) => r.key);
    expect(with_("amazon")).toContain("2026-mega-round");
    expect(with_("nvidia")).toContain("2026-mega-round");
    expect(with_("coatue")).toContain("2025-40b-round");
    expect(with_("founders-fund")).toContain("2025-40b-round");
  });

  it("links the parent and its units without merging their deals", async () => {
    const amazon = await getInvestor("amazon", "year");
    expect(amazon?.profile.children.map((c) => c.slug).sort()).toEqual(["amazon-industrial-innovation-fund", "aws"]);
    expect(amazon?.portfolio.every((d) => d.investors.some((i) => i.slug === "amazon"))).toBe(true);
    const aws = await getCompany("aws");
    expect(aws?.profile.parent?.slug).toBe("amazon");
  });

  it("knows no unknown slug", async () => {
    expect(await getInvestor("no-such-org", "year")).toBeNull();
  });
});

describe("a company's page on the seed", () => {
  const toOpenAi = seedRows.filter((r) => r.recipient === "OpenAI" && isCountedRow(r));

  it("counts OpenAI's funding and its rounds from the CSV and the seed's rounds", async () => {
    const openai = await getCompany("openai");
    expect(openai?.funding.total).toBe(toOpenAi.reduce((sum, r) => sum + countedDollars(r), 0n));
    expect(openai?.funding.dealCount).toBe(toOpenAi.length);
    // Rows named in prisma/seed/rounds.ts are one round, dated by it; every other row is a round of its own.
    const roundOf = (row: (typeof toOpenAi)[number]) => seedRounds.find((g) => g.recipient === "OpenAI" && g.rows.includes(row.round));
    const groups = new Map<string, { date: string; total: bigint }>();
    toOpenAi.forEach((row, i) => {
      const round = roundOf(row);
      const key = round?.key ?? `row ${i}`;
      const group = groups.get(key) ?? { date: round?.announcedOn ?? row.announced_on, total: 0n };
      group.total += countedDollars(row);
      groups.set(key, group);
    });
    const expected = [...groups.values()].sort((a, b) => a.date.localeCompare(b.date));
    expect(groups.size).toBeLessThan(toOpenAi.length);
    const history = await getFundingHistory("openai");
    expect(history?.rounds.map((r) => [r.date, r.amount])).toEqual(expected.map((g) => [g.date, g.total]));
    expect(openai?.roundCount).toBe(groups.size);
    expect(openai?.latestValuation).toEqual({ date: "2026-02-27", amount: 852_000_000_000n });
  });

  it("gives investor shares that add up to OpenAI's counted funding", async () => {
    const openai = await getCompany("openai");
    const sum = openai?.investors.reduce((s, i) => s + i.amount, 0n);
    expect(sum).toBe(openai?.funding.total);
    expect(openai?.investors.find((i) => i.key === "amazon")?.amount).toBe(attributedInSeed("Amazon", (r) => r.recipient === "OpenAI"));
  });

  it("lists the newest rounds as every round's tail, with how many there are in all", async () => {
    const every = await getCompanyRounds("openai");
    const newest = await getCompanyRounds("openai", null, ALL_DATES, 3);
    expect(every?.total).toBe(every?.rounds.length);
    expect(every?.rounds.length).toBeGreaterThan(3);
    // The same rounds with the same participants, read for those rounds' deals alone.
    expect(newest?.rounds).toEqual(every?.rounds.slice(-3));
    expect(newest?.total).toBe(every?.total);
    expect(newest?.rounds.some((r) => r.participants.length > 0)).toBe(true);
  });

  it("lists the commitments OpenAI made, Oracle and AWS among them", async () => {
    const openai = await getCompany("openai");
    const expected = seedRows.filter((r) => COMMITMENT_KINDS.includes(r.kind) && investorNames(r).includes("OpenAI"));
    expect(openai?.commitmentsMade).toHaveLength(expected.length);
    const sellers = new Set(openai?.commitmentsMade.map((d) => d.recipient.slug));
    expect(sellers.has("oracle")).toBe(true);
    expect(sellers.has("aws")).toBe(true);
    expect(openai?.commitmentsMade.every((d) => COMMITMENT_KINDS.includes(d.kind) && d.investors.some((i) => i.slug === "openai"))).toBe(
      true,
    );
  });
});

describe("the rankings", () => {
  it("ranks investors by attributed capital, Amazon at the figure of the CSV", async () => {
    const { rows, total } = await listInvestors(NO_SEARCH);
    expect(rows).toHaveLength(total);
    const amounts = rows.map((r) => r.capital);
    expect(amounts).toEqual([...amounts].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(rows.find((r) => r.slug === "amazon")?.capital).toBe(attributedInSeed("Amazon"));
    expect(rows.some((r) => r.slug === "aws")).toBe(false);
  });

  it("finds an investor by alias and keeps its rank in the whole list", async () => {
    const all = await listInvestors(NO_SEARCH);
    const { rows } = await listInvestors({ q: "QIA", type: null });
    expect(rows.map((r) => r.slug)).toEqual(["qia"]);
    expect(rows[0].rank).toBe(all.rows.find((r) => r.slug === "qia")?.rank);
  });

  it("filters by type", async () => {
    const { rows } = await listCompanies({ q: null, type: "cloud" });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.type === "cloud")).toBe(true);
    expect(rows.map((r) => r.slug)).toContain("aws");
  });

  it("ranks companies by counted capital received, OpenAI at the figure of the CSV", async () => {
    const { rows } = await listCompanies(NO_SEARCH);
    const openai = rows.find((r) => r.slug === "openai");
    expect(openai?.capital).toBe(
      seedRows.filter((r) => r.recipient === "OpenAI" && isCountedRow(r)).reduce((sum, r) => sum + countedDollars(r), 0n),
    );
    expect(openai?.deals).toBe(seedRows.filter((r) => r.recipient.startsWith("OpenAI")).length);
  });
});
