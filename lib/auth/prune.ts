// Sessions past their expiry and sign-in failures past the throttle's window are never read again (getSessionActor
// refuses an expired session; checkLoginThrottle counts only the window), so they are deleted rather than kept
// forever. Sign-in calls this on every attempt, which bounds both tables by the traffic of the last 14 days.
import type { PrismaClient } from "../generated/prisma/client";
import { THROTTLE_WINDOW_MS } from "./login-throttle";

export async function pruneAuthRecords(db: PrismaClient, now = new Date()): Promise<{ sessions: number; loginAttempts: number }> {
  // Two independent single-statement deletes, not one transaction: a burst of sign-ins (a hundred at once on one
  // account) would otherwise queue for the pool's transaction slots and fail on their wait limit, and the two deletes
  // need no common snapshot (each removes only rows no one reads again).
  const sessions = await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  const loginAttempts = await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } });
  return { sessions: sessions.count, loginAttempts: loginAttempts.count };
}
