// Every operator command refuses an argument it does not know (a typo must not do the real thing) and prints its
// usage on --help. The commands run as operators run them (tsx), on a database of their own.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCommandLine } from "@/lib/cli/args";
import { DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";
import { createTestDb, type TestDb } from "@/tests/support/test-db";

const COMMANDS = [
  "lib/cli/user-create.ts",
  "lib/cli/token-create.ts",
  "lib/cli/import.ts",
  "lib/cli/export.ts",
  "lib/cli/db-backup.ts",
  "lib/cli/db-restore.ts",
  "lib/cli/seed.ts",
  "lib/cli/prepare-db.ts",
  "lib/cli/synth.ts",
  "lib/cli/db-schema.ts",
  "lib/cli/start.ts",
];

/** Runs a command as its npm script does (export needs React's server build); asynchronously, so that Vitest's worker
 * stays responsive while the commands start. */
function run(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const conditions = script.endsWith("export.ts") ? ["--conditions=react-server"] : [];
  return new Promise((resolve) => {
    execFile(
      path.join("node_modules", ".bin", "tsx"),
      [...conditions, script, ...args],
      { encoding: "utf8", env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

describe("reading a command line", () => {
  const spec = {
    usage: "usage: npm run import -- FILE [--dry-run]",
    options: { "dry-run": "boolean", actor: "string" },
    positionals: 1,
  } as const;

  it("returns the known flags, options and arguments", () => {
    expect(readCommandLine(["a.csv", "--dry-run", "--actor", "me"], spec)).toEqual({
      ok: true,
      values: { "dry-run": true, actor: "me" },
      positionals: ["a.csv"],
    });
  });

  it("refuses an unknown flag with the usage", () => {
    const line = readCommandLine(["a.csv", "--dryrun"], spec);
    expect(line).toMatchObject({ ok: false, exitCode: 2 });
    expect(!line.ok && line.message).toMatch(/--dryrun[\s\S]*usage: npm run import/);
  });

  it("refuses an extra argument and a flag given a value it does not take", () => {
    expect(readCommandLine(["a.csv", "b.csv"], spec)).toMatchObject({ ok: false, exitCode: 2 });
    expect(readCommandLine(["a.csv", "--dry-run=yes"], spec)).toMatchObject({ ok: false, exitCode: 2 });
  });

  it("answers --help with the usage", () => {
    expect(readCommandLine(["--help"], spec)).toEqual({ ok: false, exitCode: 0, message: spec.usage });
  });
});

describe("every operator command", () => {
  let dir: string;
  let testDb: TestDb;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "cli-arguments-"));
    testDb = await createTestDb({ provider: "sqlite" });
  });
  afterAll(async () => {
    await testDb.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(COMMANDS)("%s prints its usage on --help and refuses --no-such-flag", async (script) => {
    const [help, typo] = await Promise.all([
      run(script, ["--help"], { DATABASE_URL: testDb.url }),
      run(script, ["--no-such-flag"], { DATABASE_URL: testDb.url }),
    ]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: /);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/--no-such-flag[\s\S]*usage: /);
  });

  it("a misspelt --dry-run imports nothing", async () => {
    const file = path.join(dir, "one.csv");
    // A valid row: with the flag ignored, it would be imported.
    const row =
      "2026-06-01,Typo Capital,Typo Labs,equity,announced,Seed,100,100,exact,USD,100,,,Test,https://example.com/x,Example,2026-06-01";
    writeFileSync(file, `${DEAL_CSV_COLUMNS.join(",")}\n${row}\n`);
    const before = await testDb.db.deal.count();
    const typo = await run("lib/cli/import.ts", [file, "--dryrun"], { DATABASE_URL: testDb.url });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("usage: npm run import");
    expect(await testDb.db.deal.count()).toBe(before);
  });
});
