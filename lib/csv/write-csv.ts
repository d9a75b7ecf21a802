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

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | bigint | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}

/** The text a cell written by csvCell held: one leading `'` is removed from a cell that csvCell neutralised. */
export function readNeutralisedCell(cell: string): string {
  return cell.startsWith("'") && NEUTRALISED.test(cell.slice(1)) ? cell.slice(1) : cell;
}
