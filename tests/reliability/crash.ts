// Crash: the server is killed with SIGKILL in the middle of a 10,000-row import (POST /api/import), again and
// again, restarted each time. Every time the database must pass PRAGMA integrity_check and the import must be all
// there or not at all: any deal count but "before" or "before + 10,000" is a failure, and no earlier deal may go.
// Just before each kill a probe (BEGIN IMMEDIATE with no wait) tells whether the import's write transaction was open
// at that moment.
import Database from "better-sqlite3";
import { syntheticImportCsv } from "@/lib/synth/import-csv";
import { BASE_PORT, createEditors, freshDatabase, LOAD_TEST_LIMITS, log, sleep, startServer, type SuiteResult } from "./support";

const ROWS = 10_000;

const importCsv = (run: string) => syntheticImportCsv(run, ROWS);

/** True when another connection holds the write lock right now (the import's transaction is open). */
function writeLockHeld(db: Database.Database): boolean {
  try {
    db.exec("BEGIN IMMEDIATE");
    db.exec("ROLLBACK");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  }
}

function inspect(file: string, run: string) {
  const db = new Database(file);
  try {
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    const deals = (db.prepare("SELECT count(*) AS n FROM Deal").get() as { n: number }).n;
    const ofRun = (db.prepare("SELECT count(*) AS n FROM Deal WHERE round = ?").get(`Crash test ${run}`) as { n: number }).n;
    const revisionsOfRun = (
      db.prepare("SELECT count(*) AS n FROM Revision WHERE action = 'import' AND after LIKE ?").get(`%"round":"Crash test ${run}"%`) as {
        n: number;
      }
    ).n;
    return { integrity, deals, ofRun, revisionsOfRun };
  } finally {
    db.close();
  }
}

/**
 * With `calibrate`, a first unkilled import measures the write transaction's window (it also proves an import lands
 * whole); all kills but the last two fall in its first third, the last two just before and just after its commit.
 * Without (the short version), each kill waits for the transaction to open, then 0, 1, 2... seconds more.
 */
export async function runCrash(options: { kills?: number; port?: number; calibrate?: boolean } = {}): Promise<SuiteResult> {
  const kills = options.kills ?? 20;
  const port = options.port ?? BASE_PORT + 1;
  const { file, url } = freshDatabase("crash");
  const [editor] = await createEditors(url, 1, "crash-importer");
  const post = (origin: string, csv: string) =>
    fetch(`${origin}/api/import?onDuplicate=create`, {
      method: "POST",
      headers: { authorization: `Bearer ${editor.token}`, "content-type": "text/csv" },
      body: csv,
    });
  const problems: string[] = [];
  const probe = new Database(file);
  probe.pragma("busy_timeout = 0");
  let server: Awaited<ReturnType<typeof startServer>>;

  // Short version: each kill waits for the write transaction to open, then k seconds more.
  let delays = Array.from({ length: kills }, (_, k) => 1_000 * k);
  const afterTransactionOpens = !options.calibrate;
  if (options.calibrate) {
    server = await startServer(url, port, LOAD_TEST_LIMITS);
    const calibration = inspect(file, "calibration");
    let txStart = -1;
    let txEnd = -1;
    const sent = performance.now();
    const pending = post(server.origin, importCsv("calibration"));
    let answered = false;
    void pending.finally(() => (answered = true));
    while (!answered) {
      const held = writeLockHeld(probe);
      const t = performance.now() - sent;
      if (held && txStart < 0) txStart = t;
      if (held) txEnd = t;
      await sleep(5);
    }
    const totalMs = performance.now() - sent;
    const response = await pending;
    if (response.status !== 200) throw new Error(`the calibration import answered ${response.status}: ${await response.text()}`);
    await server.stop();
    const afterCalibration = inspect(file, "calibration");
    if (afterCalibration.deals !== calibration.deals + ROWS || afterCalibration.integrity !== "ok")
      problems.push(
        `the calibration import left ${afterCalibration.deals - calibration.deals} deals, integrity ${afterCalibration.integrity}`,
      );
    if (txStart < 0) {
      txStart = 0;
      txEnd = totalMs;
    }
    log(
      `crash: an unkilled 10,000-row import answers in ${(totalMs / 1000).toFixed(1)} s; its write transaction is open from ${(txStart / 1000).toFixed(1)} s to ${(txEnd / 1000).toFixed(1)} s`,
    );
    const window = txEnd - txStart;
    const early = Math.max(1, kills - 2);
    delays = Array.from({ length: kills }, (_, k) => {
      if (kills > 2 && k === kills - 2) return txEnd - 0.03 * window;
      if (kills > 2 && k === kills - 1) return txEnd + 1_000;
      return Math.max(0, txStart - 300 + ((0.33 * window + 300) * k) / Math.max(1, early - 1));
    });
  }

  const outcome = { applied: 0, absent: 0, partial: 0, corrupt: 0, midTransaction: 0, lostDeals: 0 };
  for (let k = 0; k < kills; k++) {
    const run = `kill-${k}`;
    server = await startServer(url, port, LOAD_TEST_LIMITS);
    const before = inspect(file, run);
    const delay = delays[k];
    const started = performance.now();
    const request = post(server.origin, importCsv(run)).then(
      (r) => r.status,
      () => "killed" as const,
    );
    if (afterTransactionOpens) {
      while (!writeLockHeld(probe) && performance.now() - started < 120_000) await sleep(10);
      await sleep(delay);
    } else await sleep(Math.max(0, delay - (performance.now() - started)));
    const killedAt = performance.now() - started;
    const mid = writeLockHeld(probe);
    await server.kill();
    const status = await request;
    const after = inspect(file, run);
    let verdict: string;
    if (after.integrity !== "ok") {
      outcome.corrupt++;
      verdict = `integrity_check: ${after.integrity}`;
    } else if (after.deals === before.deals && after.ofRun === 0 && after.revisionsOfRun === 0) {
      outcome.absent++;
      verdict = "absent";
    } else if (after.deals === before.deals + ROWS && after.ofRun === ROWS && after.revisionsOfRun === ROWS) {
      outcome.applied++;
      verdict = "applied";
    } else {
      outcome.partial++;
      verdict = `PARTIAL: ${after.deals - before.deals} deals, ${after.ofRun} rows of this import, ${after.revisionsOfRun} revisions`;
    }
    if (after.deals < before.deals) outcome.lostDeals += before.deals - after.deals;
    if (mid) outcome.midTransaction++;
    if (verdict !== "absent" && verdict !== "applied") problems.push(`kill ${k + 1}: ${verdict}`);
    log(
      `crash: kill ${k + 1}/${kills} at ${(killedAt / 1000).toFixed(2)} s (${mid ? "inside the write transaction" : "outside the write transaction"}; client saw ${status}): ${verdict}, integrity ${after.integrity}`,
    );
  }
  probe.close();

  const lost = outcome.partial + outcome.corrupt + outcome.lostDeals;
  const figures = `${kills} SIGKILLs during a ${ROWS.toLocaleString("en-US")}-row import: ${outcome.applied} applied, ${outcome.absent} absent, ${outcome.midTransaction} inside the write transaction, ${outcome.partial} partial, ${outcome.corrupt} failed integrity_check, ${outcome.lostDeals} earlier deals lost`;
  log(`crash: ${figures}`);
  for (const p of problems) log(`crash problem: ${p}`);
  return { suite: "crash", tried: kills, passed: outcome.applied + outcome.absent, lost, figures, ok: problems.length === 0 && lost === 0 };
}
