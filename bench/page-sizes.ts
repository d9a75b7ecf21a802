// The largest pages: the bound is no page over 100 kB of HTML, and the load rows ask only their own few pages (the
// twenty most active organizations of each side), while an organization's page grows with what it has on both sides
// (a cloud provider receives rounds, makes commitments and closes loops). So every organization page of the most
// active organizations is asked once, with the bare pages beside them, and the largest answers are reported.
import type Database from "better-sqlite3";

export type PageSize = { url: string; bytes: number; status: number };

/** The pages most likely to be the largest: both pages of the `limit` most active organizations of each side. */
export function pageSizeUrls(db: Database.Database, limit: number): string[] {
  const top = (sql: string) => (db.prepare(sql).all(limit) as { slug: string }[]).map((r) => r.slug);
  const recipients = top(
    `SELECT o.slug FROM "Deal" d JOIN "Organization" o ON o.id = d."recipientId" GROUP BY o.id ORDER BY COUNT(*) DESC LIMIT ?`,
  );
  const investors = top(
    `SELECT o.slug FROM "Participation" p JOIN "Organization" o ON o.id = p."organizationId" GROUP BY o.id ORDER BY COUNT(*) DESC LIMIT ?`,
  );
  const bare = ["/", "/analysis", "/deals", "/changes", "/investors", "/companies", "/methodology"];
  const sections = ["top-shares", "flows", "circular-flows", "kinds", "loops", "network"].map((s) => `/analysis/${s}`);
  const organizations = [...new Set([...recipients, ...investors])].flatMap((slug) => [`/companies/${slug}`, `/investors/${slug}`]);
  return [...bare, ...sections, ...organizations];
}

/**
 * Each page once through `get` (the bench's one request, which reads the answer's bytes), two at a time (their views
 * are computed cold), largest first.
 */
export async function measurePageSizes(
  urls: string[],
  get: (url: string) => Promise<{ status: number; bytes: number }>,
): Promise<PageSize[]> {
  const sizes: PageSize[] = [];
  const queue = [...urls];
  await Promise.all(
    [0, 1].map(async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        const { status, bytes } = await get(url);
        sizes.push({ url, bytes, status });
      }
    }),
  );
  return sizes.sort((a, b) => b.bytes - a.bytes);
}

/** How many of the pages are over the bound of 100 kB (of 1,024 bytes, as the bench's other kB). */
export function overBound(sizes: PageSize[]): number {
  return sizes.filter((p) => p.bytes > 100 * 1024).length;
}
