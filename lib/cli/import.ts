// npm run import -- FILE [--dry-run] [--actor NAME]: the same import as /admin/import and POST /api/import.
import { readFileSync, statSync } from "node:fs";
import { importDealCsv } from "../import/apply-deal-import";
import { checkImportSize, decodeUtf8 } from "../import/import-limits";
import { formatRowError } from "../import/parse-deal-csv";
import { openDatabase } from "../prisma-client";
import { fail, parseArgs } from "./args";
import { prepareDatabase } from "./prepare-db";

async function main() {
  const { positional, flags, options } = parseArgs(process.argv.slice(2));
  const file = positional[0];
  if (!file) fail("usage: npm run import -- FILE [--dry-run] [--actor NAME]");
  const tooBig = checkImportSize(statSync(file).size);
  if (tooBig) fail(tooBig);
  const text = decodeUtf8(readFileSync(file));
  if (text === null) fail(`${file} is not UTF-8 text`);
  await prepareDatabase({ seed: false, quiet: true });
  const db = await openDatabase();
  try {
    const dryRun = flags.has("dry-run");
    const result = await importDealCsv(db, text, { actor: options.actor ?? `cli:${process.env.USER ?? "operator"}`, dryRun });
    if (!result.ok) fail(`nothing imported; ${result.errors.length} problems:\n${result.errors.map(formatRowError).join("\n")}`);
    const orgs = result.newOrganizations.length ? `; new organizations: ${result.newOrganizations.join(", ")}` : "";
    console.log(`${dryRun ? "dry run, nothing written: would create" : "created"} ${result.created} deals, ${dryRun ? "update" : "updated"} ${result.updated}${orgs}`);
  } finally {
    await db.$disconnect();
  }
}

main();
