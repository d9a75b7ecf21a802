// Facts about the shipped seed, computed straight from its CSV so the browser tests check the page against the data.
import { capitalOf, countedDollars, isCountedRow, seedRows, type SeedRow } from "../support/seed-csv";

export const seedDealCount = seedRows.length;

export const seedCapitalCounted = capitalOf(seedRows).total;

/** The rows counted as capital by default (equity and convertible, announced or closed), with their counted amount. */
export const countedSeedRows: { row: SeedRow; amount: bigint }[] = seedRows
  .filter(isCountedRow)
  .map((row) => ({ row, amount: countedDollars(row) }));

/** Counted capital per recipient (as spelled in the CSV) in one year, leaving out the rows `skip` picks. */
export function seedRecipientTotals(year: string, skip: (r: SeedRow) => boolean = () => false): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const { row, amount } of countedSeedRows) {
    if (!row.announced_on.startsWith(year) || skip(row)) continue;
    totals.set(row.recipient, (totals.get(row.recipient) ?? 0n) + amount);
  }
  return totals;
}
