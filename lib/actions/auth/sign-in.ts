"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { checkLoginThrottle, clearLoginFailures, recordLoginFailure } from "../../auth/login-throttle";
import { verifyPassword } from "../../auth/password";
import { pruneAuthRecords } from "../../auth/prune";
import { startSession } from "../../auth/session";
import { getDb } from "../../db";
import type { ActionState } from "../action-state";

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, { error: "Enter your email" }).max(200),
  password: z.string().min(1, { error: "Enter your password" }).max(200),
  next: z.string().optional(),
});

/** Only same-site paths are followed after signing in, never another origin. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/admin";
}

async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "direct";
}

export async function signIn(_state: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  const email = typeof formData.get("email") === "string" ? String(formData.get("email")) : "";
  if (!parsed.success) return { status: "error", fieldErrors: z.flattenError(parsed.error).fieldErrors, values: { email } };

  const db = await getDb();
  const ip = await clientAddress();
  await pruneAuthRecords(db);
  const verdict = await checkLoginThrottle(db, ip, parsed.data.email);
  if (!verdict.allowed) {
    const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
    return { status: "error", httpStatus: 429, message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, values: { email } };
  }
  if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));

  const user = await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true, passwordHash: true, disabledAt: true } });
  const ok = user !== null && user.disabledAt === null && (await verifyPassword(user.passwordHash, parsed.data.password));
  if (!ok) {
    await recordLoginFailure(db, ip, parsed.data.email);
    return { status: "error", message: "The email or the password is wrong.", values: { email } };
  }
  await clearLoginFailures(db, parsed.data.email);
  await startSession(user.id);
  redirect(safeNext(parsed.data.next));
}
