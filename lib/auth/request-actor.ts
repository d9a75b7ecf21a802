// Who is making an API request: a bearer token if one is sent (automation), otherwise the session cookie.
import "server-only";
import { getDb } from "../db";
import type { Actor, UserRole } from "./roles";
import { hashSecret } from "./secret-token";
import { getSessionActor } from "./session";

const LAST_USED_RESOLUTION_MS = 60_000;

export async function getRequestActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (!header) return getSessionActor();
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return null;
  const db = await getDb();
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(match[1]) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, role: true, disabledAt: true } } },
  });
  if (!token || token.revokedAt || token.user.disabledAt) return null;
  // The admin page shows it to the minute: writing it on every request would only add a write to each one.
  const now = new Date();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { id: token.user.id, email: token.user.email, role: token.user.role as UserRole, via: "token" };
}
