// Browser sessions: an opaque random token in an HttpOnly, SameSite=Lax cookie; the server keeps its hash, so
// signing out (or an admin) ends a session for good.
import "server-only";
import { cookies, headers } from "next/headers";
import { isHttpsRequest } from "../client-address";
import { getDb } from "../db";
import type { Actor, UserRole } from "./roles";
import { generateSecret, hashSecret } from "./secret-token";

export const SESSION_COOKIE = "dt_session";
const SESSION_DAYS = 14;

/** Secure whenever the site is served over HTTPS, directly or through a trusted proxy (lib/client-address.ts). */
async function isHttps(): Promise<boolean> {
  return isHttpsRequest(await headers());
}

export async function startSession(userId: number): Promise<void> {
  const db = await getDb();
  const token = generateSecret("s");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.session.create({ data: { id: hashSecret(token), userId, expiresAt } });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    expires: expiresAt,
  });
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) {
    const db = await getDb();
    await db.session.deleteMany({ where: { id: hashSecret(token) } });
  }
  jar.delete(SESSION_COOKIE);
}

/** The signed-in user of this request, from the session cookie; null for visitors and expired sessions. */
export async function getSessionActor(): Promise<Actor | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const db = await getDb();
  const session = await db.session.findUnique({
    where: { id: hashSecret(token) },
    select: { expiresAt: true, user: { select: { id: true, email: true, role: true, disabledAt: true } } },
  });
  if (!session || session.expiresAt < new Date() || session.user.disabledAt) return null;
  return { id: session.user.id, email: session.user.email, role: session.user.role as UserRole, via: "session" };
}
