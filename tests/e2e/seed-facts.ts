// Facts about the shipped seed, computed straight from its CSV so the browser tests check the page against the data.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

const rows = parse(readFileSync(path.join(process.cwd(), "prisma", "seed", "deals.csv"), "utf8"), { columns: true, bom: true }) as Record<string, string>[];

export const seedDealCount = rows.length;

export const seedCapitalCounted = rows
  .filter((r) => ["equity", "convertible"].includes(r.kind) && ["announced", "closed"].includes(r.status))
  .reduce((sum, r) => sum + BigInt(r.amount_usd_low || r.amount_usd_high || "0"), 0n);
