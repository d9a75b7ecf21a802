"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "../../auth/roles";
import { getSessionActor } from "../../auth/session";
import { getDb } from "../../db";
import { authorizationFailure, type ActionState } from "../action-state";

/** Editors revoke their own tokens; admins anyone's. */
export async function revokeToken(_state: ActionState, formData: FormData): Promise<ActionState> {
  let actor;
  try {
    actor = requireRole(await getSessionActor(), "editor");
  } catch (error) {
    return authorizationFailure(error);
  }
  const id = z.coerce.number().int().positive().safeParse(formData.get("id"));
  if (!id.success) return { status: "error", message: "The token id is not valid." };
  const db = await getDb();
  const revoked = await db.apiToken.updateMany({
    where: { id: id.data, revokedAt: null, ...(actor.role === "admin" ? {} : { userId: actor.id }) },
    data: { revokedAt: new Date() },
  });
  if (revoked.count === 0) return { status: "error", httpStatus: 404, message: "No such active token of yours." };
  revalidatePath("/admin/tokens");
  return { status: "ok", message: "Token revoked." };
}
