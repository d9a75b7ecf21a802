import { expect, test } from "@playwright/test";
import { API_WRITES_PER_MINUTE, TOKEN_WRITES_PER_MINUTE } from "@/lib/rate-limit";

test("a client that writes to the API too often is told to slow down, with Retry-After", async ({ request }) => {
  // Its own forwarded address (the suite's server trusts this machine as its proxy: TRUST_PROXY in
  // playwright.config.ts), so that this client's budget is not the one the other specs share.
  const headers = { "x-forwarded-for": "198.51.100.23", "content-type": "text/csv" };
  const statuses: number[] = [];
  for (let i = 0; i <= API_WRITES_PER_MINUTE; i++) statuses.push((await request.post("/api/import", { headers, data: "x" })).status());
  expect(statuses.slice(0, API_WRITES_PER_MINUTE).every((s) => s === 401)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
  const refused = await request.post("/api/import", { headers, data: "x" });
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  // Another client is unaffected.
  expect((await request.post("/api/import", { headers: { ...headers, "x-forwarded-for": "198.51.100.24" }, data: "x" })).status()).toBe(
    401,
  );
});

test("writes with one API token are limited per token, whichever address they come from", async ({ request }) => {
  const token = `dt_${"e2e".repeat(10)}${Date.now()}`;
  const statuses: number[] = [];
  for (let i = 0; i <= TOKEN_WRITES_PER_MINUTE; i++) {
    const headers = { "x-forwarded-for": `198.51.100.${100 + (i % 50)}`, authorization: `Bearer ${token}`, "content-type": "text/csv" };
    statuses.push((await request.post("/api/import", { headers, data: "x" })).status());
  }
  expect(statuses.slice(0, TOKEN_WRITES_PER_MINUTE).every((s) => s === 401)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
  // Another token from the same address is unaffected.
  expect(
    (
      await request.post("/api/import", { headers: { "x-forwarded-for": "198.51.100.100", authorization: `Bearer ${token}x` }, data: "x" })
    ).status(),
  ).toBe(401);
});

test("every response carries its own request id", async ({ request }) => {
  const page = await request.get("/");
  expect(page.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const missing = await request.get("/api/deals/999999");
  expect(missing.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(missing.headers()["x-request-id"]).not.toBe(page.headers()["x-request-id"]);
});
