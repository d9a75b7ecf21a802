import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/deals/export.csv/route";
import { DEAL_CSV_ALL_COLUMNS, DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";
import { dealCsvBatches } from "@/lib/data/deal-export";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { importDealCsv, loadDirectory } from "@/lib/import/apply-deal-import";
import { parseDealCsv } from "@/lib/import/parse-deal-csv";
import { planDealImport } from "@/lib/import/plan-deal-import";
import { SEED_CSV_PATH, seedDatabase, withRoundKeys } from "@/lib/seed/seed-database";
import { useTestDbForApp } from "../support/app-db";
import { rowsWithInvestor, seedRows } from "../support/seed-csv";
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

const download = (query: string) => exportCsv(new Request(`http://localhost/api/deals/export.csv?${query}`));

describe("GET /api/deals/export.csv", () => {
  it("exports every seed deal so that the importer reads back exactly what is stored", async () => {
    const response = await download("");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="deals-all.csv"');
    const text = await response.text();
    expect(text.split("\n")[0]).toBe(DEAL_CSV_ALL_COLUMNS.join(","));

    const parsed = await parseDealCsv(text);
    expect(parsed.errors).toEqual([]);
    const plan = planDealImport(parsed, await loadDirectory(t.db));
    expect(plan.errors).toEqual([]);
    expect(plan.deals).toHaveLength(seedRows.length);

    // The export's order: newest first, then highest id.
    const stored = await t.db.deal.findMany({
      where: { deletedAt: null },
      orderBy: [{ announcedOn: "desc" }, { id: "desc" }],
      include: {
        participations: { orderBy: { position: "asc" } },
        sources: { orderBy: { id: "asc" }, take: 1 },
        roundRef: { select: { key: true } },
      },
    });
    expect(stored).toHaveLength(seedRows.length);
    expect(stored.filter((d) => d.roundRef !== null).length).toBeGreaterThan(0);
    plan.deals.forEach((planned, i) => {
      const deal = stored[i];
      const source = deal.sources[0];
      expect({
        recipientId: planned.recipientId,
        kind: planned.kind,
        status: planned.status,
        round: planned.round,
        announcedOn: planned.announcedOn,
        amountUsdLow: planned.amountUsdLow,
        amountUsdHigh: planned.amountUsdHigh,
        amountQualifier: planned.amountQualifier,
        originalCurrency: planned.originalCurrency,
        originalAmount: planned.originalAmount,
        postMoneyValuationUsd: planned.postMoneyValuationUsd,
        stakeBps: planned.stakeBps,
        summary: planned.summary,
        roundKey: planned.roundKey,
        participations: planned.participations,
        source: planned.source,
      }).toEqual({
        recipientId: deal.recipientId,
        kind: deal.kind,
        status: deal.status,
        round: deal.round,
        announcedOn: deal.announcedOn,
        amountUsdLow: deal.amountUsdLow,
        amountUsdHigh: deal.amountUsdHigh,
        amountQualifier: deal.amountQualifier,
        originalCurrency: deal.originalCurrency,
        originalAmount: deal.originalAmount,
        postMoneyValuationUsd: deal.postMoneyValuationUsd,
        stakeBps: deal.stakeBps,
        summary: deal.summary,
        roundKey: deal.roundRef?.key ?? null,
        participations: deal.participations.map((p) => ({
          organizationId: p.organizationId,
          partyLabel: p.partyLabel,
          role: p.role,
          note: p.note,
          position: p.position,
        })),
        source: source
          ? { url: source.url, publisher: source.publisher, publishedOn: source.publishedOn, unverified: source.unverified }
          : null,
      });
    });
  });

  it("gives back the researched seed file, deal for deal", async () => {
    // A second, independent check: the export plans into the same deals as prisma/seed/deals.csv itself. Names are
    // compared through the organizations they resolve to, since an alias and the canonical name are one organization.
    const directory = await loadDirectory(t.db);
    const plan = async (text: string) =>
      planDealImport(await parseDealCsv(text), directory)
        .deals.map((deal) => ({ ...deal, row: 0 })) // row numbers differ: the orders differ
        .sort((a, b) => a.announcedOn.localeCompare(b.announcedOn) || a.summary.localeCompare(b.summary));
    const fromExport = await plan(await (await download("")).text());
    // The seed's rows with the round keys the seed gives them (prisma/seed/rounds.ts): the export writes them back.
    const fromSeed = await plan(withRoundKeys(readFileSync(SEED_CSV_PATH, "utf8")));
    expect(fromExport).toHaveLength(seedRows.length);
    expect(fromExport).toEqual(fromSeed);
  });

  it("exports only the filtered deals, with a file name that says so", async () => {
    const response = await download("investor=amazon&kind=equity&page=2&pageSize=1");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="deals-investor-amazon-kind-equity.csv"');
    const parsed = await parseDealCsv(await response.text());
    // Every matching deal, not one page of them.
    const expected = rowsWithInvestor("Amazon").filter((r) => r.kind === "equity");
    expect(parsed.rows.map((r) => r.data.round).sort()).toEqual(expected.map((r) => r.round).sort());
  });

  it("reads and writes a batch at a time: any batch gives the same rows in the same order, today and as of a date", async () => {
    const all = async (query: string, batch?: number) => {
      const rows: string[] = [];
      for await (const part of dealCsvBatches(parseDealFilters(new URLSearchParams(query)).filters, batch))
        rows.push(...part.map((r) => r.join("|")));
      return rows;
    };
    for (const query of ["", "sort=amount_desc", "asOf=2025-06-30&sort=amount_asc", "investor=nvidia&sort=date_asc"]) {
      const whole = await all(query);
      expect(whole.length).toBeGreaterThan(10);
      expect(await all(query, 7)).toEqual(whole);
      // The download is the same rows, each written once.
      const lines = (await parseDealCsv(await (await download(query)).text())).rows;
      expect(lines).toHaveLength(whole.length);
    }
    // No matching deal: the header alone, and the stream ends.
    expect(await (await download("q=no-deal-says-this")).text()).toBe(`${DEAL_CSV_ALL_COLUMNS.join(",")}\n`);
    // As of a date, a deal reads as reported by then: the export of a date before any report of the later deals is shorter.
    expect((await all("asOf=2025-06-30")).length).toBeLessThan((await all("")).length);
  });

  it("answers 400 naming a bad parameter", async () => {
    const response = await download("kind=shares");
    expect(response.status).toBe(400);
    expect((await response.json()).issues.map((i: { param: string }) => i.param)).toEqual(["kind"]);
  });

  it("round-trips round_key: a fresh database importing the export groups the same deals into the same rounds", async () => {
    const fresh = await createTestDb();
    try {
      // Organizations are created from the names the export writes.
      const imported = await importDealCsv(fresh.db, await (await download("")).text(), { actor: "test", onDuplicate: "create" });
      expect(imported.ok).toBe(true);
      const groups = async (db: TestDb["db"]) =>
        (await db.round.findMany({ include: { recipient: true, deals: { select: { round: true } } }, orderBy: { key: "asc" } })).map(
          (r) => ({ recipient: r.recipient.name, key: r.key, deals: r.deals.map((d) => d.round).sort() }),
        );
      const before = await groups(t.db);
      expect(before.find((r) => r.key === "2026-mega-round")?.deals).toHaveLength(6);
      expect(await groups(fresh.db)).toEqual(before);
    } finally {
      await fresh.dispose();
    }
  });

  it("neutralises cells a spreadsheet would run as formulas", async () => {
    const header = DEAL_CSV_COLUMNS.join(",");
    const row = `2026-06-01,Amazon,Anthropic,equity,announced,"=HYPERLINK(""http://evil.example"")",1,1,exact,USD,1,,,"@SUM(A1)",https://example.com/x,Example,2026-06-01`;
    const imported = await importDealCsv(t.db, `${header}\n${row}\n`, { actor: "test" });
    expect(imported.ok).toBe(true);
    const text = await (await download("from=2026-06-01&to=2026-06-01")).text();
    const line = text.trim().split("\n")[1];
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(line).toContain(",'@SUM(A1),");
  });
});
