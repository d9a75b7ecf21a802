// A deals CSV of N synthetic rows in the interchange format, naming seed organizations: what the crash suite kills
// an import of and what `npm run bench` times an import of. Each run's rows carry its name in the round and summary,
// so a test can count them.
import { DEAL_CSV_COLUMNS } from "../csv/deal-csv-format";

/**
 * `newOrganizations`: every tenth row also names one of that many funds the database does not know yet. `compact`: rows
 * without round, summary and source, so that 100,000 of them fit in one import's 10 MB.
 */
export function syntheticImportCsv(run: string, rows: number, options: { newOrganizations?: number; compact?: boolean } = {}): string {
  const newOrganizations = options.newOrganizations ?? 0;
  const lines = [DEAL_CSV_COLUMNS.join(",")];
  for (let i = 0; i < rows; i++) {
    const investors = i % 3 === 0 ? "Amazon (lead); Google" : "Nvidia";
    const cells: Record<string, string> = {
      announced_on: `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
      investors:
        newOrganizations > 0 && i % 10 === 0 ? `${investors}; Synthetic Fund ${run}-${Math.floor(i / 10) % newOrganizations}` : investors,
      recipient: i % 2 === 0 ? "Anthropic" : "Mistral AI",
      kind: "equity",
      status: "announced",
      round: `Crash test ${run}`,
      amount_usd_low: String(1_000_000 + i),
      amount_usd_high: String(1_000_000 + i),
      amount_qualifier: "exact",
      original_currency: "USD",
      summary: `crash ${run} row ${i}`,
      source_url: `https://example.com/crash/${run}/${i}`,
      source_publisher: "Reliability test",
      source_date: "2025-06-01",
    };
    if (options.compact) for (const column of ["round", "summary", "source_url", "source_publisher", "source_date"]) delete cells[column];
    lines.push(DEAL_CSV_COLUMNS.map((c) => cells[c] ?? "").join(","));
  }
  return lines.join("\n") + "\n";
}
