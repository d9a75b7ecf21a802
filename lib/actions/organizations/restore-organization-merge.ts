"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "../../auth/roles";
import { getSessionActor } from "../../auth/session";
import { getDb } from "../../db";
import { MergeError, restoreOrganizationMerge } from "../../organizations/merge-organizations";
import { authorizationFailure, type ActionState } from "../action-state";

/** Undoes a merge of two organizations from its revision: the merged one comes back with its deals and parties. */
export async function restoreOrganizationMergeAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  let actor;
  try {
    actor = requireRole(await getSessionActor(), "editor");
  } catch (error) {
    return authorizationFailure(error);
  }
  const revisionId = z.coerce.number().int().positive().safeParse(formData.get("revisionId"));
  if (!revisionId.success) return { status: "error", message: "The revision id is not valid." };
  const db = await getDb();
  let slug: string;
  try {
    slug = await db.$transaction((tx) => restoreOrganizationMerge(tx, revisionId.data, actor.email));
  } catch (error) {
    if (error instanceof MergeError) return { status: "error", message: error.message };
    throw error;
  }
  redirect(`/admin/organizations/merge?restored=${slug}`);
}
