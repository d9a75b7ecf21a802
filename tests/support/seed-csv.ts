// The shipped seed CSV read with plain code, so tests can check the app's figures against the data independently of
// the measures: a row counts when it is equity or convertible, announced or closed, at its low amount (else its high
// one); a row's amount is split in equal parts among the parties listed, the odd dollars to the first ones.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

export type SeedRow = Record<string, string>;

export const seedRows = parse(readFileSync(path.join(process.cwd(), "prisma", "seed", "deals.csv"), "utf8"), {
  columns: true,
  bom: true,
}) as SeedRow[];

/** The names in a row's investors column, without the (lead)/(co-lead) role marks. */
export function investorNames(row: SeedRow): string[] {
  return row.investors
    .split(";")
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map((t) => t.replace(/\s*\((lead|co-lead)\)$/i, ""));
}

export function isCountedRow(row: SeedRow): boolean {
  return ["equity", "convertible"].includes(row.kind) && ["announced", "closed"].includes(row.status);
}

export function countedDollars(row: SeedRow): bigint {
  return BigInt(row.amount_usd_low || row.amount_usd_high || "0");
}

/** The named investor's equal part of a row's counted amount (0n when it is not in the row). */
export function equalPart(row: SeedRow, name: string): bigint {
  const names = investorNames(row);
  const index = names.indexOf(name);
  if (index < 0) return 0n;
  const amount = countedDollars(row);
  const n = BigInt(names.length);
  return amount / n + (BigInt(index) < amount % n ? 1n : 0n);
}

/** Counted capital attributed to the investor with this name across the seed. */
export function attributedInSeed(name: string, where: (row: SeedRow) => boolean = () => true): bigint {
  return seedRows.filter((r) => isCountedRow(r) && where(r)).reduce((sum, r) => sum + equalPart(r, name), 0n);
}

/** Rows that name this investor exactly (case-insensitive): "Amazon" matches Amazon, not "Amazon (AWS)". */
export function rowsWithInvestor(name: string): SeedRow[] {
  return seedRows.filter((r) => investorNames(r).some((n) => n.toLowerCase() === name.toLowerCase()));
}

/** Capital counted as docs/domain.md defines it, summed straight from the CSV. */
export function capitalOf(rows: SeedRow[]): { total: bigint; deals: number } {
  const counted = rows.filter(isCountedRow);
  return { total: counted.reduce((sum, r) => sum + countedDollars(r), 0n), deals: counted.length };
}

/** Per year, the recipients' HHI (shares in percent, squared and summed, rounded) and the largest recipient's share. */
export function recipientHhiByYear(): Map<string, { hhi: number; leader: string; share: string }> {
  const byYear = new Map<string, Map<string, bigint>>();
  for (const row of seedRows.filter(isCountedRow)) {
    const totals = byYear.get(row.announced_on.slice(0, 4)) ?? new Map<string, bigint>();
    totals.set(row.recipient, (totals.get(row.recipient) ?? 0n) + countedDollars(row));
    byYear.set(row.announced_on.slice(0, 4), totals);
  }
  const out = new Map<string, { hhi: number; leader: string; share: string }>();
  for (const [year, totals] of byYear) {
    const sum = [...totals.values()].reduce((a, b) => a + b, 0n);
    if (sum === 0n) continue;
    const shares = [...totals].map(([name, amount]) => [name, (Number(amount) / Number(sum)) * 100] as const).sort((a, b) => b[1] - a[1]);
    out.set(year, { hhi: Math.round(shares.reduce((h, [, s]) => h + s * s, 0)), leader: shares[0][0], share: shares[0][1].toFixed(1) });
  }
  return out;
}
