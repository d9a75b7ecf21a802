"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "../../auth/roles";
import { getSessionActor } from "../../auth/session";
import { getDb } from "../../db";
import { restoreDealRevision, RestoreError } from "../../deals/restore-deal";
import { authorizationFailure, type ActionState } from "../action-state";

export async function restoreDealRevisionAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  let actor;
  try {
    actor = requireRole(await getSessionActor(), "editor");
  } catch (error) {
    return authorizationFailure(error);
  }
  const revisionId = z.coerce.number().int().positive().safeParse(formData.get("revisionId"));
  if (!revisionId.success) return { status: "error", message: "The revision id is not valid." };
  const db = await getDb();
  let dealId: number;
  try {
    dealId = await db.$transaction((tx) => restoreDealRevision(tx, revisionId.data, actor.email));
  } catch (error) {
    if (error instanceof RestoreError) return { status: "error", message: error.message };
    throw error;
  }
  redirect(`/deals/${dealId}/history?restored=${revisionId.data}`);
}
