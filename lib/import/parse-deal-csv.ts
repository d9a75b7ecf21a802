// Turns CSV text in the interchange format into validated rows and per-row errors, without touching the database.
// The file is read a record at a time, with a turn of the event loop after each slice of text, so a large import
// never holds the server for long; the header is checked as soon as it is read (a file that is not the format stops
// there), and records, rows and errors are limited so that no file makes the parse grow without bound.
import { DEAL_CSV_ALL_COLUMNS, DEAL_CSV_COLUMNS, dealCsvRowSchema, type DealCsvRow } from "../csv/deal-csv-format";
import { CsvSyntaxError, csvRecordReader, type CsvRecord } from "../csv/read-csv";
import { readNeutralisedCell } from "../csv/write-csv";

export type RowError = { row: number; field: string | null; message: string };
export type ParsedDealCsv = { hasIdColumn: boolean; rows: { row: number; data: DealCsvRow }[]; errors: RowError[] };

export const MAX_ROWS = 200_000;
/** Characters in one record: a deal's row is a few hundred; a longer one is not a row of this format. */
export const MAX_RECORD_CHARS = 64 * 1024;
/** Errors reported before the parse stops: enough to fix a file by, without a report larger than the file. */
export const MAX_ERRORS = 1000;
/** Characters of one error message: messages may quote the input, and a report must stay small whatever it held. */
export const MAX_MESSAGE_CHARS = 300;
/** Text read between turns of the event loop: about 150 rows. */
const SLICE_CHARS = 32 * 1024;

function capped(message: string): string {
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…` : message;
}

export async function parseDealCsv(text: string): Promise<ParsedDealCsv> {
  const reader = csvRecordReader(text, { maxRecordChars: MAX_RECORD_CHARS });
  let expected: string[] | null = null;
  let hasIdColumn = false;
  let count = 0;
  const rows: ParsedDealCsv["rows"] = [];
  const errors: RowError[] = [];
  const file = (row: number, message: string): RowError => ({ row, field: null, message: capped(message) });

  /** One record; a result ends the parse. */
  const take = ({ fields: record, line }: CsvRecord): ParsedDealCsv | null => {
    if (expected === null) {
      const header = record.map((h) => h.trim());
      hasIdColumn = header[0] === "id";
      // The optional columns may follow the required ones (all of them, in order) or be left out.
      const withOptional = header.length > (hasIdColumn ? 1 : 0) + DEAL_CSV_COLUMNS.length;
      expected = [...(hasIdColumn ? ["id"] : []), ...(withOptional ? DEAL_CSV_ALL_COLUMNS : DEAL_CSV_COLUMNS)];
      if (header.length === expected.length && header.every((h, i) => h === expected?.[i])) return null;
      const missing = expected.filter((c) => !header.includes(c));
      const extra = header.filter((c) => !(expected as string[]).includes(c));
      const detail = [
        missing.length ? `missing ${missing.join(", ")}` : "",
        extra.length ? `unexpected ${extra.join(", ")}` : "",
        !missing.length && !extra.length ? "columns out of order" : "",
      ]
        .filter(Boolean)
        .join("; ");
      return { hasIdColumn, rows: [], errors: [file(1, `the header must be "${expected.join(",")}" (${capped(detail)})`)] };
    }
    if (++count > MAX_ROWS)
      return {
        hasIdColumn,
        rows: [],
        errors: [file(1, `the file has more than ${MAX_ROWS} rows; at most ${MAX_ROWS} are imported at once`)],
      };
    const rowNumber = line;
    if (record.length !== expected.length) {
      errors.push({ row: rowNumber, field: null, message: `expected ${expected.length} columns, found ${record.length}` });
    } else {
      const result = dealCsvRowSchema.safeParse(Object.fromEntries(expected.map((column, i) => [column, readNeutralisedCell(record[i])])));
      if (result.success) rows.push({ row: rowNumber, data: result.data });
      else
        for (const issue of result.error.issues)
          errors.push({ row: rowNumber, field: issue.path.length ? String(issue.path[0]) : null, message: capped(issue.message) });
    }
    if (errors.length >= MAX_ERRORS)
      return {
        hasIdColumn,
        rows,
        errors: [...errors, file(rowNumber, `stopped at row ${rowNumber} after ${MAX_ERRORS} problems; fix these and import again`)],
      };
    return null;
  };

  // A turn of the event loop after each slice of text read, so that other requests go on during a large import.
  let sliceEnd = SLICE_CHARS;
  try {
    for (let record = reader.next(); record !== null; record = reader.next()) {
      const done = take(record);
      if (done) return done;
      if (reader.offset >= sliceEnd) {
        sliceEnd = reader.offset + SLICE_CHARS;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { hasIdColumn, rows: [], errors: [...errors, file(error.line, `the file is not valid CSV: ${error.message}`)] };
  }
  if (expected === null) return { hasIdColumn: false, rows: [], errors: [file(1, "the file is empty: expected a header row")] };
  return { hasIdColumn, rows, errors };
}

export function formatRowError(error: RowError): string {
  return `row ${error.row}${error.field ? `, ${error.field}` : ""}: ${error.message}`;
}
