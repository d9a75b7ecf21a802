// The data version: the id of the newest Revision. Every write records a revision in its own transaction
// (lib/revisions.ts), so the version changes in the same commit as the data and every process sees it at once.
import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

export async function readDataVersion(db: PrismaClient): Promise<string> {
  const rows = await db.$queryRaw<{ v: bigint | number | null }[]>`SELECT MAX("id") AS "v" FROM "Revision"`;
  return String(rows[0]?.v ?? 0);
}
