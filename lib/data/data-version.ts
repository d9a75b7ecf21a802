// The data version: the id of the newest Revision. Every write records a revision in its own transaction
// (lib/revisions.ts), so the version changes in the same commit as the data and every process sees it at once.
import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { readsOf } from "./kysely";

export async function readDataVersion(db: PrismaClient): Promise<string> {
  const row = await readsOf(db)
    .selectFrom("Revision")
    .select((eb) => eb.fn.max("id").as("v"))
    .executeTakeFirst();
  return String(row?.v ?? 0);
}
