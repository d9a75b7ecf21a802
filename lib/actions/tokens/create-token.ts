"use server";

import { createApiToken, tokenNameSchema } from "../../auth/accounts";
import { requireRole } from "../../auth/roles";
import { getSessionActor } from "../../auth/session";
import { getDb } from "../../db";
import { authorizationFailure, type ActionState } from "../action-state";

/** A named API token for the signed-in editor, shown once. */
export async function createToken(_state: ActionState, formData: FormData): Promise<ActionState> {
  let actor;
  try {
    actor = requireRole(await getSessionActor(), "editor");
  } catch (error) {
    return authorizationFailure(error);
  }
  const name = tokenNameSchema.safeParse(formData.get("name") ?? "");
  if (!name.success) return { status: "error", fieldErrors: { name: name.error.issues.map((i) => i.message) } };
  const { token } = await createApiToken(await getDb(), actor.id, name.data);
  return { status: "ok", message: "Copy the token now: it is shown only once.", data: { token } };
}
