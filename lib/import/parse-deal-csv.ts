// Turns CSV text in the interchange format into validated rows and per-row errors, without touching the database.
import { parse } from "csv-parse/sync";
import { DEAL_CSV_COLUMNS, dealCsvRowSchema, type DealCsvRow } from "../csv/deal-csv-format";

export type RowError = { row: number; field: string | null; message: string };
export type ParsedDealCsv = { hasIdColumn: boolean; rows: { row: number; data: DealCsvRow }[]; errors: RowError[] };

const MAX_ROWS = 200_000;

export function parseDealCsv(text: string): ParsedDealCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { hasIdColumn: false, rows: [], errors: [{ row: line ?? 1, field: null, message: `the file is not valid CSV: ${(error as Error).message}` }] };
  }
  if (records.length === 0) return { hasIdColumn: false, rows: [], errors: [{ row: 1, field: null, message: "the file is empty: expected a header row" }] };

  const header = records[0].record.map((h) => h.trim());
  const hasIdColumn = header[0] === "id";
  const expected = hasIdColumn ? ["id", ...DEAL_CSV_COLUMNS] : [...DEAL_CSV_COLUMNS];
  if (header.length !== expected.length || header.some((h, i) => h !== expected[i])) {
    const missing = expected.filter((c) => !header.includes(c));
    const extra = header.filter((c) => !(expected as string[]).includes(c));
    const detail = [missing.length ? `missing ${missing.join(", ")}` : "", extra.length ? `unexpected ${extra.join(", ")}` : "", !missing.length && !extra.length ? "columns out of order" : ""]
      .filter(Boolean)
      .join("; ");
    return { hasIdColumn, rows: [], errors: [{ row: 1, field: null, message: `the header must be "${expected.join(",")}" (${detail})` }] };
  }
  if (records.length - 1 > MAX_ROWS) {
    return { hasIdColumn, rows: [], errors: [{ row: 1, field: null, message: `the file has ${records.length - 1} rows; at most ${MAX_ROWS} are imported at once` }] };
  }

  const rows: ParsedDealCsv["rows"] = [];
  const errors: RowError[] = [];
  for (const { record, info } of records.slice(1)) {
    const rowNumber = info.lines;
    if (record.length !== expected.length) {
      errors.push({ row: rowNumber, field: null, message: `expected ${expected.length} columns, found ${record.length}` });
      continue;
    }
    const raw = Object.fromEntries(expected.map((column, i) => [column, record[i]]));
    const result = dealCsvRowSchema.safeParse(raw);
    if (result.success) {
      rows.push({ row: rowNumber, data: result.data });
    } else {
      for (const issue of result.error.issues) {
        errors.push({ row: rowNumber, field: issue.path.length ? String(issue.path[0]) : null, message: issue.message });
      }
    }
  }
  return { hasIdColumn, rows, errors };
}

export function formatRowError(error: RowError): string {
  return `row ${error.row}${error.field ? `, ${error.field}` : ""}: ${error.message}`;
}

