"use server";

import { requireRole } from "../../auth/roles";
import { getSessionActor } from "../../auth/session";
import { getDb } from "../../db";
import { formatNumber } from "../../format";
import { importDealCsv, parseRowDuplicateChoice, type RowDuplicateChoice } from "../../import/apply-deal-import";
import { DUPLICATE_CHOICES, type DuplicateChoice } from "../../import/find-duplicates";
import { checkImportSize, decodeUtf8 } from "../../import/import-limits";
import { toImportPreview } from "../../import/import-preview";
import { authorizationFailure, type ActionState } from "../action-state";

/**
 * Step 1 (`intent=preview`, a file): a dry run that writes nothing and returns the preview with the file's text.
 * Step 2 (`intent=apply`, the text from step 1): applies every row or none; `onDuplicate` (fail, skip, create) says
 * what to do with the rows the preview flagged as likely duplicates, and `duplicate_<row>` (skip, create,
 * update:<deal id>) overrides it for one row.
 */
export async function importDeals(_state: ActionState, formData: FormData): Promise<ActionState> {
  let actor;
  try {
    actor = requireRole(await getSessionActor(), "editor");
  } catch (error) {
    return authorizationFailure(error);
  }
  const intent = formData.get("intent") === "apply" ? "apply" : "preview";
  let text: string | null;
  if (intent === "preview") {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { status: "error", fieldErrors: { file: ["choose a CSV file to import"] } };
    const tooBig = checkImportSize(file.size);
    if (tooBig) return { status: "error", fieldErrors: { file: [tooBig] } };
    text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
    if (text === null)
      return { status: "error", fieldErrors: { file: ["the file is not UTF-8 text; save it as CSV UTF-8 and try again"] } };
  } else {
    const csv = formData.get("csv");
    text = typeof csv === "string" ? csv : null;
    if (!text) return { status: "error", message: "Nothing to apply: upload the file again." };
    const tooBig = checkImportSize(Buffer.byteLength(text));
    if (tooBig) return { status: "error", message: tooBig };
  }
  const choice = formData.get("onDuplicate");
  const onDuplicate: DuplicateChoice = DUPLICATE_CHOICES.find((c) => c === choice) ?? "fail";
  const rowChoices = new Map<number, RowDuplicateChoice>();
  for (const [key, value] of formData.entries()) {
    const row = /^duplicate_(\d+)$/.exec(key);
    if (!row || typeof value !== "string" || value === "") continue;
    const parsed = parseRowDuplicateChoice(value);
    if (!parsed)
      return { status: "error", message: `Line ${row[1]}: "${value}" is not a choice for a duplicate (skip, create, update:<deal id>).` };
    rowChoices.set(Number(row[1]), parsed);
  }
  const db = await getDb();
  const result = await importDealCsv(db, text, { actor: actor.email, dryRun: intent === "preview", onDuplicate, rowChoices });
  const preview = toImportPreview(result);
  if (!preview.ok && preview.duplicates)
    return {
      status: "error",
      message: `Nothing was imported: ${formatNumber(preview.duplicateCount ?? 0)} rows look like deals already tracked. Choose to skip them or create them anyway.`,
      data: { preview, csv: text },
    };
  if (!preview.ok)
    return {
      status: "error",
      message: `Nothing was imported: ${preview.errors.length} problem${preview.errors.length === 1 ? "" : "s"} to fix first.`,
      data: { preview },
    };
  if (intent === "preview") return { status: "ok", message: "Dry run: nothing has been written yet.", data: { preview, csv: text } };
  return {
    status: "ok",
    message: `Imported: ${preview.create} deals created, ${preview.update} updated${preview.skip ? `, ${preview.skip} skipped as duplicates` : ""}${preview.newOrganizations.length ? `, ${preview.newOrganizations.length} organizations created` : ""}.`,
    data: { applied: true, preview },
  };
}
