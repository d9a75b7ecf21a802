import { expect, test } from "@playwright/test";
import { API_WRITES_PER_MINUTE } from "@/lib/rate-limit";

test("a client that writes to the API too often is told to slow down, with Retry-After", async ({ request }) => {
  // Its own forwarded address, so that this client's budget is not the one the other specs share.
  const headers = { "x-forwarded-for": "198.51.100.23", "content-type": "text/csv" };
  const statuses: number[] = [];
  for (let i = 0; i <= API_WRITES_PER_MINUTE; i++) statuses.push((await request.post("/api/import", { headers, data: "x" })).status());
  expect(statuses.slice(0, API_WRITES_PER_MINUTE).every((s) => s === 401)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
  const refused = await request.post("/api/import", { headers, data: "x" });
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  // Another client is unaffected.
  expect((await request.post("/api/import", { headers: { ...headers, "x-forwarded-for": "198.51.100.24" }, data: "x" })).status()).toBe(401);
});
