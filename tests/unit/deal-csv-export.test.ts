import { describe, expect, it } from "vitest";
import { DEAL_CSV_ALL_COLUMNS, DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";
import { formatStakePct, toDealCsvRow, type DealCsvSource } from "@/lib/csv/deal-csv-row";
import { dealExportFileName } from "@/lib/csv/export-file-name";
import { toCsv } from "@/lib/csv/write-csv";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { parseDealCsv } from "@/lib/import/parse-deal-csv";

const base: DealCsvSource = {
  announcedOn: "2026-02-27",
  investors: [
    { name: "SoftBank", role: "co_lead", note: null },
    { name: "Nvidia", role: "participant", note: "considering" },
    { name: "Undisclosed buyers", role: "participant", note: null },
  ],
  recipientName: "OpenAI",
  kind: "equity",
  status: "closed",
  round: "Mega round",
  amountUsdLow: 30_000_000_000n,
  amountUsdHigh: 30_000_000_000n,
  amountQualifier: "exact",
  originalCurrency: "USD",
  originalAmount: 30_000_000_000n,
  postMoneyValuationUsd: 852_000_000_000n,
  stakeBps: 250,
  summary: "Summary, with a comma",
  source: { url: "https://example.com/a", publisher: "Example News", publishedOn: "2026-02-28", unverified: false },
  roundKey: "2026-mega-round",
};

describe("toDealCsvRow", () => {
  it("writes every column of the interchange format in order", async () => {
    expect(toDealCsvRow(base)).toEqual([
      "2026-02-27",
      "SoftBank (co-lead);Nvidia (considering);Undisclosed buyers",
      "OpenAI",
      "equity",
      "closed",
      "Mega round",
      30_000_000_000n,
      30_000_000_000n,
      "exact",
      "USD",
      30_000_000_000n,
      852_000_000_000n,
      "2.5",
      "Summary, with a comma",
      "https://example.com/a",
      "Example News",
      "2026-02-28",
      "2026-mega-round",
    ]);
    expect(toDealCsvRow(base)).toHaveLength(DEAL_CSV_ALL_COLUMNS.length);
  });

  it("marks an unverified source the way the importer reads it", async () => {
    const row = toDealCsvRow({ ...base, source: { url: null, publisher: null, publishedOn: null, unverified: true } });
    expect(row.slice(-4, -1)).toEqual(["unverified", "unverified", null]);
  });

  it("leaves the source columns empty when there is no source", async () => {
    expect(toDealCsvRow({ ...base, source: null }).slice(-4, -1)).toEqual([null, null, null]);
  });

  it("reads back through the importer's parser with the same values", async () => {
    const parsed = await parseDealCsv(
      toCsv(DEAL_CSV_ALL_COLUMNS, [
        toDealCsvRow({
          ...base,
          stakeBps: 1005,
          round: null,
          amountQualifier: "range",
          amountUsdLow: 300_000_000n,
          amountUsdHigh: 550_000_000n,
        }),
      ]),
    );
    expect(parsed.errors).toEqual([]);
    const row = parsed.rows[0].data;
    expect([row.stake_pct, row.round, row.amount_qualifier, row.amount_usd_low, row.amount_usd_high]).toEqual([
      1005,
      null,
      "range",
      300_000_000n,
      550_000_000n,
    ]);
    expect(row.investors).toBe("SoftBank (co-lead);Nvidia (considering);Undisclosed buyers");
    expect(row.round_key).toBe("2026-mega-round");
  });

  it("reads a file without the optional round_key column, and an empty key as no round", async () => {
    const cells = toDealCsvRow(base);
    const without = await parseDealCsv(toCsv(DEAL_CSV_COLUMNS, [cells.slice(0, DEAL_CSV_COLUMNS.length)]));
    expect(without.errors).toEqual([]);
    expect(without.rows[0].data.round_key).toBeUndefined();
    const empty = await parseDealCsv(toCsv(DEAL_CSV_ALL_COLUMNS, [toDealCsvRow({ ...base, roundKey: null })]));
    expect(empty.errors).toEqual([]);
    expect(empty.rows[0].data.round_key).toBeNull();
  });
});

describe("formatStakePct", () => {
  it("writes basis points as the percentage the importer reads", async () => {
    expect([
      formatStakePct(1000),
      formatStakePct(250),
      formatStakePct(1005),
      formatStakePct(5),
      formatStakePct(0),
      formatStakePct(10000),
    ]).toEqual(["10", "2.5", "10.05", "0.05", "0", "100"]);
  });
});

describe("dealExportFileName", () => {
  const name = (query: string) => dealExportFileName(parseDealFilters(new URLSearchParams(query)).filters);

  it("says what was filtered", async () => {
    expect(name("investor=amazon&kind=equity")).toBe("deals-investor-amazon-kind-equity.csv");
    expect(name("recipient=openai&from=2024-01-01&min=1000000000")).toBe("deals-recipient-openai-from-2024-01-01-min-1000000000.csv");
  });

  it("leaves out order and paging, which do not change what is exported", async () => {
    expect(name("sort=amount_desc&page=3&pageSize=50")).toBe("deals-all.csv");
  });

  it("keeps free text to safe characters", async () => {
    expect(name('q=Série "C"/../x')).toBe("deals-q-serie-c-x.csv");
    expect(name("q=%E2%82%AC")).toBe("deals-q-text.csv");
  });
});
