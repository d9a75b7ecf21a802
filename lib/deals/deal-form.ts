// The editor's deal form: its fields are the CSV columns, so the form and the importer validate a deal the same way.
import { z } from "zod";
import { DEAL_CSV_ALL_COLUMNS, type DealCsvColumn } from "../csv/deal-csv-format";
import { isHttpUrl } from "../http-url";
import type { FieldErrors } from "../actions/action-state";
import { planDealImport, type PlannedDeal } from "../import/plan-deal-import";
import { dealCsvRowSchema } from "../csv/deal-csv-format";
import type { OrganizationDirectory } from "../organizations/directory";
import { isIsoDate } from "../validation";
import type { DealChange } from "./write-deal";

export type DealFormResult = { ok: true; deal: PlannedDeal; change: DealChange | null } | { ok: false; fieldErrors: FieldErrors };

function addError(errors: FieldErrors, field: string, message: string) {
  (errors[field] ??= []).push(message);
}

/**
 * Validates the submitted fields. `lifecycleChanged` says whether, compared with the stored deal, the status or
 * amount changes: then the change's date and a source are required, because such a change is a lifecycle event.
 * Any other edit of a reported term (round, valuation, summary...) is recorded as an event too (lib/deals/write-deal.ts);
 * its date is optional (a correction need not have one) but used when given.
 */
export function parseDealForm(
  values: Record<string, string>,
  directory: OrganizationDirectory,
  lifecycleChanged: (deal: PlannedDeal) => boolean,
): DealFormResult {
  const raw = Object.fromEntries(DEAL_CSV_ALL_COLUMNS.map((c: DealCsvColumn) => [c, values[c] ?? ""]));
  const fieldErrors: FieldErrors = {};
  const parsed = dealCsvRowSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) addError(fieldErrors, String(issue.path[0] ?? "form"), issue.message);
    return { ok: false, fieldErrors };
  }
  if (parsed.data.investors === "") addError(fieldErrors, "investors", 'name at least one investor ("Undisclosed" if none was reported)');
  const plan = planDealImport({ hasIdColumn: false, rows: [{ row: 1, data: parsed.data }], errors: [] }, directory);
  for (const error of plan.errors) addError(fieldErrors, error.field ?? "form", error.message);
  if (Object.keys(fieldErrors).length > 0 || plan.deals.length !== 1) return { ok: false, fieldErrors };

  const deal = plan.deals[0];
  const changeDate = (values.change_date ?? "").trim();
  const note = (values.change_note ?? "").trim();
  if (!lifecycleChanged(deal)) {
    if (changeDate === "") return { ok: true, deal, change: null };
    if (!isIsoDate(changeDate)) addError(fieldErrors, "change_date", "the date of the change must be a date (YYYY-MM-DD)");
    if (note.length > 1000) addError(fieldErrors, "change_note", "the note is longer than 1,000 characters");
    if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
    return { ok: true, deal, change: { occurredOn: changeDate, note, source: null } };
  }

  if (!isIsoDate(changeDate))
    addError(fieldErrors, "change_date", "a change of status or amount needs the date it was reported (YYYY-MM-DD)");
  if (!deal.source?.url || !isHttpUrl(deal.source.url))
    addError(fieldErrors, "source_url", "a change of status or amount needs the URL of the report");
  if (note.length > 1000) addError(fieldErrors, "change_note", "the note is longer than 1,000 characters");
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return {
    ok: true,
    deal,
    change: {
      occurredOn: changeDate,
      note,
      source: { url: deal.source!.url as string, publisher: deal.source!.publisher, publishedOn: deal.source!.publishedOn },
    },
  };
}

export const dealIdSchema = z.coerce.number().int().positive();
export const versionSchema = z.coerce.number().int().positive();
