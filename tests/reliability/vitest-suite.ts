// Runs one Vitest file as a child process and reads its JSON report: each test a case, plus what it printed.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT, WORK_DIR } from "./support";

type JsonReport = { testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[] };

export function runVitestFile(file: string): { cases: { name: string; ok: boolean; detail: string }[]; output: string } {
  const report = path.join(WORK_DIR, `${path.basename(file)}.json`);
  rmSync(report, { force: true });
  const result = spawnSync(
    path.join(ROOT, "node_modules", ".bin", "vitest"),
    ["run", file, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    { encoding: "utf8", env: process.env },
  );
  const output = `${result.stdout}\n${result.stderr}`;
  let parsed: JsonReport;
  try {
    parsed = JSON.parse(readFileSync(report, "utf8")) as JsonReport;
  } catch {
    return { cases: [{ name: `${file} ran`, ok: false, detail: output.slice(-2000) }], output };
  }
  const cases = parsed.testResults.flatMap((r) =>
    r.assertionResults.map((a) => ({
      name: a.fullName,
      ok: a.status === "passed",
      detail: a.status === "passed" ? file : a.failureMessages.join("\n").slice(0, 500),
    })),
  );
  return { cases, output };
}
