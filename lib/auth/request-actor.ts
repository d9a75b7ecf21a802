// Who is making an API request: a bearer token if one is sent (automation), otherwise the session cookie.
import "server-only";
import { getDb } from "../db";
import type { Actor, UserRole } from "./roles";
import { hashSecret } from "./secret-token";
import { getSessionActor } from "./session";

export async function getRequestActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (!header) return getSessionActor();
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return null;
  const db = await getDb();
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(match[1]) },
    select: { id: true, revokedAt: true, user: { select: { id: true, email: true, role: true, disabledAt: true } } },
  });
  if (!token || token.revokedAt || token.user.disabledAt) return null;
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return { id: token.user.id, email: token.user.email, role: token.user.role as UserRole, via: "token" };
}
