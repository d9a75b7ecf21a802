// An edit of one deal through the API (PATCH /api/deals/{id}): the fields sent replace the stored ones, the rest are
// kept, and the whole deal is validated exactly as the editor's form validates it, then written by the one deal
// writer (version check, lifecycle event, revision).
import type { FieldErrors } from "../actions/action-state";
import { DEAL_CSV_ALL_COLUMNS } from "../csv/deal-csv-format";
import type { PrismaClient } from "../generated/prisma/client";
import { loadDirectory } from "../import/apply-deal-import";
import { parseDealForm } from "./deal-form";
import { dealToFormValues, EDITABLE_DEAL_SELECT } from "./deal-form-values";
import { changesStatusOrAmount, DealConflictError, DealNotFoundError, updateDeal } from "./write-deal";

/** What a PATCH body may hold: the CSV columns, the lifecycle change's date and note, and the version edited. */
export const PATCHABLE_FIELDS: readonly string[] = [...DEAL_CSV_ALL_COLUMNS, "change_date", "change_note"];

export type PatchDealResult =
  | { status: 200; body: { id: number; version: number } }
  | { status: 400; body: { error: string; fields: FieldErrors } }
  | { status: 404; body: { error: string; message: string } }
  | { status: 409; body: { error: string; message: string; currentVersion: number } };

function invalid(fields: FieldErrors): PatchDealResult {
  return { status: 400, body: { error: "invalid fields; nothing was written", fields } };
}

function conflict(id: number, currentVersion: number, expected: number): PatchDealResult {
  return {
    status: 409,
    body: {
      error: "conflict",
      message: `deal ${id} is at version ${currentVersion}, not ${expected}: someone saved it since you read it; nothing was written`,
      currentVersion,
    },
  };
}

/** The version the client edited: `version` in the body, or an If-Match header (`"3"`, `W/"3"` or `3`). */
function expectedVersion(body: Record<string, unknown>, ifMatch: string | null): number | string {
  const raw =
    body.version ??
    ifMatch
      ?.trim()
      .replace(/^W\//, "")
      .replace(/^"(.*)"$/, "$1");
  if (raw === undefined || raw === null || raw === "") return "send the version you edited, as `version` in the body or an If-Match header";
  const value = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(value) && value > 0 ? value : "version must be a positive whole number";
}

export async function patchDeal(
  db: PrismaClient,
  id: number,
  body: unknown,
  ifMatch: string | null,
  actor: string,
): Promise<PatchDealResult> {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    return invalid({ body: ["the body must be a JSON object of fields"] });
  const input = body as Record<string, unknown>;
  const errors: FieldErrors = {};
  const given: Record<string, string> = {};
  for (const [field, value] of Object.entries(input)) {
    if (field === "version") continue;
    if (!PATCHABLE_FIELDS.includes(field)) errors[field] = [`unknown field; the fields are ${PATCHABLE_FIELDS.join(", ")}, and version`];
    else if (value === null) given[field] = "";
    else if (typeof value === "string") given[field] = value;
    else if (typeof value === "number" && Number.isFinite(value)) given[field] = String(value);
    else errors[field] = ["must be a string, a number or null"];
  }
  const version = expectedVersion(input, ifMatch);
  if (typeof version === "string") errors.version = [version];
  if (Object.keys(errors).length > 0) return invalid(errors);
  const expected = version as number;

  const stored = await db.deal.findFirst({ where: { id, deletedAt: null }, select: EDITABLE_DEAL_SELECT });
  if (!stored) return { status: 404, body: { error: "not found", message: `no deal with id ${id}` } };
  if (stored.version !== expected) return conflict(id, stored.version, expected);

  const values = { ...dealToFormValues(stored), ...given };
  const parsed = parseDealForm(values, await loadDirectory(db), (deal) => changesStatusOrAmount(stored, deal));
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  try {
    const newVersion = await db.$transaction(async (tx) => {
      await updateDeal(tx, id, parsed.deal, { actor, expectedVersion: expected, change: parsed.change ?? undefined });
      return (await tx.deal.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    });
    return { status: 200, body: { id, version: newVersion } };
  } catch (error) {
    if (error instanceof DealConflictError) return conflict(id, error.current.version, expected);
    if (error instanceof DealNotFoundError) return { status: 404, body: { error: "not found", message: error.message } };
    throw error;
  }
}
