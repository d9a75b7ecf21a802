// Soak: mixed reads (pages and API) and writes (PATCH edits) at 20 connections for a given time against the
// production server. Zero errors allowed (a 409 would be one too: each connection edits a deal of its own), every
// landed write must have its revision, and the server's resident memory (from /proc, the server and its children)
// may grow less than 10 % from just after warm-up (every route requested once, then the same load for 30 % of the
// measured time, at least 10 s, unmeasured) to the end: the average of the first and of the last fifth of the samples
// taken during the measured time.
import { openDatabase } from "@/lib/prisma-client";
import {
  BASE_PORT,
  createEditors,
  formatMb,
  freshDatabase,
  LOAD_TEST_LIMITS,
  log,
  residentBytes,
  sleep,
  startServer,
  type SuiteResult,
} from "./support";

const CONNECTIONS = 20;
const WRITE_SHARE = 0.1;

/**
 * `checkMemory: false` (the short version) reports the memory figures without judging them: at this machine's pace
 * the server's heap is still growing to its working size for the first minute or so, which a 20 s run cannot outlast.
 */
export async function runSoak(options: { seconds: number; port?: number; checkMemory?: boolean }): Promise<SuiteResult> {
  const { url } = freshDatabase("soak");
  const editors = await createEditors(url, CONNECTIONS, "soak-editor");
  const db = await openDatabase(url);
  const deals = await db.deal.findMany({ where: { deletedAt: null }, orderBy: { id: "asc" }, select: { id: true, version: true } });
  const revisionsBefore = await db.revision.count();
  const orgs = await db.organization.findMany({ take: 6, orderBy: { id: "asc" }, select: { slug: true } });
  await db.$disconnect();
  const reads = [
    "/",
    "/deals",
    "/deals?investor=amazon",
    "/deals?view=table&sort=amount_desc",
    "/analysis",
    "/investors",
    "/companies",
    `/investors/${orgs[0].slug}`,
    `/companies/${orgs[1].slug}`,
    "/methodology",
    "/api/deals?kind=equity",
    "/api/stats/summary",
    "/api/stats/concentration",
    "/api/organizations?q=a",
    "/api/deals/export.csv?investor=amazon",
  ];
  const dealPages = deals.slice(0, 40).map((d) => d.id);

  const server = await startServer(url, options.port ?? BASE_PORT + 2, LOAD_TEST_LIMITS);
  // Every route once before the clock starts, so that loading the app's code is not counted as growth.
  const warmupStarted = performance.now();
  await Promise.all([...reads, `/deals/${dealPages[0]}`].map(async (path) => (await fetch(`${server.origin}${path}`)).arrayBuffer()));
  const warmupRequestsMs = performance.now() - warmupStarted;
  const durationMs = options.seconds * 1000;
  // Warm-up: the same load, unmeasured, before the measured `seconds`: 30 % of them, at least 10 s.
  const warmupMs = Math.max(10_000, durationMs * 0.3);
  const samples: { t: number; rss: number }[] = [];
  const tally = { requests: 0, reads: 0, writes: 0, landed: 0, errors: 0, byStatus: new Map<string, number>() };
  const lastLanded = new Map<number, string>();
  const errorsSeen: string[] = [];
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let running = true;
  const sampler = (async () => {
    while (running) {
      samples.push({ t: elapsed(), rss: residentBytes(server.pid) });
      await sleep(500);
    }
  })();

  const record = (what: string) => {
    tally.errors++;
    if (errorsSeen.length < 10) errorsSeen.push(what);
  };
  try {
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, w) => {
        const editor = editors[w];
        const dealId = deals[w].id;
        let version = deals[w].version;
        let n = 0;
        while (elapsed() < warmupMs + durationMs) {
          tally.requests++;
          n++;
          try {
            if (Math.random() < WRITE_SHARE) {
              tally.writes++;
              const summary = `soak edit ${n} by connection ${w}`;
              const response = await fetch(`${server.origin}/api/deals/${dealId}`, {
                method: "PATCH",
                headers: { authorization: `Bearer ${editor.token}`, "content-type": "application/json" },
                body: JSON.stringify({ version, summary }),
              });
              const body = (await response.json()) as { version?: number };
              if (response.status === 200) {
                tally.landed++;
                version = body.version!;
                lastLanded.set(dealId, summary);
              } else record(`PATCH ${dealId}: ${response.status} ${JSON.stringify(body)}`);
            } else {
              tally.reads++;
              const path =
                Math.random() < 0.25
                  ? `/deals/${dealPages[Math.floor(Math.random() * dealPages.length)]}`
                  : reads[Math.floor(Math.random() * reads.length)];
              const response = await fetch(`${server.origin}${path}`);
              await response.arrayBuffer();
              if (response.status !== 200) record(`GET ${path}: ${response.status}`);
            }
          } catch (error) {
            record(`network error: ${(error as Error).message}`);
          }
        }
      }),
    );
  } finally {
    running = false;
    await sampler;
    await server.stop();
  }
  const seconds = elapsed() / 1000;

  const check = await openDatabase(url);
  let lost = 0;
  try {
    const revisions = await check.revision.count({ where: { actor: { in: editors.map((e) => e.email) } } });
    if (revisions !== tally.landed) {
      lost += Math.max(0, tally.landed - revisions);
      record(`${tally.landed} writes landed but ${revisions} revisions`);
    }
    if ((await check.revision.count()) - revisionsBefore !== tally.landed) record("revisions other than the soak's appeared");
    for (const [dealId, summary] of lastLanded) {
      const deal = await check.deal.findUniqueOrThrow({ where: { id: dealId }, select: { summary: true } });
      if (deal.summary !== summary) {
        lost++;
        record(`deal ${dealId} holds "${deal.summary}", not its last landed edit "${summary}"`);
      }
    }
  } finally {
    await check.$disconnect();
  }

  const average = (list: { rss: number }[]) => list.reduce((s, x) => s + x.rss, 0) / Math.max(1, list.length);
  const afterWarmup = samples.filter((s) => s.t >= warmupMs);
  const window = Math.max(1, Math.floor(afterWarmup.length * 0.2));
  const baseline = average(afterWarmup.slice(0, window));
  const end = average(afterWarmup.slice(-window));
  const peak = Math.max(...samples.map((s) => s.rss));
  const growth = (end - baseline) / baseline;
  const memoryOk = options.checkMemory === false || growth < 0.1;
  const curve = Array.from({ length: 11 }, (_, i) => samples.find((x) => x.t >= (i / 10) * (warmupMs + durationMs)) ?? samples.at(-1)!).map(
    (x) => `${(x.t / 1000).toFixed(0)} s ${(x.rss / 1024 / 1024).toFixed(0)}`,
  );
  log(`soak: server memory (MB) over time: ${curve.join(", ")}`);
  for (const e of errorsSeen) log(`soak problem: ${e}`);
  const figures = `${(durationMs / 1000).toFixed(0)} s measured at ${CONNECTIONS} connections: ${tally.requests} requests (${(tally.requests / seconds).toFixed(0)}/s; ${tally.reads} reads, ${tally.writes} writes, ${tally.landed} landed), ${tally.errors} errors; server memory ${formatMb(baseline)} after warm-up (every route once, ${(warmupRequestsMs / 1000).toFixed(0)} s, then ${(warmupMs / 1000).toFixed(0)} s of load) -> ${formatMb(end)} at the end (${(growth * 100).toFixed(1)} %${options.checkMemory === false ? ", not judged in the short version" : ""}, peak ${formatMb(peak)})`;
  log(`soak: ${figures}`);
  return {
    suite: "soak",
    tried: tally.requests,
    passed: tally.requests - tally.errors,
    lost,
    figures,
    ok: tally.errors === 0 && lost === 0 && memoryOk && tally.landed > 0,
  };
}
