// The largest pages: the bound is no page over 100 kB of HTML, and the load rows ask only their own few pages (the
// twenty most active organizations of each side), while an organization's page grows with what it has on both sides
// (a cloud provider receives rounds, makes commitments and closes loops). So every organization page of the most
// active organizations is asked once, with the bare pages beside them, and the largest answers are reported.
import http from "node:http";
import type Database from "better-sqlite3";

export type PageSize = { url: string; kb: number; status: number };

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

function size(origin: string, url: string, headers: () => Record<string, string>): Promise<PageSize> {
  return new Promise((resolve, reject) => {
    const req = http.get(origin + url, { headers: headers() }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ url, kb: Math.round((bytes / 1024) * 10) / 10, status: res.statusCode ?? 0 }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** Each page once, two at a time (their views are computed cold), largest first. */
export async function measurePageSizes(origin: string, urls: string[], headers: () => Record<string, string>): Promise<PageSize[]> {
  const sizes: PageSize[] = [];
  const queue = [...urls];
  await Promise.all(
    [0, 1].map(async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) sizes.push(await size(origin, url, headers));
    }),
  );
  return sizes.sort((a, b) => b.kb - a.kb);
}
