// The operators' commands beside a running app: with `next start` serving a database, user:create, token:create,
// import (dry run and real), export, db:backup and db:restore each run against that same database and succeed, the
// server keeps answering, and no command applies a migration (the database is up to date, so none is needed; running
// `prisma migrate deploy` anyway is what failed beside a server).
import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";
import { pendingSqliteMigrations } from "@/lib/cli/prepare-db";
import { BASE_PORT, freshDatabase, log, ROOT, startServer, WORK_DIR, type SuiteResult } from "./support";

type Outcome = { status: number | null; stdout: string; stderr: string };

function npmScript(args: string[], url: string): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", ...args],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: url } },
      (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

export async function runOperators(options: { port?: number } = {}): Promise<SuiteResult> {
  const { file, url } = freshDatabase("operators");
  const migrationsBefore = (
    new Database(file, { readonly: true }).prepare("SELECT COUNT(*) AS n FROM _prisma_migrations").get() as { n: number }
  ).n;
  const cases: { name: string; ok: boolean; detail: string }[] = [];
  const server = await startServer(url, options.port ?? BASE_PORT + 5);
  const csv = path.join(WORK_DIR, "operators-import.csv");
  const exported = path.join(WORK_DIR, "operators-export.csv");
  const backup = path.join(WORK_DIR, "operators-backup.db");
  for (const f of [csv, exported, backup]) rmSync(f, { force: true });
  writeFileSync(
    csv,
    `${DEAL_CSV_COLUMNS.join(",")}\n2026-06-01,Operator Capital,Operator Labs,equity,announced,Seed,100,100,exact,USD,100,,,Test,https://example.com/operators,Example,2026-06-01\n`,
  );
  try {
    const check = (name: string, outcome: Outcome, ok: boolean) =>
      cases.push({
        name,
        ok: outcome.status === 0 && ok,
        detail: `exit ${outcome.status}; ${(outcome.stderr || outcome.stdout).trim().slice(-300)}`,
      });
    const user = await npmScript(
      ["user:create", "--", "--email", "operator@example.com", "--password", "operator-password-1", "--role", "admin"],
      url,
    );
    check("user:create beside the server", user, /created admin operator@example\.com/.test(user.stdout));
    const token = await npmScript(["token:create", "--", "--email", "operator@example.com", "--name", "operators"], url);
    check("token:create beside the server", token, /^\S{20,}$/.test(token.stdout.trim()));
    const dry = await npmScript(["import", "--", csv, "--dry-run"], url);
    check("import --dry-run beside the server", dry, /dry run, nothing written: would create 1 deals/.test(dry.stdout));
    const real = await npmScript(["import", "--", csv], url);
    check("import beside the server", real, /created 1 deals/.test(real.stdout));
    const search = await fetch(`${server.origin}/api/deals?q=Operator%20Labs`);
    const found = search.ok ? ((await search.json()) as { total?: number }).total : undefined;
    cases.push({ name: "the server shows the imported deal", ok: found === 1, detail: `${search.status} total ${found}` });
    const exportRun = await npmScript(["export", "--", exported, "--query", "q=Operator Labs"], url);
    check("export beside the server", exportRun, exportRun.status === 0 && readFileSync(exported, "utf8").includes("Operator Labs"));
    const backupRun = await npmScript(["db:backup", "--", backup], url);
    check("db:backup beside the server", backupRun, /integrity ok/.test(backupRun.stdout));
    const restoreRun = await npmScript(["db:restore", "--", backup], url);
    check("db:restore beside the server", restoreRun, /integrity ok/.test(restoreRun.stdout));
    const health = await fetch(`${server.origin}/api/health`);
    cases.push({ name: "the server still answers", ok: health.ok, detail: String(health.status) });
    const migrationsAfter = (
      new Database(file, { readonly: true }).prepare("SELECT COUNT(*) AS n FROM _prisma_migrations").get() as { n: number }
    ).n;
    cases.push({
      name: "no migration was applied, and none is pending",
      ok: migrationsAfter === migrationsBefore && pendingSqliteMigrations(file).length === 0,
      detail: `${migrationsBefore} -> ${migrationsAfter} applied`,
    });
    if (cases.some((c) => !c.ok)) log(`operators: server log tail:\n${server.output().slice(-2000)}`);
  } finally {
    await server.stop();
  }
  for (const c of cases) log(`operators: ${c.ok ? "ok  " : "FAIL"} ${c.name} (${c.detail})`);
  const passed = cases.filter((c) => c.ok).length;
  return {
    suite: "operators",
    tried: cases.length,
    passed,
    lost: 0,
    figures: `${cases.length} operator commands and checks beside a running server`,
    ok: passed === cases.length,
  };
}
