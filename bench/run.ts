// `npm run bench -- --deals N [--duration S] [--seed S] [--quick] [--port P] [--no-browser] [--postgresql]`
// Builds (if stale) and starts the production server on a synthetic database of N deals (made with db:synth on first
// use and cached in bench/.cache), loads each page and endpoint with autocannon (10 connections, fixed duration,
// on this machine), and writes bench/results/latest.json (one row per page or endpoint) and
// bench/results/latest-details.json (query timings, cold times, memory, first-load JS, Lighthouse), with tables on
// stdout. A static page of the same server is the ceiling: ratioToStatic compares across noisy machines.
// With --postgresql, the same pages again on PostgreSQL: the synthetic database copied into a throwaway cluster
// (lib/synth/copy-to-postgresql.ts), two production servers on it, the connections split between them.
// Exits non-zero only on errors (a failed request, a crash), never on a missed target.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createApiToken, createUser } from "../lib/auth/accounts";
import { pendingSqliteMigrations } from "../lib/cli/prepare-db";
import { parseCommandLine } from "../lib/cli/args";
import { migratePostgres } from "../lib/postgresql/migrate";
import { MISSING_POSTGRESQL, startThrowawayCluster } from "../lib/postgresql/throwaway-cluster";
import { openDatabase } from "../lib/prisma-client";
import { copySqliteToPostgresql } from "../lib/synth/copy-to-postgresql";
import { syntheticImportCsv } from "../lib/synth/import-csv";
import { createRandom } from "../lib/synth/random";
import { synthDatabase } from "../lib/synth/synth-database";
import { firstLoadPages, measureFirstLoadJs, runLighthouse, type FirstLoadJs, type LighthouseScores } from "./browser";
import { measurePageSizes, overBound, pageSizeUrls, type PageSize } from "./page-sizes";

type AutocannonResult = {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
};
type AutocannonInstance = { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
type Autocannon = (opts: Record<string, unknown>, done: (err: Error | null, result: AutocannonResult) => void) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const BENCH_USAGE = "usage: npm run bench -- --deals N [--duration S] [--seed S] [--quick] [--port P] [--no-browser] [--postgresql]";
const { values: options } = parseCommandLine({
  usage: BENCH_USAGE,
  options: {
    deals: "string",
    duration: "string",
    seed: "string",
    quick: "boolean",
    port: "string",
    "no-browser": "boolean",
    postgresql: "boolean",
  },
});
const quick = options.quick === true;
const deals = Number(options.deals ?? (quick ? "5000" : "100000"));
const seed = Number(options.seed ?? "1");
const duration = Number(options.duration ?? (quick ? "3" : "10"));
const port = Number(options.port ?? process.env.BENCH_PORT ?? "3261");
const withBrowser = !options["no-browser"];
const onPostgresql = options.postgresql === true;
if (!Number.isInteger(deals) || deals < 1 || !Number.isFinite(duration) || duration <= 0) {
  console.error(BENCH_USAGE);
  process.exit(2);
}
const CONNECTIONS = 10;
const ROOT = process.cwd();
const base = `http://127.0.0.1:${port}`;

export type BenchRow = {
  name: string;
  url: string;
  deals: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  ratioToStatic: number;
  firstHitMs: number;
  /** The largest answer of the run, in kB (the issue's bound: no page over 100 kB of HTML). */
  maxKb: number;
};

function log(line: string) {
  console.log(`[bench] ${line}`);
}

// --- The database: synthesised once per N, seed and schema.
function ensureDatabase(): string {
  const file = path.join(ROOT, "bench", ".cache", `synth-${deals}-s${seed}.db`);
  // A database synthesised before a migration would be migrated by the server's start without the statistics db:synth
  // gathers for the new tables and indexes (ANALYZE), and SQLite's plans change with them: it is made again.
  const behind = existsSync(file) ? pendingSqliteMigrations(file) : [];
  if (behind.length > 0) {
    log(`${path.relative(ROOT, file)} predates ${behind.join(", ")}: synthesising it again`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
  if (!existsSync(file)) {
    log(`synthesising ${deals} deals (seed ${seed}) into ${path.relative(ROOT, file)}`);
    const r = synthDatabase({ deals, seed, out: file + ".tmp", log: (l) => log(`  ${l}`) });
    spawnSync("mv", [r.file, file]);
  }
  return file;
}

/**
 * The run's own copy of the cached database: the import rows write thousands of deals, and the next run must start
 * from the same data.
 */
function runCopy(file: string): string {
  const copy = file.replace(/\.db$/, ".run.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
  copyFileSync(file, copy);
  return copy;
}

// --- What to request: URLs that vary, so that no cache can hide the query.
type Scenario = { name: string; urls: string[]; target?: { ratio?: number; p95?: number } };

function scenarios(file: string): Scenario[] {
  const db = new Database(file, { readonly: true });
  const random = createRandom(seed + 1000);
  const topInvestors = (
    db
      .prepare(
        `SELECT o.slug FROM "Participation" p JOIN "Organization" o ON o.id = p."organizationId" WHERE p."dealId" <= 20000 GROUP BY o.id ORDER BY COUNT(*) DESC LIMIT 30`,
      )
      .all() as { slug: string }[]
  ).map((r) => r.slug);
  const topRecipients = (
    db
      .prepare(
        `SELECT o.slug FROM "Deal" d JOIN "Organization" o ON o.id = d."recipientId" WHERE d.id <= 20000 GROUP BY o.id ORDER BY COUNT(*) DESC LIMIT 50`,
      )
      .all() as { slug: string }[]
  ).map((r) => r.slug);
  const maxId = (db.prepare(`SELECT MAX(id) m FROM "Deal"`).get() as { m: number }).m;
  const liveIds: number[] = [];
  const isLive = db.prepare(`SELECT 1 FROM "Deal" WHERE id = ? AND "deletedAt" IS NULL`);
  while (liveIds.length < 200) {
    const id = random.int(1, maxId);
    if (isLive.get(id)) liveIds.push(id);
  }
  db.close();

  const kinds = ["equity", "convertible", "compute_commitment", "acquisition", "equity,convertible"];
  const statuses = ["closed", "announced", "in_talks", "closed,announced"];
  const sorts = ["date_desc", "date_asc", "amount_desc", "amount_asc"];
  const filterQuery = () => {
    const p = new URLSearchParams();
    const roll = random.next();
    if (roll < 0.25) p.set("kind", random.pick(kinds));
    if (random.chance(0.35)) p.set("status", random.pick(statuses));
    if (random.chance(0.4)) p.set("from", `${random.int(2015, 2026)}-0${random.int(1, 9)}-01`);
    if (random.chance(0.2)) p.set("min", String(10 ** random.int(6, 9)));
    if (random.chance(0.2)) p.set("recipient", random.pick(topRecipients));
    else if (random.chance(0.2)) p.set("investor", random.pick(topInvestors));
    if (random.chance(0.05)) p.set("q", random.pick(["robotics", "Series B", "cloud"]));
    p.set("sort", random.pick(sorts));
    if (random.chance(0.5)) p.set("page", String(random.int(1, 40)));
    return p.toString();
  };
  const many = (count: number, make: () => string) => Array.from({ length: count }, make);
  const monthStart = () => `${random.int(2018, 2025)}-${String(random.int(1, 12)).padStart(2, "0")}-01`;
  return [
    { name: "overview", urls: ["/"], target: { ratio: 0.5, p95: 100 } },
    { name: "analysis", urls: ["/analysis"], target: { ratio: 0.5, p95: 100 } },
    {
      // /analysis's sections on pages of their own, each for the whole market (at its bare address: once per data version).
      name: "analysis sections",
      urls: [
        "/analysis/top-shares",
        "/analysis/flows",
        "/analysis/circular-flows",
        "/analysis/kinds",
        "/analysis/loops",
        "/analysis/network",
      ],
      target: { p95: 150 },
    },
    { name: "deals (varying filters)", urls: many(300, () => `/deals?${filterQuery()}`), target: { p95: 150 } },
    { name: "api deals (varying filters)", urls: many(300, () => `/api/deals?${filterQuery()}`), target: { p95: 150 } },
    // The rows above cycle through 300 addresses, each asked several times in a run, as a shared view is: its page is
    // read once per data version. These ask each address once (more addresses than a run makes requests), so every
    // request is a filter set the server has not read.
    { name: "deals (new filter sets)", urls: many(6000, () => `/deals?${filterQuery()}`), target: { p95: 150 } },
    { name: "api deals (new filter sets)", urls: many(6000, () => `/api/deals?${filterQuery()}`), target: { p95: 150 } },
    {
      name: "api concentration",
      urls: ["/api/stats/concentration", "/api/stats/concentration?grain=quarter", "/api/stats/concentration?side=investor"],
    },
    {
      // The floor of an API request: the proxy with its rate-limit write, Next's route and a JSON answer, no query (an
      // empty q reads nothing). What search suggestions cost above it is the search's own.
      name: "api floor (empty search)",
      urls: ["/api/search?q=&limit=6"],
    },
    {
      // What the header's box asks as someone types: the beginnings of active organizations' names, and the same with a
      // letter dropped (a typo).
      name: "search suggestions",
      urls: many(300, () => {
        const name = random.pick([...topRecipients, ...topInvestors]).replace(/-/g, " ");
        const typed = name.slice(0, random.int(2, Math.max(2, name.length)));
        const drop = random.int(1, Math.max(1, typed.length - 1));
        const q = random.chance(0.3) && typed.length > 4 ? typed.slice(0, drop) + typed.slice(drop + 1) : typed;
        return `/api/search?q=${encodeURIComponent(q)}&limit=6`;
      }),
      target: { p95: 50 },
    },
    { name: "investor page", urls: topInvestors.slice(0, 20).map((s) => `/investors/${s}`) },
    { name: "company page", urls: topRecipients.slice(0, 20).map((s) => `/companies/${s}`) },
    { name: "deal page", urls: liveIds.map((id) => `/deals/${id}`) },
    // Pages about a few deals as of a date (the first of a month, as a shared view's date usually is), read per request:
    // the page cache keeps bare addresses only. The deal as reported then, and /deals narrowed to one organization then.
    { name: "deal page as of a date", urls: liveIds.map((id) => `/deals/${id}?asOf=${monthStart()}`), target: { p95: 150 } },
    {
      name: "deals as of a date (one organization)",
      urls: many(300, () => {
        const organization = random.chance(0.5) ? `recipient=${random.pick(topRecipients)}` : `investor=${random.pick(topInvestors)}`;
        return `/deals?${organization}&asOf=${monthStart()}`;
      }),
      target: { p95: 150 },
    },
    {
      // The change log: the newest changes, and the same narrowed by the /deals filters it takes.
      name: "changes",
      urls: [
        "/changes",
        ...topInvestors.slice(0, 10).map((s) => `/changes?investor=${s}`),
        ...topRecipients.slice(0, 10).map((s) => `/changes?recipient=${s}`),
        ...kinds.map((k) => `/changes?kind=${encodeURIComponent(k)}`),
      ],
      target: { p95: 150 },
    },
  ];
}

// --- The server.
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const all: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      all.push(c);
      walk(c);
    }
  };
  walk(pid);
  return all;
}

/** The largest peak resident set (VmHWM) among the server's processes, in MB. */
function peakRssMb(pid: number): { mb: number; process: string } {
  let best = { mb: 0, process: "" };
  for (const p of [pid, ...descendants(pid)]) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const name = /Name:\s+(.*)/.exec(status)?.[1] ?? "";
      if (kb / 1024 > best.mb) best = { mb: Math.round(kb / 1024), process: `${name} (${p})` };
    } catch {
      // gone
    }
  }
  return best;
}

async function waitForServer(server: ChildProcess, timeoutMs: number, origin = base): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await firstHit("/api/health", origin)).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer on ${origin} within ${timeoutMs / 1000} s`);
}

function startServer(databaseUrl: string, listen = port): ChildProcess {
  log(`starting the production server on port ${listen} (builds first if the build is stale)`);
  return spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["lib/cli/start.ts"], {
    // The load comes from this machine as many clients, named by X-Forwarded-For as a local proxy would name them.
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(listen), NEXT_TELEMETRY_DISABLED: "1", TRUST_PROXY: "127.0.0.1" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
}

function stopServer(server: ChildProcess) {
  if (!server.pid) return;
  // The whole tree: next-server does not always stay in the process group of the script that started it.
  for (const pid of [...descendants(server.pid).reverse(), server.pid]) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

// --- Load.
let clientIp = 0;
/** Each request comes from one of 500 simulated clients, as on a public site, so the per-client API rate limit does not cap the benchmark. */
function nextClient(): string {
  clientIp = (clientIp + 1) % 500;
  return `10.77.${clientIp >> 8}.${clientIp & 255}`;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type LoadResult = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  maxBytes: number;
  statuses: Record<string, number>;
};

/**
 * CONNECTIONS clients requesting `urls` in turn for `seconds`. With several origins (app processes behind one
 * database), the connections are split evenly between them and the latencies pooled, as a load balancer would.
 */
async function load(urls: string[], seconds: number, origins: string[] = [base]): Promise<LoadResult> {
  const next = { i: 0 };
  const parts = await Promise.all(origins.map((origin) => loadOne(urls, seconds, origin, CONNECTIONS / origins.length, next)));
  const latencies = parts.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const p of parts) for (const [code, count] of Object.entries(p.statuses)) statuses[code] = (statuses[code] ?? 0) + count;
  return {
    rps: latencies.length / Math.max(...parts.map((p) => p.duration)),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: parts.reduce((sum, p) => sum + p.errors, 0),
    maxBytes: Math.max(...parts.map((p) => p.maxBytes)),
    statuses,
  };
}

function loadOne(
  urls: string[],
  seconds: number,
  origin: string,
  connections: number,
  next: { i: number },
): Promise<{ latencies: number[]; duration: number; errors: number; maxBytes: number; statuses: Record<string, number> }> {
  const latencies: number[] = [];
  let maxBytes = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: "GET",
            setupRequest: (req: Record<string, unknown>) => ({
              ...req,
              path: urls[next.i++ % urls.length],
              headers: { "x-forwarded-for": nextClient(), accept: "text/html,application/json" },
            }),
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
        resolve({ latencies, duration: result.duration, errors: result.errors + result.non2xx, maxBytes, statuses });
      },
    );
    instance.on("response", (_client, _status, bytes, ms) => {
      latencies.push(ms);
      maxBytes = Math.max(maxBytes, bytes);
    });
  });
}

/** One request with no client-side time limit (fetch gives up after 300 s; a cold page at a million deals can take longer). */
function firstHit(url: string, origin = base): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(origin + url, { headers: { "x-forwarded-for": nextClient() } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** Lets the server finish the requests autocannon abandoned at the end of the previous run before the next one. */
async function settle(origin = base): Promise<void> {
  await new Promise((r) => setTimeout(r, 1000));
  await firstHit("/api/health", origin);
}

/**
 * Each page's first request (cold: on the first server, the others' first requests made too, so every process starts
 * alike), then the static ceiling and every page under load, spread over `origins`.
 */
async function measurePages(plan: Scenario[], origins: string[]): Promise<{ rows: BenchRow[]; failed: boolean }> {
  let failed = false;
  const rows: BenchRow[] = [];
  const firstHits = new Map<string, number>();
  for (const [n, origin] of origins.entries()) {
    for (const s of plan) {
      const hit = await firstHit(s.urls[0], origin);
      if (n === 0) firstHits.set(s.name, hit.ms);
      if (hit.status !== 200) {
        console.error(`[bench] ${origin}${s.urls[0]} answered ${hit.status}`);
        failed = true;
      }
    }
  }
  const settleAll = () => Promise.all(origins.map((origin) => settle(origin)));

  const staticUrl = "/about";
  const warm = await firstHit(staticUrl, origins[0]);
  if (warm.status !== 200) throw new Error(`the static page ${staticUrl} answered ${warm.status}`);
  log(`static ceiling ${staticUrl} for ${duration} s`);
  const ceiling = await load([staticUrl], duration, origins);
  rows.push({
    name: "static page (ceiling)",
    url: staticUrl,
    deals,
    rps: round(ceiling.rps),
    p50Ms: round(ceiling.p50),
    p95Ms: round(ceiling.p95),
    p99Ms: round(ceiling.p99),
    errors: ceiling.errors,
    ratioToStatic: 1,
    firstHitMs: round(warm.ms),
    maxKb: round(ceiling.maxBytes / 1024, 1),
  });
  for (const s of plan) {
    log(`${s.name} (${s.urls.length} URL${s.urls.length > 1 ? "s" : ""}) for ${duration} s`);
    await settleAll();
    const r = await load(s.urls, duration, origins);
    if (r.errors > 0) {
      console.error(`[bench] ${s.name}: ${r.errors} errors, statuses ${JSON.stringify(r.statuses)}`);
      failed = true;
    }
    rows.push({
      name: s.name,
      url: s.urls.length > 1 ? `${s.urls[0]} (+${s.urls.length - 1} more)` : s.urls[0],
      deals,
      rps: round(r.rps),
      p50Ms: round(r.p50),
      p95Ms: round(r.p95),
      p99Ms: round(r.p99),
      errors: r.errors,
      ratioToStatic: round(r.rps / ceiling.rps, 3),
      firstHitMs: round(firstHits.get(s.name) ?? 0),
      maxKb: round(r.maxBytes / 1024, 1),
    });
  }
  return { rows, failed };
}

// --- Imports: POST /api/import of N synthetic rows, timed from the request to the answer (one transaction).
type ImportTiming = {
  database: "SQLite" | "PostgreSQL";
  rows: number;
  newOrganizations: number;
  megabytes: number;
  ms: number;
  targetMs: number;
  status: number;
  created: number;
};
const IMPORT_TARGETS: { rows: number; targetMs: number; compact: boolean }[] = [
  { rows: 10_000, targetMs: 5_000, compact: false },
  // Compact rows (no round, summary or source) so that 100,000 fit in one import's 10 MB.
  { rows: 100_000, targetMs: 60_000, compact: true },
];

async function measureImports(databaseUrl: string, origin = base): Promise<ImportTiming[]> {
  const database = databaseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL";
  const db = await openDatabase(databaseUrl);
  let token: string;
  try {
    const user = await createUser(db, {
      email: `bench-importer-${Date.now()}@example.com`,
      password: "bench-importer-password",
      role: "editor",
    });
    token = (await createApiToken(db, user.id, "bench import")).token;
  } finally {
    await db.$disconnect();
  }
  const timings: ImportTiming[] = [];
  for (const target of quick ? IMPORT_TARGETS.slice(0, 1) : IMPORT_TARGETS) {
    const newOrganizations = 100;
    const csv = syntheticImportCsv(`bench-${target.rows}`, target.rows, { newOrganizations, compact: target.compact });
    log(`import of ${target.rows.toLocaleString("en-US")} rows on ${database} (POST /api/import)`);
    await settle(origin);
    const started = performance.now();
    // The synthetic rows look alike by design (same recipients, close dates and amounts): created anyway.
    const response = await fetch(`${origin}/api/import?onDuplicate=create`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", "x-forwarded-for": nextClient() },
      body: csv,
      signal: AbortSignal.timeout(20 * 60_000),
    });
    const body = (await response.json()) as { create?: number; error?: string };
    const ms = performance.now() - started;
    timings.push({
      database,
      rows: target.rows,
      newOrganizations,
      megabytes: round(Buffer.byteLength(csv) / 1024 / 1024, 1),
      ms: round(ms),
      targetMs: target.targetMs,
      status: response.status,
      created: body.create ?? 0,
    });
    // A failed import is reported and kept in the table, and the larger ones still run: one failure does not hide
    // the other timings.
    if (response.status !== 200 || body.create !== target.rows)
      console.error(
        `[bench] the import of ${target.rows} rows on ${database} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`,
      );
  }
  return timings;
}

const importFailed = (timings: ImportTiming[]) => timings.some((t) => t.status !== 200 || t.created !== t.rows);

/**
 * The same imports on PostgreSQL, when its server programs are installed: a throwaway cluster (fsync off, as in
 * test:pg), a second production server on it (next port up) that migrates and seeds it as `npm start` does, so the
 * rows go into the shipped seed rather than the N synthetic deals. Returns why it was skipped when it was.
 */
async function measurePostgresqlImports(): Promise<{ timings: ImportTiming[]; skipped?: string }> {
  const cluster = await startThrowawayCluster();
  if (!cluster) return { timings: [], skipped: MISSING_POSTGRESQL };
  const listen = port + 1;
  const server = startServer(cluster.url, listen);
  try {
    await waitForServer(server, 10 * 60_000, `http://127.0.0.1:${listen}`);
    return { timings: await measureImports(cluster.url, `http://127.0.0.1:${listen}`) };
  } finally {
    stopServer(server);
    await waitForExit(server);
    cluster.stop();
  }
}

/**
 * The same pages on PostgreSQL with two app processes: the synthetic database copied into a throwaway cluster, a
 * production server on each of the next two ports, started one after the other (the first builds if the build is
 * stale), and the load split between them. What scaling out buys is this table against the SQLite one.
 */
async function measurePostgresqlPages(
  plan: Scenario[],
  file: string,
): Promise<{ rows: BenchRow[]; failed: boolean; memory: { mb: number; process: string }[]; skipped?: string }> {
  const cluster = await startThrowawayCluster();
  if (!cluster) return { rows: [], failed: false, memory: [], skipped: MISSING_POSTGRESQL };
  const servers: ChildProcess[] = [];
  try {
    await migratePostgres(cluster.url);
    log(`copying ${path.relative(ROOT, file)} into PostgreSQL`);
    const copied = await copySqliteToPostgresql(file, cluster.url);
    log(`copied ${copied.rows.toLocaleString("en-US")} rows of ${copied.tables} tables in ${copied.ms} ms`);
    const origins: string[] = [];
    for (const listen of [port + 1, port + 2]) {
      const origin = `http://127.0.0.1:${listen}`;
      servers.push(startServer(cluster.url, listen));
      await waitForServer(servers[servers.length - 1], 20 * 60_000, origin);
      origins.push(origin);
    }
    log(`two servers up on PostgreSQL; load average ${readFileSync("/proc/loadavg", "utf8").trim()}`);
    const measured = await measurePages(plan, origins);
    return { ...measured, memory: servers.map((server) => peakRssMb(server.pid as number)) };
  } finally {
    for (const server of servers) stopServer(server);
    await Promise.all(servers.map(waitForExit));
    cluster.stop();
  }
}

/** Waits until a stopped server's process has ended (the cluster cannot stop while its connections are open). */
function waitForExit(server: ChildProcess): Promise<void> {
  return server.exitCode !== null || server.signalCode !== null ? Promise.resolve() : new Promise((r) => server.once("exit", () => r()));
}

// --- Tables.
function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "(none)";
  const headers = Object.keys(rows[0]);
  const cells = rows.map((r) => headers.map((h) => String(r[h] ?? "")));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join("  ");
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
const round = (x: number, digits = 0) => Number(x.toFixed(digits));
const pageTable = (rows: BenchRow[]) =>
  table(
    rows.map((r) => ({
      name: r.name,
      rps: r.rps,
      "x static": r.ratioToStatic,
      p50: r.p50Ms,
      p95: r.p95Ms,
      p99: r.p99Ms,
      errors: r.errors,
      "first hit ms": r.firstHitMs,
      "max kB": r.maxKb,
    })),
  );

async function main() {
  const loadavgBefore = readFileSync("/proc/loadavg", "utf8").trim();
  const cached = ensureDatabase();
  const file = runCopy(cached);
  const plan = scenarios(file);
  const server = startServer(`file:${file}`);
  const cleanup = () => stopServer(server);
  process.on("exit", cleanup);
  process.on("SIGINT", () => process.exit(130));
  let failed = false;
  const rows: BenchRow[] = [];
  let firstLoad: FirstLoadJs[] = [];
  const lighthouse: LighthouseScores[] = [];
  let imports: ImportTiming[] = [];
  let memory = { mb: 0, process: "" };
  let pageSizes: PageSize[] = [];
  try {
    await waitForServer(server, 20 * 60_000);
    log(`server up; load average ${readFileSync("/proc/loadavg", "utf8").trim()}`);

    const measured = await measurePages(plan, [base]);
    rows.push(...measured.rows);
    failed ||= measured.failed;
    memory = peakRssMb(server.pid as number);

    // After the peak memory of the load rows: these pages compute their views cold, one organization after another.
    const sizeDb = new Database(file, { readonly: true });
    const sizeUrls = pageSizeUrls(sizeDb, quick ? 10 : 40);
    sizeDb.close();
    log(`page sizes: ${sizeUrls.length} pages once each`);
    pageSizes = await measurePageSizes(sizeUrls, (url) => firstHit(url));

    if (withBrowser) {
      log("first-load JS per page (Playwright, Chromium)");
      firstLoad = await measureFirstLoadJs(
        base,
        firstLoadPages(
          plan.find((s) => s.name === "investor page")?.urls[0] ?? "/investors/microsoft",
          plan.find((s) => s.name === "deal page")?.urls[0] ?? "/deals/1",
        ),
      );
      for (const page of quick ? ["/"] : ["/", "/deals", "/analysis"]) {
        log(`Lighthouse desktop ${page}`);
        lighthouse.push(runLighthouse(base, page));
      }
    }
    // Last: the imports add deals to the run's copy of the database.
    try {
      imports = await measureImports(`file:${file}`);
      failed ||= importFailed(imports);
    } catch (error) {
      console.error(`[bench] ${error instanceof Error ? error.message : error}`);
      failed = true;
    }
  } finally {
    stopServer(server);
  }
  try {
    const postgresql = await measurePostgresqlImports();
    if (postgresql.skipped) log(`import on PostgreSQL skipped: ${postgresql.skipped}`);
    imports.push(...postgresql.timings);
    failed ||= importFailed(postgresql.timings);
  } catch (error) {
    console.error(`[bench] import on PostgreSQL: ${error instanceof Error ? error.message : error}`);
    failed = true;
  }

  let postgresqlPages: Awaited<ReturnType<typeof measurePostgresqlPages>> | null = null;
  if (onPostgresql) {
    try {
      // The cached database, as the SQLite server found it: the run's copy now holds the imported deals too.
      postgresqlPages = await measurePostgresqlPages(plan, cached);
      if (postgresqlPages.skipped) log(`pages on PostgreSQL skipped: ${postgresqlPages.skipped}`);
      failed ||= postgresqlPages.failed;
    } catch (error) {
      console.error(`[bench] pages on PostgreSQL: ${error instanceof Error ? error.message : error}`);
      failed = true;
    }
  }

  log("query timings in a fresh process (cold measures, data layer vs raw better-sqlite3)");
  const investor =
    plan
      .find((s) => s.name === "investor page")
      ?.urls[0]?.split("/")
      .pop() ?? "microsoft";
  const dealId =
    plan
      .find((s) => s.name === "deal page")
      ?.urls[0]?.split("/")
      .pop() ?? "1";
  const q = spawnSync(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "bench/measure-queries.ts", investor, dealId, quick ? "3" : "5"],
    {
      // The cached database, as the server found it: the run's copy now holds the imported deals too.
      env: { ...process.env, DATABASE_URL: `file:${cached}` },
      encoding: "utf8",
      maxBuffer: 10 * 1024 * 1024,
    },
  );
  let queries: { cold: Record<string, number>; hot: { query: string; dataLayerMs: number; rawMs: number; ratio: number }[] } | null = null;
  if (q.status === 0) queries = JSON.parse(q.stdout);
  else {
    console.error(`[bench] query timings failed:\n${q.stderr}`);
    failed = true;
  }

  const loadavgAfter = readFileSync("/proc/loadavg", "utf8").trim();
  const details = {
    date: new Date().toISOString(),
    deals,
    seed,
    durationSeconds: duration,
    connections: CONNECTIONS,
    machine: { cpus: os.cpus().length, loadavgBefore, loadavgAfter },
    serverPeakRssMb: memory.mb,
    serverProcess: memory.process,
    queries,
    firstLoadJs: firstLoad,
    lighthouse,
    imports,
    pageSizes: {
      asked: pageSizes.length,
      over100Kb: overBound(pageSizes),
      largest: pageSizes.slice(0, 10).map(({ url, bytes, status }) => ({ url, kb: round(bytes / 1024, 1), status })),
    },
    postgresql: postgresqlPages && { rows: postgresqlPages.rows, serverPeakRssMb: postgresqlPages.memory },
  };
  const outDir = path.join(ROOT, "bench", "results");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "latest.json"), JSON.stringify(rows, null, 2) + "\n");
  writeFileSync(path.join(outDir, "latest-details.json"), JSON.stringify(details, null, 2) + "\n");

  console.log(
    `\nBenchmark: ${deals.toLocaleString("en-US")} deals, ${CONNECTIONS} connections, ${duration} s each, ${os.cpus().length} CPUs, load average before ${loadavgBefore.split(" ").slice(0, 3).join(" ")}, after ${loadavgAfter.split(" ").slice(0, 3).join(" ")}\n`,
  );
  console.log(pageTable(rows));
  console.log(`\nServer peak RSS (VmHWM): ${memory.mb} MB (${memory.process})`);
  if (pageSizes.length > 0) {
    console.log(`\nLargest pages of ${pageSizes.length} asked once each (${overBound(pageSizes)} over 100 kB):\n`);
    console.log(table(pageSizes.slice(0, 5).map((p) => ({ page: p.url, kB: round(p.bytes / 1024, 1), status: p.status }))));
  }
  if (postgresqlPages && !postgresqlPages.skipped) {
    console.log(`\nThe same on PostgreSQL, two app processes, ${CONNECTIONS / 2} connections each:\n`);
    console.log(pageTable(postgresqlPages.rows));
    console.log(`\nServers' peak RSS (VmHWM): ${postgresqlPages.memory.map((m) => `${m.mb} MB`).join(", ")}`);
  }
  if (queries) {
    console.log("\nCold (first call in a fresh process), ms:");
    console.log(table(Object.entries(queries.cold).map(([measure, ms]) => ({ measure, ms: round(ms) }))));
    console.log("\nHot queries, median ms: data layer vs raw better-sqlite3:");
    console.log(
      table(
        queries.hot.map((h) => ({
          query: h.query,
          "data layer": round(h.dataLayerMs, 1),
          raw: round(h.rawMs, 1),
          ratio: round(h.ratio, 2),
        })),
      ),
    );
  }
  if (imports.length > 0) {
    console.log(
      `\nImport (POST /api/import, one transaction, one revision per deal; SQLite into the ${deals.toLocaleString("en-US")} synthetic deals, PostgreSQL into the shipped seed):`,
    );
    console.log(
      table(
        imports.map((i) => ({
          database: i.database,
          rows: i.rows,
          "new organizations": i.newOrganizations,
          MB: i.megabytes,
          ms: i.ms,
          "target ms": i.targetMs,
          within: i.status !== 200 ? `failed (${i.status})` : i.ms <= i.targetMs ? "yes" : "NO",
        })),
      ),
    );
  }
  if (firstLoad.length > 0) {
    console.log("\nFirst-load JS (every script until network idle, gzipped each):");
    console.log(
      table(
        firstLoad.map((f) => ({
          page: f.page,
          charts: f.charts ? "yes" : "no",
          scripts: f.scripts,
          "gzip kB": round(f.gzipBytes / 1024, 1),
          "raw kB": round(f.rawBytes / 1024, 1),
          "budget kB": f.budgetKb,
          within: f.gzipBytes / 1024 <= f.budgetKb ? "yes" : "NO",
        })),
      ),
    );
  }
  if (lighthouse.length > 0) {
    console.log("\nLighthouse desktop:");
    console.log(
      table(
        lighthouse.map((l) => ({
          page: l.page,
          performance: l.performance ?? l.error ?? "-",
          accessibility: l.accessibility ?? "-",
          "best practices": l.bestPractices ?? "-",
        })),
      ),
    );
  }
  console.log(`\nWrote bench/results/latest.json and bench/results/latest-details.json`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
