// Case-insensitive substring match on both databases. SQLite's LIKE (what Prisma's `contains` becomes) ignores ASCII
// case already; PostgreSQL's LIKE does not, so there `contains` needs `mode: "insensitive"` (ILIKE), an option the
// SQLite client refuses. The app is typed against the SQLite client, hence the cast.
import type { Prisma } from "../generated/prisma/client";
import { databaseProvider, resolveDatabaseUrl } from "../db-url";

export function containsText(q: string): Prisma.StringFilter {
  if (databaseProvider(resolveDatabaseUrl()) === "postgresql") return { contains: q, mode: "insensitive" } as Prisma.StringFilter;
  return { contains: q };
}
