// npm run export -- [FILE] [--query "investor=amazon&kind=equity"]: the deals of any /deals view in the CSV
// interchange format, the same bytes as GET /api/deals/export.csv. Without FILE it writes to standard output.
import { writeFileSync } from "node:fs";
import { DEAL_CSV_ALL_COLUMNS } from "../csv/deal-csv-format";
import { toDealCsvRow } from "../csv/deal-csv-row";
import { toCsv } from "../csv/write-csv";
import { listDealsForCsv } from "../data/deal-export";
import { parseDealFilters } from "../filters/deal-filters";
import { fail, parseCommandLine } from "./args";
import { loadEnvFiles } from "./run";

async function main() {
  const { positionals, values } = parseCommandLine({
    usage:
      'usage: npm run export -- [FILE] [--query "investor=amazon&kind=equity"]\n  FILE     where to write the CSV (standard output without it)\n  --query  the /deals filters, as in its URL',
    options: { query: "string" },
    positionals: 1,
  });
  loadEnvFiles();
  const { filters, issues } = parseDealFilters(new URLSearchParams(values.query ?? ""));
  if (issues.length > 0) fail(issues.map((i) => `${i.param}: ${i.message}`).join("\n"));
  const deals = await listDealsForCsv(filters);
  const csv = toCsv(DEAL_CSV_ALL_COLUMNS, deals.map(toDealCsvRow));
  if (positionals[0]) {
    writeFileSync(positionals[0], csv);
    console.error(`wrote ${deals.length} deals to ${positionals[0]}`);
  } else process.stdout.write(csv);
  process.exit(0);
}

main().catch((error) => fail((error as Error).message));
