"use server";

import { redirect } from "next/navigation";
import { requireRole } from "../../auth/roles";
import { getSessionActor } from "../../auth/session";
import { getDb } from "../../db";
import { readsOf } from "../../data/kysely";
import { dealIdSchema, parseDealForm, versionSchema } from "../../deals/deal-form";
import { dealToFormValues, EDITABLE_DEAL_SELECT } from "../../deals/deal-form-values";
import { changesStatusOrAmount, createDeal, DealConflictError, DealNotFoundError, updateDeal } from "../../deals/write-deal";
import { loadDirectory } from "../../import/apply-deal-import";
import { describeDuplicate, findDuplicates, type DuplicateCandidate } from "../../import/find-duplicates";
import { authorizationFailure, formValues, type ActionState } from "../action-state";

/** Creates a deal, or updates the one named by `id` if nobody saved it since `version` was loaded. */
export async function saveDeal(_state: ActionState, formData: FormData): Promise<ActionState> {
  let actor;
  try {
    actor = requireRole(await getSessionActor(), "editor");
  } catch (error) {
    return authorizationFailure(error);
  }
  const values = formValues(formData);
  const db = await getDb();
  const idField = values.id ?? "";
  const id = idField === "" ? null : (dealIdSchema.safeParse(idField).data ?? NaN);
  if (Number.isNaN(id)) return { status: "error", message: "The deal id is not valid.", values };

  const before =
    id === null
      ? null
      : await db.deal.findFirst({
          where: { id, deletedAt: null },
          select: { status: true, amountUsdLow: true, amountUsdHigh: true, amountQualifier: true },
        });
  if (id !== null && !before) return { status: "error", message: `There is no deal ${id}; it may have been deleted.`, values };

  const directory = await loadDirectory(db);
  const parsed = parseDealForm(values, directory, (deal) => before !== null && changesStatusOrAmount(before, deal));
  if (!parsed.ok) return { status: "error", message: "Some fields need attention.", fieldErrors: parsed.fieldErrors, values };

  let savedId: number;
  try {
    if (id === null) {
      // The check runs here, as the write begins (reading the committed deals), whatever the form showed: a likely duplicate is created
      // only when the editor has seen it and ticked "create anyway" (the field `create_anyway`).
      const acknowledged = values.create_anyway === "1";
      savedId = await db.$transaction(async (tx) => {
        if (!acknowledged) {
          const [flag] = await findDuplicates(readsOf(db), [parsed.deal], (orgId) => directory.nameOf(orgId) ?? `organization ${orgId}`);
          if (flag) throw new LikelyDuplicateError(describeDuplicate(flag).candidates);
        }
        return createDeal(tx, parsed.deal, actor.email);
      });
    } else {
      const version = versionSchema.safeParse(values.version);
      if (!version.success) return { status: "error", message: "The form is missing the deal's version; reload it.", values };
      await db.$transaction((tx) =>
        updateDeal(tx, id, parsed.deal, { actor: actor.email, expectedVersion: version.data, change: parsed.change ?? undefined }),
      );
      savedId = id;
    }
  } catch (error) {
    if (error instanceof DealConflictError) {
      const current = await db.deal.findUniqueOrThrow({
        where: { id: error.current.id },
        select: EDITABLE_DEAL_SELECT,
      });
      return {
        status: "conflict",
        message: `Someone else saved this deal while you were editing it (now version ${current.version}). Nothing was overwritten. Compare both versions below; save again to replace theirs with yours.`,
        values: { ...values, version: String(current.version) },
        theirs: dealToFormValues(current),
        currentVersion: current.version,
      };
    }
    if (error instanceof LikelyDuplicateError) {
      const data: DuplicateFormData = { duplicates: error.candidates };
      return {
        status: "error",
        message:
          "This looks like a deal already recorded (listed below). Open it to update it instead, or tick “Create anyway” and save again.",
        values,
        data,
      };
    }
    if (error instanceof DealNotFoundError) return { status: "error", message: error.message, values };
    throw error;
  }
  redirect(`/admin/deals/${savedId}?saved=1`);
}

/** What the new-deal form shows when the save is refused as a likely duplicate: the live deals it looks like, and why. */
export type DuplicateFormData = { duplicates: DuplicateCandidate[] };

class LikelyDuplicateError extends Error {
  constructor(readonly candidates: DuplicateCandidate[]) {
    super("likely duplicate");
  }
}
