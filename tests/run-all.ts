// `npm test`: the whole suite in order — lint, the formatter's check, type check, unit and integration tests (Vitest, real SQLite),
// then the browser tests on the production build (Playwright in Chromium), then the short reliability suites.
// Stops at the first failing step.
import { spawnSync } from "node:child_process";
import path from "node:path";

const bin = (name: string) => path.join("node_modules", ".bin", name);
const steps: [string, string, string[]][] = [
  ["lint", bin("eslint"), ["--max-warnings", "0", "."]],
  ["format check", bin("prettier"), ["--check", "."]],
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["unit and integration tests", bin("vitest"), ["run"]],
  ["end-to-end tests", bin("tsx"), ["tests/e2e/run.ts"]],
  // Short versions of the reliability suites (tests/reliability), on the production build the step above made.
  ["reliability (short)", bin("tsx"), ["tests/reliability/run.ts", "--short"]],
];

const timings: string[] = [];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  timings.push(`${name}: ${seconds} s`);
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\nAll steps passed.\n${timings.join("\n")}`);
