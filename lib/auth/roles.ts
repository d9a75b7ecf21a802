// Who may do what: visitors read; editors write deals, organizations, sources and events; admins also manage users.
export const USER_ROLES = ["editor", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export type Actor = { id: number; email: string; role: UserRole; via: "session" | "token" };

export class AuthorizationError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

const RANK: Record<UserRole, number> = { editor: 1, admin: 2 };

/** The one authorization check: every mutation calls it with the actor it resolved itself. */
export function requireRole(actor: Actor | null, role: UserRole): Actor {
  if (!actor) throw new AuthorizationError(401, "Sign in to do this.");
  if (RANK[actor.role] < RANK[role]) throw new AuthorizationError(403, `This needs the ${role} role.`);
  return actor;
}
