// npm run export -- [FILE] [--query "investor=amazon&kind=equity"]: the deals of any /deals view in the CSV
// interchange format, the same bytes as GET /api/deals/export.csv. Without FILE it writes to standard output.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { DEAL_CSV_ALL_COLUMNS } from "../csv/deal-csv-format";
import { csvLines } from "../csv/write-csv";
import { dealCsvBatches } from "../data/deal-export";
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
  // A batch at a time, as the API streams it: a million deals' rows and text at once took gigabytes.
  const file = positionals[0];
  const out = file ? createWriteStream(file) : process.stdout;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  let count = 0;
  await write(csvLines([DEAL_CSV_ALL_COLUMNS]));
  for await (const rows of dealCsvBatches(filters)) {
    await write(csvLines(rows));
    count += rows.length;
  }
  if (file) {
    await new Promise<void>((resolve) => out.end(() => resolve()));
    console.error(`wrote ${count} deals to ${file}`);
  }
  process.exit(0);
}

main().catch((error) => fail((error as Error).message));
