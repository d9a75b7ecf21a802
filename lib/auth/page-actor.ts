// For editors' pages: the signed-in actor, or a redirect to the sign-in page that comes back here afterwards.
import "server-only";
import { redirect } from "next/navigation";
import type { Actor } from "./roles";
import { getSessionActor } from "./session";

export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return actor;
}
