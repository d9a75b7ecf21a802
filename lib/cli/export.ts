// npm run export -- [FILE] [--query "investor=amazon&kind=equity"]: the deals of any /deals view in the CSV
// interchange format, the same bytes as GET /api/deals/export.csv. Without FILE it writes to standard output.
import { writeFileSync } from "node:fs";
import { DEAL_CSV_COLUMNS } from "../csv/deal-csv-format";
import { toDealCsvRow } from "../csv/deal-csv-row";
import { toCsv } from "../csv/write-csv";
import { listDealsForCsv } from "../data/deal-export";
import { parseDealFilters } from "../filters/deal-filters";
import { fail, parseArgs } from "./args";
import { loadEnvFiles } from "./run";

async function main() {
  loadEnvFiles();
  const { positional, options } = parseArgs(process.argv.slice(2));
  const { filters, issues } = parseDealFilters(new URLSearchParams(options.query ?? ""));
  if (issues.length > 0) fail(issues.map((i) => `${i.param}: ${i.message}`).join("\n"));
  const deals = await listDealsForCsv(filters);
  const csv = toCsv(DEAL_CSV_COLUMNS, deals.map(toDealCsvRow));
  if (positional[0]) {
    writeFileSync(positional[0], csv);
    console.error(`wrote ${deals.length} deals to ${positional[0]}`);
  } else process.stdout.write(csv);
  process.exit(0);
}

main().catch((error) => fail((error as Error).message));
