import "server-only";
import { getRequestActor } from "@/lib/auth/request-actor";
import { AuthorizationError, requireRole, type Actor, type UserRole } from "@/lib/auth/roles";
import { checkOrigin } from "@/lib/auth/same-origin";

/**
 * The first step of every mutating route handler: the caller (session or API token) must hold `role`, and a request
 * signed in by cookie must come from this site. Returns the actor, or the 401/403 answer to send (nothing written).
 */
export async function authorizeApiWrite(request: Request, role: UserRole): Promise<{ actor: Actor } | { refusal: Response }> {
  let actor: Actor;
  try {
    actor = requireRole(await getRequestActor(request), role);
  } catch (error) {
    if (error instanceof AuthorizationError) return { refusal: Response.json({ error: error.message }, { status: error.status }) };
    throw error;
  }
  const originProblem = checkOrigin(request, actor.via);
  if (originProblem) return { refusal: Response.json({ error: originProblem }, { status: 403 }) };
  return { actor };
}
