"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { beginLoginAttempt, finishLoginAttempt } from "../../auth/login-throttle";
import { verifyPasswordOrDummy } from "../../auth/password";
import { safeNextPath } from "../../auth/safe-next";
import { pruneAuthRecords } from "../../auth/prune";
import { startSession } from "../../auth/session";
import { clientAddress } from "../../client-address";
import { getDb } from "../../db";
import type { ActionState } from "../action-state";

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, { error: "Enter your email" }).max(200),
  password: z.string().min(1, { error: "Enter your password" }).max(200),
  next: z.string().optional(),
});

export async function signIn(_state: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  const email = typeof formData.get("email") === "string" ? String(formData.get("email")) : "";
  if (!parsed.success) return { status: "error", fieldErrors: z.flattenError(parsed.error).fieldErrors, values: { email } };

  const db = await getDb();
  const ip = clientAddress(await headers());
  await pruneAuthRecords(db);
  // Recorded before the password is checked (see login-throttle.ts), so concurrent attempts are counted too.
  const attempt = await beginLoginAttempt(db, ip, parsed.data.email);
  if (!attempt.allowed) {
    const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
    return {
      status: "error",
      httpStatus: 429,
      message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      values: { email },
    };
  }
  if (attempt.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, attempt.delayMs));

  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  const passwordMatches = await verifyPasswordOrDummy(user?.passwordHash ?? null, parsed.data.password);
  const ok = user !== null && user.disabledAt === null && passwordMatches;
  await finishLoginAttempt(db, attempt, ip, parsed.data.email, ok);
  if (!ok) return { status: "error", message: "The email or the password is wrong.", values: { email } };
  await startSession(user.id);
  redirect(safeNextPath(parsed.data.next));
}
