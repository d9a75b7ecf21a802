import { describe, expect, it } from "vitest";
import { DEAL_CSV_COLUMNS, formatInvestorToken, isUnnamedParty, parseInvestorTokens } from "@/lib/csv/deal-csv-format";
import { csvCell, toCsv } from "@/lib/csv/write-csv";
import { formatRowError, parseDealCsv } from "@/lib/import/parse-deal-csv";
import { planDealImport } from "@/lib/import/plan-deal-import";
import { buildDirectory } from "@/lib/organizations/directory";
import { parseDealForm } from "@/lib/deals/deal-form";

const HEADER = DEAL_CSV_COLUMNS.join(",");
const GOOD =
  '2026-02-27,SoftBank (co-lead);Nvidia;Undisclosed buyers,OpenAI,equity,closed,Mega round,30000000000,30000000000,exact,USD,30000000000,852000000000,2.5,"Summary, with a comma",https://example.com/a,Example News,2026-02-28';

const directory = buildDirectory([
  { id: 1, slug: "openai", name: "OpenAI", aliases: [{ alias: "OpenAI (employee shareholders)" }] },
  { id: 2, slug: "softbank", name: "SoftBank", aliases: [{ alias: "SoftBank Group" }] },
  { id: 3, slug: "nvidia", name: "Nvidia", aliases: [] },
  { id: 4, slug: "aws", name: "AWS", aliases: [{ alias: "Amazon (AWS)" }] },
]);

describe("parseDealCsv", () => {
  it("reads a valid row into typed values with exact money", async () => {
    const parsed = await parseDealCsv(`${HEADER}\n${GOOD}\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    const row = parsed.rows[0].data;
    expect(row.amount_usd_low).toBe(30_000_000_000n);
    expect(row.post_money_valuation_usd).toBe(852_000_000_000n);
    expect(row.stake_pct).toBe(250);
    expect(row.summary).toBe("Summary, with a comma");
  });

  it("accepts a byte-order mark and an optional leading id column", async () => {
    const parsed = await parseDealCsv(`\uFEFFid,${HEADER}\n12,${GOOD}\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.hasIdColumn).toBe(true);
    expect(parsed.rows[0].data.id).toBe(12);
  });

  it("refuses a wrong header and says what is missing", async () => {
    const parsed = await parseDealCsv("announced_on,investors\n2026-01-01,X\n");
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors[0].row).toBe(1);
    expect(parsed.errors[0].message).toContain("missing recipient");
  });

  it("names the row and the field of each bad value", async () => {
    const bad = GOOD.replace("2026-02-27", "2026-02-30")
      .replace(",equity,", ",shares,")
      .replace("30000000000,30000000000,exact", "$30B,30000000000,exact");
    const parsed = await parseDealCsv(`${HEADER}\n${GOOD}\n${bad}\n`);
    expect(parsed.rows).toHaveLength(1);
    const fields = parsed.errors.map((e) => [e.row, e.field]);
    expect(fields).toEqual(
      expect.arrayContaining([
        [3, "announced_on"],
        [3, "kind"],
        [3, "amount_usd_low"],
      ]),
    );
    expect(formatRowError(parsed.errors.find((e) => e.field === "amount_usd_low")!)).toBe(
      'row 3, amount_usd_low: amount_usd_low must be whole US dollars (digits only, no commas, signs or symbols); got "$30B"',
    );
  });

  it("checks that amounts agree with their qualifier", async () => {
    const upToWithoutHigh = GOOD.replace("30000000000,30000000000,exact", "30000000000,,up_to");
    const lowAboveHigh = GOOD.replace("30000000000,30000000000,exact", "5,4,range");
    const parsed = await parseDealCsv(`${HEADER}\n${upToWithoutHigh}\n${lowAboveHigh}\n`);
    expect(parsed.errors.map((e) => [e.row, e.field])).toEqual([
      [2, "amount_usd_high"],
      [3, "amount_usd_low"],
    ]);
  });

  it("refuses source URLs that are not http(s)", async () => {
    const parsed = await parseDealCsv(`${HEADER}\n${GOOD.replace("https://example.com/a", "javascript:alert(1)")}\n`);
    expect(parsed.errors).toEqual([{ row: 2, field: "source_url", message: "source_url must be an http(s) URL or 'unverified'" }]);
  });

  it("reports a row with the wrong number of columns", async () => {
    const parsed = await parseDealCsv(`${HEADER}\n2026-01-01,A,B\n`);
    expect(parsed.errors).toEqual([{ row: 2, field: null, message: "expected 17 columns, found 3" }]);
  });
});

describe("investor tokens", () => {
  it("turns (lead) and (co-lead) into roles and other annotations into notes", async () => {
    const tokens = parseInvestorTokens("SoftBank (lead); Nvidia (co-lead);JPMorgan Chase (considering);Amazon (AWS)", directory.has);
    expect(tokens.map((t) => [t.name, t.role, t.note])).toEqual([
      ["SoftBank", "lead", null],
      ["Nvidia", "co_lead", null],
      ["JPMorgan Chase", "participant", "considering"],
      ["Amazon (AWS)", "participant", null],
    ]);
  });
  it("recognises unnamed parties", async () => {
    expect(isUnnamedParty("Undisclosed lenders")).toBe(true);
    expect(isUnnamedParty("individual investors via banks")).toBe(true);
    expect(isUnnamedParty("Public investors")).toBe(true);
    expect(isUnnamedParty("Publicis")).toBe(false);
    expect(isUnnamedParty("Nvidia")).toBe(false);
    expect(isUnnamedParty("Two Asian telecom operators")).toBe(true);
    expect(isUnnamedParty("Undisclosed investors")).toBe(true);
    expect(isUnnamedParty("Several sovereign wealth funds")).toBe(true);
    expect(isUnnamedParty("Asian telecom operators")).toBe(true);
    expect(isUnnamedParty("Thrive Capital")).toBe(false);
    expect(isUnnamedParty("Insight Partners")).toBe(false);
    expect(isUnnamedParty("Tiger Global")).toBe(false);
  });
  it("writes roles back in the same notation", async () => {
    expect(formatInvestorToken("SoftBank", "co_lead", null)).toBe("SoftBank (co-lead)");
    expect(formatInvestorToken("JPMorgan Chase", "participant", "considering")).toBe("JPMorgan Chase (considering)");
  });
});

describe("planDealImport", () => {
  it("resolves names through aliases and keeps unnamed parties as labels", async () => {
    const plan = planDealImport(
      await parseDealCsv(`${HEADER}\n${GOOD.replace(",OpenAI,", ",OpenAI (employee shareholders),")}\n`),
      directory,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.deals[0].recipientId).toBe(1);
    expect(plan.deals[0].participations).toEqual([
      { organizationId: 2, partyLabel: null, role: "co_lead", note: null, position: 0 },
      { organizationId: 3, partyLabel: null, role: "participant", note: null, position: 1 },
      { organizationId: null, partyLabel: "Undisclosed buyers", role: "participant", note: null, position: 2 },
    ]);
  });
  it("reports unknown organizations and duplicates by row", async () => {
    const plan = planDealImport(
      await parseDealCsv(`${HEADER}\n${GOOD.replace("Nvidia", "Nvidiaa")}\n${GOOD.replace("Nvidia", "SoftBank Group")}\n`),
      directory,
    );
    expect(plan.deals).toEqual([]);
    expect(plan.errors).toEqual([
      { row: 2, field: "investors", message: '"Nvidiaa" is not a known organization or alias' },
      { row: 3, field: "investors", message: '"SoftBank Group" names SoftBank a second time' },
    ]);
  });
  it("flags an unverified source", async () => {
    const plan = planDealImport(
      await parseDealCsv(`${HEADER}\n${GOOD.replace("https://example.com/a,Example News,2026-02-28", "unverified,unverified,")}\n`),
      directory,
    );
    expect(plan.deals[0].source).toEqual({ url: null, publisher: null, publishedOn: null, unverified: true });
  });
});

describe("CSV writer", () => {
  it("neutralises cells a spreadsheet would run as formulas", async () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM")).toBe("'@SUM");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("plain")).toBe("plain");
  });
  it("leaves numbers alone and quotes commas, quotes and newlines", async () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          [-5, 12n],
          ["x,y", "line\nbreak"],
        ],
      ),
    ).toBe('a,b\n-5,12\n"x,y","line\nbreak"\n');
  });
});

describe("the editor's deal form", () => {
  it("keeps parties named by description as labels, as the import and the seed do", () => {
    const values = Object.fromEntries(
      DEAL_CSV_COLUMNS.map((c, i) => [
        c,
        GOOD.match(/("[^"]*"|[^,]*)(,|$)/g)!
          [i].replace(/,$/, "")
          .replace(/^"|"$/g, ""),
      ]),
    );
    const result = parseDealForm(
      { ...values, investors: "Two Asian telecom operators (lead); Undisclosed investors" },
      directory,
      () => false,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.deal.participations.map((p) => [p.organizationId, p.partyLabel, p.role])).toEqual([
      [null, "Two Asian telecom operators", "lead"],
      [null, "Undisclosed investors", "participant"],
    ]);
  });
});
