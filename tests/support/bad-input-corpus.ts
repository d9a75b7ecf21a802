// Malformed input for tests/integration/bad-input.test.ts: CSV files, generated programmatically from one good row.
import { DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";

export const HEADER = DEAL_CSV_COLUMNS.join(",");

/** A valid row as column -> value; a case changes one column. */
export const GOOD: Record<string, string> = {
  announced_on: "2026-06-01",
  investors: "Amazon",
  recipient: "Anthropic",
  kind: "equity",
  status: "announced",
  round: "",
  amount_usd_low: "5",
  amount_usd_high: "5",
  amount_qualifier: "exact",
  original_currency: "USD",
  original_amount: "",
  post_money_valuation_usd: "",
  stake_pct: "",
  summary: "a test deal",
  source_url: "",
  source_publisher: "",
  source_date: "",
};

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function row(overrides: Record<string, string> = {}): string {
  const values = { ...GOOD, ...overrides };
  return DEAL_CSV_COLUMNS.map((c) => quote(values[c])).join(",");
}

export const file = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";

/** A case the importer must refuse; `field` is the column an error must name (null: a file-level error on row 1). */
export type BadCsv = { name: string; body: string | Uint8Array; field?: string | null; row?: number; mentions?: string };

export function badCsvCases(): BadCsv[] {
  const cases: BadCsv[] = [];
  // Headers.
  const columns = [...DEAL_CSV_COLUMNS];
  cases.push({ name: "empty file", body: "", field: null, row: 1 });
  cases.push({ name: "only whitespace lines", body: "\n\n\n", field: null, row: 1 });
  cases.push({ name: "header only in upper case", body: `${HEADER.toUpperCase()}\n${row()}\n`, field: null, row: 1 });
  cases.push({
    name: "header with columns swapped",
    body: `${[columns[1], columns[0], ...columns.slice(2)].join(",")}\n${row()}\n`,
    field: null,
    row: 1,
  });
  cases.push({ name: "header with an extra column", body: `${HEADER},extra\n${row()},x\n`, field: null, row: 1 });
  cases.push({ name: "header with semicolons", body: `${columns.join(";")}\n${row()}\n`, field: null, row: 1 });
  cases.push({ name: "no header, data first", body: `${row()}\n${row()}\n`, field: null, row: 1 });
  for (const missing of columns) {
    const kept = columns.filter((c) => c !== missing);
    cases.push({ name: `header missing ${missing}`, body: `${kept.join(",")}\n${row()}\n`, field: null, row: 1 });
  }
  cases.push({ name: "BOM then a wrong header", body: `\uFEFF${HEADER.replace("kind", "type")}\n${row()}\n`, field: null, row: 1 });
  // Rows with the wrong number of columns.
  cases.push({ name: "row with too few columns", body: file(row().split(",").slice(0, 5).join(",")), field: null, row: 2 });
  cases.push({ name: "row with too many columns", body: file(`${row()},extra`), field: null, row: 2 });
  // Amounts.
  for (const amount of ["-5", "1e12", "1,000", "$5", "€5", "5.50", "five", " 5 000", "99999999999999999999", "0x10"]) {
    cases.push({
      name: `amount_usd_low ${JSON.stringify(amount)}`,
      body: file(row({ amount_usd_low: amount, amount_usd_high: amount })),
      field: "amount_usd_low",
      row: 2,
    });
  }
  cases.push({
    name: "post_money_valuation_usd -1",
    body: file(row({ post_money_valuation_usd: "-1" })),
    field: "post_money_valuation_usd",
    row: 2,
  });
  cases.push({
    name: "original_amount with a currency symbol",
    body: file(row({ original_amount: "£100" })),
    field: "original_amount",
    row: 2,
  });
  cases.push({
    name: "low above high",
    body: file(row({ amount_usd_low: "10", amount_usd_high: "5", amount_qualifier: "range" })),
    field: "amount_usd_low",
    row: 2,
  });
  cases.push({
    name: "undisclosed with an amount",
    body: file(row({ amount_qualifier: "undisclosed" })),
    field: "amount_qualifier",
    row: 2,
    mentions: "undisclosed",
  });
  cases.push({ name: "stake_pct 150", body: file(row({ stake_pct: "150" })), field: "stake_pct", row: 2 });
  cases.push({ name: "stake_pct 12%", body: file(row({ stake_pct: "12%" })), field: "stake_pct", row: 2 });
  // Dates.
  for (const date of ["2026-02-30", "26-01-01", "yesterday", "2026-13-01", "2026/01/01", "01/02/2026", "", "3000-01-01"]) {
    cases.push({ name: `announced_on ${JSON.stringify(date)}`, body: file(row({ announced_on: date })), field: "announced_on", row: 2 });
  }
  cases.push({ name: "source_date 2026-00-10", body: file(row({ source_date: "2026-00-10" })), field: "source_date", row: 2 });
  // Enumerations and other fields.
  for (const kind of ["bogus", "Equity ", "EQUITY", ""])
    cases.push({ name: `kind ${JSON.stringify(kind)}`, body: file(row({ kind })), field: "kind", row: 2 });
  for (const status of ["done", "Closed!", ""])
    cases.push({ name: `status ${JSON.stringify(status)}`, body: file(row({ status })), field: "status", row: 2 });
  cases.push({ name: "amount_qualifier roughly", body: file(row({ amount_qualifier: "roughly" })), field: "amount_qualifier", row: 2 });
  cases.push({ name: "original_currency dollars", body: file(row({ original_currency: "dollars" })), field: "original_currency", row: 2 });
  cases.push({ name: "recipient empty", body: file(row({ recipient: "" })), field: "recipient", row: 2 });
  cases.push({ name: "recipient 10,000 characters", body: file(row({ recipient: "R".repeat(10_000) })), field: "recipient", row: 2 });
  cases.push({ name: "summary 10,000 characters", body: file(row({ summary: "s".repeat(10_000) })), field: "summary", row: 2 });
  cases.push({ name: "source_url javascript:", body: file(row({ source_url: "javascript:alert(1)" })), field: "source_url", row: 2 });
  // Quotes: an unterminated quoted field is a file-level error, not a hang.
  cases.push({ name: "unterminated quote", body: `${HEADER}\n2026-06-01,"Amazon,Anthropic,equity\n`, field: null });
  cases.push({ name: "stray quote inside an unquoted field", body: file(row({}).replace("a test deal", 'a "test" deal')), field: null });
  // Atomicity: a good row, then a bad one; nothing of the good one may be written.
  cases.push({
    name: "good row then bad kind",
    body: file(row({ recipient: "Partial Write Co" }), row({ kind: "bogus" })),
    field: "kind",
    row: 3,
  });
  cases.push({
    name: "good row then bad date",
    body: file(row({ recipient: "Partial Write Co" }), row({ announced_on: "2026-02-30" })),
    field: "announced_on",
    row: 3,
  });
  cases.push({
    name: "many good rows then one bad amount",
    body: file(...Array.from({ length: 50 }, (_, i) => row({ recipient: `Partial ${i}` })), row({ amount_usd_low: "$5" })),
    field: "amount_usd_low",
    row: 52,
  });
  cases.push({ name: "id column with id abc", body: `id,${HEADER}\nabc,${row()}\n`, field: "id", row: 2 });
  cases.push({ name: "id of a deal that does not exist", body: `id,${HEADER}\n999999,${row()}\n`, row: 2 });
  // Size: many bad rows stay bounded.
  cases.push({ name: "5,000 bad rows", body: file(...Array.from({ length: 5_000 }, () => row({ kind: "bogus" }))), field: "kind", row: 2 });
  return cases;
}

/** Files that look odd but are valid: the parser must accept them (dry run). */
export function acceptedCsvCases(): { name: string; body: string; check?: Record<string, string> }[] {
  return [
    {
      name: "quoted summary with embedded quotes",
      body: file(row({ summary: 'He said "yes", then "no"' })),
      check: { summary: 'He said "yes", then "no"' },
    },
    { name: "quoted summary with a newline", body: file(row({ summary: "line one\nline two" })), check: { summary: "line one\nline two" } },
    { name: "quoted summary with CRLF and commas", body: file(row({ summary: "a, b\r\nc" })) },
    { name: "CRLF line endings", body: `${HEADER}\r\n${row()}\r\n` },
    { name: "byte-order mark", body: `\uFEFF${file(row())}` },
    { name: "no trailing newline", body: `${HEADER}\n${row()}` },
    { name: "blank lines between rows", body: `${HEADER}\n\n${row()}\n\n${row({ amount_usd_low: "6", amount_usd_high: "6" })}\n` },
    { name: "formula cells", body: file(row({ summary: '=HYPERLINK("http://evil")', round: "+1", source_publisher: "@SUM(A1)" })) },
    { name: "unicode names", body: file(row({ summary: "Société Générale 株式会社 ✓" })) },
  ];
}
