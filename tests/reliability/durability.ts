// Durability: the pragmas read back from the running server; `npm run db:backup` of the live database while editors
// write through the API (the copy passes integrity_check and holds every edit that landed before the backup began);
// `npm run db:restore` of that copy brings its data back on a restarted server; and the backup integration tests.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  BASE_PORT,
  createEditors,
  freshDatabase,
  LOAD_TEST_LIMITS,
  log,
  ROOT,
  sleep,
  startServer,
  WORK_DIR,
  type SuiteResult,
} from "./support";
import { runVitestFile } from "./vitest-suite";

const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");

export async function runDurability(options: { port?: number; withVitest?: boolean } = {}): Promise<SuiteResult> {
  const port = options.port ?? BASE_PORT + 3;
  const { file, url } = freshDatabase("durability");
  const editors = await createEditors(url, 4, "durability-editor");
  const cases: { name: string; ok: boolean; detail: string }[] = [];
  let lost = 0;
  let server = await startServer(url, port, LOAD_TEST_LIMITS);
  const backupFile = path.join(WORK_DIR, "durability-backup.db");
  rmSync(backupFile, { force: true });
  try {
    const health = (await (await fetch(`${server.origin}/api/health`)).json()) as {
      sqlite: { journalMode: string; busyTimeoutMs: number; synchronous: number; foreignKeys: boolean };
    };
    const s = health.sqlite;
    cases.push({ name: "journal_mode is WAL", ok: s.journalMode === "wal", detail: s.journalMode });
    cases.push({ name: "busy_timeout >= 5 s", ok: s.busyTimeoutMs >= 5000, detail: `${s.busyTimeoutMs} ms` });
    cases.push({ name: "synchronous NORMAL or FULL", ok: s.synchronous === 1 || s.synchronous === 2, detail: String(s.synchronous) });
    cases.push({ name: "foreign_keys on", ok: s.foreignKeys === true, detail: String(s.foreignKeys) });

    // Editors write through the API while the operator's backup command runs.
    const dealIds = [1, 2, 3, 4];
    const reader = new Database(file, { readonly: true });
    const versionOf = (id: number) => (reader.prepare("SELECT version FROM Deal WHERE id = ?").get(id) as { version: number }).version;
    const landed = new Map<number, Map<number, string>>(dealIds.map((id) => [id, new Map()]));
    let writing = true;
    let backupStartedAt = Infinity;
    const landedBeforeBackup = new Map<number, number>(dealIds.map((id) => [id, versionOf(id)]));
    const writers = dealIds.map(async (id, w) => {
      let version = versionOf(id);
      for (let n = 0; writing; n++) {
        const summary = `durability edit ${n}`;
        const response = await fetch(`${server.origin}/api/deals/${id}`, {
          method: "PATCH",
          headers: { authorization: `Bearer ${editors[w].token}`, "content-type": "application/json" },
          body: JSON.stringify({ version, summary }),
        });
        const answeredAt = performance.now();
        if (response.status !== 200) throw new Error(`PATCH answered ${response.status}: ${await response.text()}`);
        version = ((await response.json()) as { version: number }).version;
        landed.get(id)!.set(version, summary);
        if (answeredAt < backupStartedAt) landedBeforeBackup.set(id, version);
      }
    });
    await sleep(1500);
    backupStartedAt = performance.now();
    const backup = spawnSync(tsx, ["lib/cli/db-backup.ts", backupFile], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    const backupEndedAt = performance.now();
    await sleep(500);
    writing = false;
    await Promise.all(writers);
    reader.close();
    const copy = new Database(backupFile, { readonly: true });
    let missing = 0;
    let edits = 0;
    for (const id of dealIds) {
      const row = copy.prepare("SELECT version, summary FROM Deal WHERE id = ?").get(id) as { version: number; summary: string };
      edits += landed.get(id)!.size;
      if (row.version < landedBeforeBackup.get(id)!) missing += landedBeforeBackup.get(id)! - row.version;
      else if (landed.get(id)!.has(row.version) && landed.get(id)!.get(row.version) !== row.summary) missing++;
    }
    copy.close();
    lost += missing;
    cases.push({
      name: "db:backup during API writes: integrity ok, holds every edit landed before it began",
      ok: backup.status === 0 && /integrity ok/.test(backup.stdout) && missing === 0,
      detail: `${edits} edits landed during ${((backupEndedAt - backupStartedAt) / 1000).toFixed(1)} s of backup and around it; ${missing} edits landed before the backup missing from it; ${backup.stdout.trim() || backup.stderr.trim()}`,
    });
  } finally {
    await server.stop();
  }

  // Restore the backup over the live file and serve it again.
  const expected = new Database(backupFile, { readonly: true }).prepare("SELECT summary FROM Deal WHERE id = 1").get() as {
    summary: string;
  };
  const restore = spawnSync(tsx, ["lib/cli/db-restore.ts", backupFile], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  server = await startServer(url, port, LOAD_TEST_LIMITS);
  try {
    const deal = (await (await fetch(`${server.origin}/api/deals/1`)).json()) as { summary: string };
    cases.push({
      name: "db:restore brings the backup back on a restarted server",
      ok: restore.status === 0 && deal.summary === expected.summary,
      detail: `restore exit ${restore.status}; deal 1 reads "${deal.summary}"`,
    });
  } finally {
    await server.stop();
  }

  const unit = options.withVitest === false ? { cases: [] } : runVitestFile("tests/integration/backup.test.ts");
  cases.push(...unit.cases);
  for (const c of cases) log(`durability: ${c.ok ? "ok  " : "FAIL"} ${c.name} (${c.detail})`);
  const passed = cases.filter((c) => c.ok).length;
  const figures = `${cases.length} checks: pragmas read from the live server, backup during API writes, restore, and ${unit.cases.length} backup integration tests`;
  return { suite: "durability", tried: cases.length, passed, lost, figures, ok: passed === cases.length && lost === 0 };
}
