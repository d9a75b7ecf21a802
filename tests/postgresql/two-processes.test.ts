// Two app processes on one PostgreSQL database, each started the way an operator starts one (`npm start`'s script:
// migrate, seed when empty, build when stale, `next start`). A write through one is read back through the other at
// once — the pages and the API — after the other has already served the same URLs (so a per-process cache that is
// not invalidated across processes would fail here). And a client's API budget is one across both (issue 22, finding
// 18). Run by `npm run test:pg`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";
import { formatUsdExact } from "@/lib/format";
import { API_WRITES_PER_MINUTE } from "@/lib/rate-limit";
import { createTestDb, testPostgresUrl, type TestDb } from "../support/test-db";
import { freePort } from "@/lib/postgresql/throwaway-cluster";

const onPostgres = testPostgresUrl() !== null;
const tsx = path.join("node_modules", ".bin", "tsx");
const EDITOR = { email: "two-processes@example.com", password: "two-processes-password" };

let t: TestDb;
let token = "";
const servers: { name: string; base: string; child: ChildProcess; log: string[] }[] = [];

async function appPort(): Promise<number> {
  const fixed = process.env.TEST_PG_APP_PORTS?.split(",").map(Number).filter(Boolean) ?? [];
  return fixed[servers.length] || freePort();
}

async function startApp(name: string) {
  const port = await appPort();
  const log: string[] = [];
  const child = spawn(tsx, ["lib/cli/start.ts"], {
    // This machine is the trusted proxy, so that a test names a client of its own with X-Forwarded-For.
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      TRUST_PROXY: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (chunk) => log.push(String(chunk)));
  const base = `http://127.0.0.1:${port}`;
  servers.push({ name, base, child, log });
  const deadline = Date.now() + 480_000;
  let last = "no answer";
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app ${name} exited (${child.exitCode}):\n${log.join("")}`);
    const health = await fetch(`${base}/api/health`).catch(() => null);
    if (health?.ok) {
      const body = await health.json();
      expect(body.postgresql?.database).toBe(new URL(t.url).pathname.slice(1));
      return base;
    }
    if (health) last = `${health.status} ${await health.text()}`;
    if (Date.now() > deadline) throw new Error(`app ${name} did not answer in time (last: ${last}):\n${log.join("")}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** An operator command as package.json runs it (`export` with --conditions=react-server: it reads the server-only data layer). */
function cli(args: string[]): string {
  const flags = args[0] === "lib/cli/export.ts" ? ["--conditions=react-server"] : [];
  const result = spawnSync(tsx, [...flags, ...args], { env: { ...process.env, DATABASE_URL: t.url }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * A GET on a connection of its own. The commands above run with spawnSync, which blocks this process past the server's
 * keep-alive timeout: a pooled socket the server has closed meanwhile is not known closed yet, and fetch would reuse it.
 */
function getOnNewConnection(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestDb();
  // The operators' commands on PostgreSQL: seed, an editor, an API token.
  cli(["lib/cli/seed.ts"]);
  cli(["lib/cli/user-create.ts", "--email", EDITOR.email, "--password", EDITOR.password, "--role", "editor"]);
  token = cli(["lib/cli/token-create.ts", "--email", EDITOR.email, "--name", "two-processes"]).split("\n").at(-1)!;
  // One after the other: the first builds the app if the build is stale, the second finds it current.
  await startApp("A");
  await startApp("B");
});

afterAll(async () => {
  for (const { child } of servers) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
    }
  }
  await Promise.all(servers.map(({ child }) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : null)));
  await t?.dispose();
});

const get = async (base: string, url: string) => {
  const response = await fetch(`${base}${url}`);
  return { status: response.status, text: await response.text() };
};
const json = async (base: string, url: string) => JSON.parse((await get(base, url)).text);

async function importCsv(base: string, csv: string) {
  const response = await fetch(`${base}/api/import`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: csv,
  });
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body as { dealIds: number[] };
}

const HEADER =
  "id,announced_on,investors,recipient,kind,status,round,amount_usd_low,amount_usd_high,amount_qualifier,original_currency,original_amount,post_money_valuation_usd,stake_pct,summary,source_url,source_publisher,source_date";

describe.skipIf(!onPostgres)("two app processes on one PostgreSQL database", () => {
  it("a deal imported through A is on B's pages and API at once, and an edit through B is on A's at once", async () => {
    const [a, b] = servers.map((s) => s.base);
    const round = `Two-process round ${Date.now()}`;
    const amount = 7_777_000_000;

    // B serves every URL first, so whatever it keeps is warm before the write.
    const summaryBefore = await json(b, "/api/stats/summary");
    const listBefore = await json(b, `/api/deals?q=${encodeURIComponent(round)}`);
    expect(listBefore.total, servers[1].log.join("").slice(-4000)).toBe(0);
    const overviewBefore = await get(b, "/");
    const analysisBefore = await get(b, "/analysis");
    expect(analysisBefore.text).toContain(`title="${formatUsdExact(BigInt(summaryBefore.capitalCountedUsd))}"`);
    const dealsPageBefore = await get(b, "/deals?sort=date_desc");
    expect(overviewBefore.status, servers[1].log.join("").slice(-4000)).toBe(200);
    expect(dealsPageBefore.text).not.toContain(round);
    // The bare organization pages are rendered once per data version too (proxy.ts).
    const organizationPages = ["/investors/amazon", "/companies/anthropic"];
    for (const path of organizationPages) expect((await get(b, path)).text, path).not.toContain(round);

    const { dealIds } = await importCsv(
      a,
      `${HEADER}\n,2026-11-26,Amazon,Anthropic,equity,closed,${round},${amount},${amount},exact,USD,${amount},,,Written through process A.,https://example.com/two-processes,Example,2026-11-26\n`,
    );
    const [id] = dealIds;

    // Immediately, through B: the API...
    const summaryAfter = await json(b, "/api/stats/summary");
    expect(summaryAfter.capitalCountedUsd - summaryBefore.capitalCountedUsd).toBe(amount);
    expect(summaryAfter.dealCount).toBe(summaryBefore.dealCount + 1);
    const listAfter = await json(b, `/api/deals?q=${encodeURIComponent(round)}`);
    expect(listAfter.total).toBe(1);
    expect(listAfter.data[0]).toMatchObject({ id, round, amountUsdLow: amount, recipient: { slug: "anthropic" } });
    // Without regard to case, as on SQLite: each chunk of the built app knows the handle is PostgreSQL's (ILIKE).
    expect((await json(b, `/api/deals?q=${encodeURIComponent(round.toUpperCase())}`)).total).toBe(1);
    expect(await json(b, `/api/deals/${id}`)).toMatchObject({ id, round });
    // ...and the pages.
    expect((await get(b, `/deals/${id}`)).text).toContain(round);
    expect((await get(b, "/deals?sort=date_desc")).text).toContain(round);
    const overviewAfter = await get(b, "/");
    expect(overviewAfter.text).toContain(round);
    expect(overviewAfter.text).not.toBe(overviewBefore.text);
    // "/" and "/analysis" are pages rendered once per data version (proxy.ts): B must not serve the one from before.
    expect((await get(b, "/analysis")).text).toContain(`title="${formatUsdExact(BigInt(summaryAfter.capitalCountedUsd))}"`);
    for (const path of organizationPages) expect((await get(b, path)).text, path).toContain(round);

    // The other way: an edit through B (the same deal, by id) is what A serves next.
    expect((await get(a, `/deals/${id}`)).text).toContain("Written through process A.");
    await importCsv(
      b,
      `${HEADER}\n${id},2026-11-26,Amazon,Anthropic,equity,closed,${round},${amount * 2},${amount * 2},exact,USD,${amount * 2},,,Edited through process B.,https://example.com/two-processes,Example,2026-11-26\n`,
    );
    const pageOnA = await get(a, `/deals/${id}`);
    expect(pageOnA.text).toContain("Edited through process B.");
    expect(pageOnA.text).not.toContain("Written through process A.");
    expect(await json(a, `/api/deals/${id}`)).toMatchObject({ amountUsdLow: amount * 2 });
    expect((await json(a, "/api/stats/summary")).capitalCountedUsd - summaryBefore.capitalCountedUsd).toBe(amount * 2);
  });

  it("a client's API budget is one across both processes: writes split between them get 429 after the budget, not twice it", async () => {
    const [a, b] = servers.map((s) => s.base);
    const headers = { "x-forwarded-for": "198.51.100.180", "content-type": "text/csv" };
    // Unsigned writes: each is counted, then refused 401 by the route, so the budget is all that varies.
    const statuses: number[] = [];
    for (let i = 0; i <= API_WRITES_PER_MINUTE; i++)
      statuses.push((await fetch(`${i % 2 ? b : a}/api/import`, { method: "POST", headers, body: "x" })).status);
    expect(statuses.slice(0, API_WRITES_PER_MINUTE)).toEqual(Array(API_WRITES_PER_MINUTE).fill(401));
    expect(statuses.at(-1)).toBe(429);
    // Through the other process too, with the time left.
    const refused = await fetch(`${API_WRITES_PER_MINUTE % 2 ? a : b}/api/import`, { method: "POST", headers, body: "x" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client is unaffected.
    const other = await fetch(`${a}/api/import`, {
      method: "POST",
      headers: { ...headers, "x-forwarded-for": "198.51.100.181" },
      body: "x",
    });
    expect(other.status).toBe(401);
  });

  it("the operators' commands run beside both processes and apply no migration", async () => {
    const migrations = async () =>
      ((await t.db.$queryRawUnsafe('SELECT COUNT(*)::int AS n FROM "_prisma_migrations"')) as { n: number }[])[0].n;
    const before = await migrations();
    const email = "operator-pg@example.com";
    expect(cli(["lib/cli/user-create.ts", "--email", email, "--password", "operator-password-1", "--role", "admin"])).toMatch(
      /created admin operator-pg@example\.com/,
    );
    expect(cli(["lib/cli/token-create.ts", "--email", email, "--name", "beside-the-app"]).split("\n").at(-1)).toMatch(/^\S{20,}$/);
    const dir = mkdtempSync(path.join(os.tmpdir(), "pg-operators-"));
    const csv = path.join(dir, "import.csv");
    const exported = path.join(dir, "export.csv");
    writeFileSync(
      csv,
      `${DEAL_CSV_COLUMNS.join(",")}\n2026-06-01,Operator Capital,Operator Labs PG,equity,announced,Seed,100,100,exact,USD,100,,,Test,https://example.com/operators,Example,2026-06-01\n`,
    );
    try {
      expect(cli(["lib/cli/import.ts", csv, "--dry-run"])).toMatch(/would create 1 deals/);
      expect(cli(["lib/cli/import.ts", csv])).toMatch(/created 1 deals/);
      expect(JSON.parse(await getOnNewConnection(`${servers[0].base}/api/deals?q=Operator%20Labs%20PG`)).total).toBe(1);
      cli(["lib/cli/export.ts", exported, "--query", "q=Operator Labs PG"]);
      expect(readFileSync(exported, "utf8")).toContain("Operator Labs PG");
      expect(await migrations()).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
