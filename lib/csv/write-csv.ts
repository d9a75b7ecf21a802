// The one CSV writer: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are neutralised.
// A cell that starts as a formula gets a leading `'`; so does one that starts with quotes before a formula, so that
// the importer can take exactly one quote off (`readNeutralisedCell`) and every text cell round-trips.
const NEUTRALISED = /^'*[=+\-@\t\r]/;

export function csvCell(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && NEUTRALISED.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type CsvRow = readonly (string | number | bigint | null | undefined)[];

/** Rows as CSV lines, each ended by a newline: a whole file, or a part of one written as it is read. */
export function csvLines(rows: readonly CsvRow[]): string {
  return rows.length === 0 ? "" : rows.map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}

/**
 * A CSV file as a stream of bytes: the header, then each batch of rows as the reader asks for it, so that no more than
 * a batch is held at once. The first batch is read before the stream is returned: an error there (a bad filter, the
 * database) is the request's, answered as one, rather than a file cut off after its header.
 */
export async function csvStream(header: readonly string[], batches: AsyncIterator<readonly CsvRow[]>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const first = await batches.next();
  let pending: string | null = csvLines([header, ...(first.done ? [] : first.value)]);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending !== null) {
        controller.enqueue(encoder.encode(pending));
        pending = null;
        return;
      }
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(next.value)));
    },
    async cancel() {
      await batches.return?.(undefined);
    },
  });
}

export function toCsv(header: readonly string[], rows: readonly CsvRow[]): string {
  return csvLines([header, ...rows]);
}

/** The text a cell written by csvCell held: one leading `'` is removed from a cell that csvCell neutralised. */
export function readNeutralisedCell(cell: string): string {
  return cell.startsWith("'") && NEUTRALISED.test(cell.slice(1)) ? cell.slice(1) : cell;
}
