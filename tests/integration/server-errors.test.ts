// Issue 7: an unexpected failure never shows a stack trace or SQL to the user; the server logs it with the request
// id that the answer quotes. The database is broken for real (a table renamed away) under real route handlers.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDatabase } from "@/lib/seed/seed-database";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as { dealTrackerDb?: Promise<unknown> }).dealTrackerDb = Promise.resolve(t.db);
  await seedDatabase(t.db);
  await t.db.$executeRawUnsafe('ALTER TABLE "Deal" RENAME TO "Deal_gone"');
  // The whole market's count and figures read the cells the writers keep, not the deals: gone too.
  await t.db.$executeRawUnsafe('ALTER TABLE "PeriodCell" RENAME TO "PeriodCell_gone"');
});
afterAll(async () => t?.dispose());

const INTERNALS = [/\bat\s+\S+\s*\(/, /SELECT|FROM\s|no such table|Deal_gone|PeriodCell|sqlite/i, /prisma/i, /node_modules|\.ts\b|\.js\b/];

describe("a route handler whose database fails", () => {
  const routes: [string, () => Promise<(request: Request, context: never) => Promise<Response>>, string][] = [
    ["GET /api/deals", async () => (await import("@/app/api/deals/route")).GET, "http://localhost/api/deals?investor=amazon"],
    ["GET /api/stats/summary", async () => (await import("@/app/api/stats/summary/route")).GET, "http://localhost/api/stats/summary"],
    [
      "GET /api/deals/export.csv",
      async () => (await import("@/app/api/deals/export.csv/route")).GET,
      "http://localhost/api/deals/export.csv",
    ],
  ];

  for (const [name, load, url] of routes) {
    it(`${name}: answers 500 with only a reference, and logs the stack with that reference`, async () => {
      const logged: string[] = [];
      const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
      const handler = await load();
      const requestId = `req-${name.length}-${Date.now()}`;
      const response = await handler(new Request(url, { headers: { "x-request-id": requestId } }), {
        params: Promise.resolve({}),
      } as never);
      spy.mockRestore();

      expect(response.status).toBe(500);
      const text = await response.text();
      const body = JSON.parse(text);
      expect(body).toEqual({ error: "internal error", message: expect.stringContaining(requestId), requestId });
      for (const pattern of INTERNALS) expect(text, `the answer leaks ${pattern}`).not.toMatch(pattern);
      expect(response.headers.get("x-request-id")).toBe(requestId);

      const line = logged.find((l) => l.includes(`[request ${requestId}]`));
      expect(line, "the server log names the request").toBeDefined();
      // The database's own words for the missing table, SQLite's or PostgreSQL's.
      expect(line).toMatch(/no such table: \w+|relation "\w+" does not exist/);
      expect(line).toMatch(/\n\s+at /);
    });
  }

  it("gives a request that came without an id one of its own", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { GET } = await import("@/app/api/deals/route");
    const response = await GET(new Request("http://localhost/api/deals"));
    spy.mockRestore();
    expect(response.status).toBe(500);
    expect((await response.json()).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
