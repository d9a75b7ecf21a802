// The shipped seed CSV read on its own, so tests can compute expectations without the code under test.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

export type SeedRow = Record<string, string>;

export const seedRows = parse(readFileSync(path.join(process.cwd(), "prisma", "seed", "deals.csv"), "utf8"), { columns: true, bom: true }) as SeedRow[];

/** The names in a row's investors column, without the (lead)/(co-lead) role marks. */
export function investorNames(row: SeedRow): string[] {
  return row.investors
    .split(";")
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map((t) => t.replace(/\s*\((lead|co-lead)\)$/i, ""));
}

/** Rows that name this investor exactly (case-insensitive): "Amazon" matches Amazon, not "Amazon (AWS)". */
export function rowsWithInvestor(name: string): SeedRow[] {
  return seedRows.filter((r) => investorNames(r).some((n) => n.toLowerCase() === name.toLowerCase()));
}

/** Capital counted as DESIGN.md defines it, summed straight from the CSV. */
export function capitalOf(rows: SeedRow[]): { total: bigint; deals: number } {
  const counted = rows.filter((r) => ["equity", "convertible"].includes(r.kind) && ["announced", "closed"].includes(r.status));
  return { total: counted.reduce((sum, r) => sum + BigInt(r.amount_usd_low || r.amount_usd_high || "0"), 0n), deals: counted.length };
}
