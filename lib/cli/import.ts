// npm run import -- FILE [--dry-run] [--actor NAME]: the same import as /admin/import and POST /api/import.
import { readFileSync, statSync } from "node:fs";
import { importDealCsv } from "../import/apply-deal-import";
import { checkImportSize, decodeUtf8 } from "../import/import-limits";
import { formatRowError } from "../import/parse-deal-csv";
import { openDatabase } from "../prisma-client";
import { fail, parseCommandLine } from "./args";
import { prepareDatabase } from "./prepare-db";

async function main() {
  const usage =
    "usage: npm run import -- FILE [--dry-run] [--actor NAME]\n  FILE       a deals CSV in the interchange format\n  --dry-run  check and report, write nothing\n  --actor    the name the revisions record (default cli:$USER)";
  const { positionals, values } = parseCommandLine({ usage, options: { "dry-run": "boolean", actor: "string" }, positionals: 1 });
  const file = positionals[0];
  if (!file) fail(usage);
  const tooBig = checkImportSize(statSync(file).size);
  if (tooBig) fail(tooBig);
  const text = decodeUtf8(readFileSync(file));
  if (text === null) fail(`${file} is not UTF-8 text`);
  await prepareDatabase({ seed: false, quiet: true });
  const db = await openDatabase();
  try {
    const dryRun = values["dry-run"] === true;
    const result = await importDealCsv(db, text, { actor: values.actor ?? `cli:${process.env.USER ?? "operator"}`, dryRun });
    if (!result.ok) fail(`nothing imported; ${result.errors.length} problems:\n${result.errors.map(formatRowError).join("\n")}`);
    const orgs = result.newOrganizations.length ? `; new organizations: ${result.newOrganizations.join(", ")}` : "";
    console.log(
      `${dryRun ? "dry run, nothing written: would create" : "created"} ${result.created} deals, ${dryRun ? "update" : "updated"} ${result.updated}${orgs}`,
    );
  } finally {
    await db.$disconnect();
  }
}

main();
