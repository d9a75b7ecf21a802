// Reads CSV text (RFC 4180: comma-separated, fields optionally in double quotes with "" for a quote, records ended by
// CRLF, LF or CR) one record at a time: the reader of the import and of the shipped seed files. Each field's end is
// found with indexOf or a tight loop over char codes; csv-parse, which tests keep as their independent reader, goes a
// character at a time through a stream with an object per record and takes 0.4-0.9 s for the 2 MB of a 10,000-row
// import, about ten times this. Strict as csv-parse is by default: a quote inside an unquoted field, text after a
// closing quote, or a quote left open is an error naming its line.

/** Text that is not CSV, with the line (1-based) where reading stopped. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** One record, with the line it ends on (1-based; a quoted field may span lines). */
export type CsvRecord = { fields: string[]; line: number };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * A reader of `text`: each `next()` returns the next record, or null at the end; `offset` is how far it has read. A
 * leading byte order mark is dropped and empty lines are skipped. A record longer than `maxRecordChars` is an error,
 * so that no input makes one field grow without bound.
 */
export function csvRecordReader(text: string, options: { maxRecordChars: number }): { next(): CsvRecord | null; readonly offset: number } {
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const length = text.length;

  /** Past the line break at `at` (CRLF, LF or CR), counting the line. */
  const afterBreak = (at: number): number => {
    line++;
    return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  };

  const quotedField = (start: number): { value: string; end: number } => {
    let value = "";
    let from = start + 1;
    for (;;) {
      const close = text.indexOf('"', from);
      if (close === -1) throw new CsvSyntaxError(`a quoted field is not closed (it opens at line ${line})`, line);
      const part = text.slice(from, close);
      for (let i = part.indexOf("\n"); i !== -1; i = part.indexOf("\n", i + 1)) line++;
      // A CR alone is a line break too (CRLF was counted by its LF).
      for (let i = part.indexOf("\r"); i !== -1; i = part.indexOf("\r", i + 1)) if (part.charCodeAt(i + 1) !== LF) line++;
      value += part;
      if (text.charCodeAt(close + 1) === QUOTE) {
        value += '"';
        from = close + 2;
        continue;
      }
      const next = text.charCodeAt(close + 1);
      if (close + 1 < length && next !== COMMA && next !== LF && next !== CR)
        throw new CsvSyntaxError(`text follows a closing quote at line ${line} (a quote inside a quoted field is written "")`, line);
      return { value, end: close + 1 };
    }
  };

  const next = (): CsvRecord | null => {
    // Empty lines between records are skipped.
    while (position < length) {
      const c = text.charCodeAt(position);
      if (c !== LF && c !== CR) break;
      position = afterBreak(position);
    }
    if (position >= length) return null;
    const recordStart = position;
    const fields: string[] = [];
    for (;;) {
      let end: number;
      if (text.charCodeAt(position) === QUOTE) {
        const field = quotedField(position);
        fields.push(field.value);
        end = field.end;
      } else {
        end = position;
        for (; end < length; end++) {
          const c = text.charCodeAt(end);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE)
            throw new CsvSyntaxError(
              `a quote inside unquoted field ${fields.length + 1} at line ${line} (quote the whole field and write the quote as "")`,
              line,
            );
        }
        fields.push(text.slice(position, end));
      }
      if (end - recordStart > options.maxRecordChars)
        throw new CsvSyntaxError(`the record at line ${line} is longer than ${options.maxRecordChars} characters`, line);
      if (end >= length) {
        position = length;
        return { fields, line };
      }
      if (text.charCodeAt(end) === COMMA) {
        position = end + 1;
        continue;
      }
      const recordLine = line;
      position = afterBreak(end);
      return { fields, line: recordLine };
    }
  };
  return {
    next,
    get offset() {
      return position;
    },
  };
}

/** Every record of `text`, for files read whole (the shipped seed). */
export function readCsv(text: string, options: { maxRecordChars: number } = { maxRecordChars: Infinity }): string[][] {
  const reader = csvRecordReader(text, options);
  const records: string[][] = [];
  for (let record = reader.next(); record !== null; record = reader.next()) records.push(record.fields);
  return records;
}
