// npm run import -- FILE [--dry-run] [--on-duplicate ...] [--duplicates ...] [--actor NAME]: the same import as /admin/import and POST /api/import.
import { readFileSync, statSync } from "node:fs";
import { importDealCsv, parseRowDuplicateChoices } from "../import/apply-deal-import";
import { DUPLICATE_CHOICES, formatDuplicate, type DuplicateChoice, type FlaggedRow } from "../import/find-duplicates";
import { checkImportSize, decodeUtf8 } from "../import/import-limits";
import { formatRowError } from "../import/parse-deal-csv";
import { openDatabase } from "../prisma-client";
import { fail, parseCommandLine } from "./args";
import { prepareDatabase } from "./prepare-db";

async function main() {
  const usage =
    "usage: npm run import -- FILE [--dry-run] [--on-duplicate fail|skip|create] [--duplicates ROW:CHOICE,...] [--actor NAME]\n  FILE            a deals CSV in the interchange format\n  --dry-run       check and report, write nothing\n  --on-duplicate  rows that look like a tracked deal or an earlier row: fail (default, nothing written), skip them, or create them anyway\n  --duplicates    a choice per flagged row over --on-duplicate, e.g. 2:skip,5:create,7:update:301 (update that tracked deal)\n  --actor         the name the revisions record (default cli:$USER)";
  const { positionals, values } = parseCommandLine({
    usage,
    options: { "dry-run": "boolean", "on-duplicate": "string", duplicates: "string", actor: "string" },
    positionals: 1,
  });
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
    const onDuplicate = values["on-duplicate"] ?? "fail";
    if (!(DUPLICATE_CHOICES as readonly string[]).includes(onDuplicate))
      fail(`--on-duplicate must be one of ${DUPLICATE_CHOICES.join(", ")}\n${usage}`);
    const rowChoices = parseRowDuplicateChoices(values.duplicates ? values.duplicates.split(",") : []);
    if ("error" in rowChoices) fail(`--duplicates: ${rowChoices.error}\n${usage}`);
    const result = await importDealCsv(db, text, {
      actor: values.actor ?? `cli:${process.env.USER ?? "operator"}`,
      dryRun,
      onDuplicate: onDuplicate as DuplicateChoice,
      rowChoices: rowChoices.choices,
    });
    const flags = (duplicates: FlaggedRow[]) => duplicates.map(formatDuplicate).join("\n");
    if (!result.ok && result.duplicates)
      fail(
        `nothing imported; ${result.duplicates.length} rows look like deals already tracked (--on-duplicate skip or create to go on):\n${flags(result.duplicates)}`,
      );
    if (!result.ok) fail(`nothing imported; ${result.errors.length} problems:\n${result.errors.map(formatRowError).join("\n")}`);
    if (result.duplicates.length > 0) console.log(`${result.duplicates.length} likely duplicates:\n${flags(result.duplicates)}`);
    const orgs = result.newOrganizations.length ? `; new organizations: ${result.newOrganizations.join(", ")}` : "";
    console.log(
      `${dryRun ? "dry run, nothing written: would create" : "created"} ${result.created} deals, ${dryRun ? "update" : "updated"} ${result.updated}${result.skipped ? `, ${dryRun ? "skip" : "skipped"} ${result.skipped}` : ""}${orgs}`,
    );
  } finally {
    await db.$disconnect();
  }
}

main();
