"use server";

import { redirect } from "next/navigation";
import { endSession } from "../../auth/session";

/** Ends the session on the server (the cookie alone would not be enough) and goes back to the public site. */
export async function signOut(): Promise<void> {
  await endSession();
  redirect("/");
}
