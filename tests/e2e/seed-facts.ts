// Facts about the shipped seed, computed straight from its CSV so the browser tests check the page against the data.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

const rows = parse(readFileSync(path.join(process.cwd(), "prisma", "seed", "deals.csv"), "utf8"), { columns: true, bom: true }) as Record<string, string>[];

export const seedDealCount = rows.length;

export const seedCapitalCounted = rows
  .filter((r) => ["equity", "convertible"].includes(r.kind) && ["announced", "closed"].includes(r.status))
  .reduce((sum, r) => sum + BigInt(r.amount_usd_low || r.amount_usd_high || "0"), 0n);

/** The rows counted as capital by default (equity and convertible, announced or closed), with their counted amount. */
export const countedSeedRows: { row: Record<string, string>; amount: bigint }[] = rows
  .filter((r) => ["equity", "convertible"].includes(r.kind) && ["announced", "closed"].includes(r.status))
  .map((row) => ({ row, amount: BigInt(row.amount_usd_low || row.amount_usd_high || "0") }));

/** Counted capital per recipient (as spelled in the CSV) in one year, leaving out the rows `skip` picks. */
export function seedRecipientTotals(year: string, skip: (r: Record<string, string>) => boolean = () => false): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const { row, amount } of countedSeedRows) {
    if (!row.announced_on.startsWith(year) || skip(row)) continue;
    totals.set(row.recipient, (totals.get(row.recipient) ?? 0n) + amount);
  }
  return totals;
}
