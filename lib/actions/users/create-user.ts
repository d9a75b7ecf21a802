"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createUser, newUserSchema } from "../../auth/accounts";
import { requireRole } from "../../auth/roles";
import { getSessionActor } from "../../auth/session";
import { getDb } from "../../db";
import { authorizationFailure, formValues, type ActionState, type FieldErrors } from "../action-state";

/** Admins only: adds an editor or an admin. */
export async function createUserAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    requireRole(await getSessionActor(), "admin");
  } catch (error) {
    return authorizationFailure(error);
  }
  const values = formValues(formData);
  delete values.password; // never echoed back to the form
  const parsed = newUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors, values };
  const db = await getDb();
  if (await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true } })) {
    return { status: "error", fieldErrors: { email: ["a user with this email exists"] }, values };
  }
  const user = await createUser(db, parsed.data);
  revalidatePath("/admin/users");
  return { status: "ok", message: `Created ${user.role} ${user.email}.` };
}
