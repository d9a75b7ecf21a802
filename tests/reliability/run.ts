// `npm run test:reliability`: durability, concurrency, crash, soak, errors, bad-input and operators suites against the production
// build, then a summary table (suite | cases tried | passed | data lost). Exits non-zero unless every suite passed
// and no data was lost.
//   --short            the version `npm test` runs: 3 kills, a 20 s soak (memory reported, not judged), and no
//                      re-run of the two Vitest files (the Vitest step of `npm test` has just run them)
//   --soak-seconds N   soak length (default 300, short 20); also RELIABILITY_SOAK_SECONDS
//   --kills N          crash test kills (default 20, short 3)
//   --only a,b         run only these suites (durability, concurrency, crash, soak, errors, bad-input, operators)
// Servers listen on RELIABILITY_PORT (default 3230) and the next five ports.
import { rmSync } from "node:fs";
import { runBadInput } from "./bad-input";
import { runConcurrency } from "./concurrency";
import { runCrash } from "./crash";
import { runDurability } from "./durability";
import { runErrors } from "./errors";
import { runOperators } from "./operators";
import { runSoak } from "./soak";
import { ensureBuild, log, WORK_DIR, type SuiteResult } from "./support";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const short = process.argv.includes("--short");
const soakSeconds = Number(option("--soak-seconds") ?? process.env.RELIABILITY_SOAK_SECONDS ?? (short ? 20 : 300));
const kills = Number(option("--kills") ?? (short ? 3 : 20));
const only = option("--only")?.split(",");
/** In short mode the two Vitest files are left to the Vitest step of `npm test`, which has just run them. */
const want = (suite: string) => {
  const name = suite === "durability-vitest" ? "durability" : suite;
  if (only) return only.includes(name) && !(short && suite !== name);
  return !(short && (suite === "bad-input" || suite === "durability-vitest"));
};

function table(results: SuiteResult[]): string {
  const rows = [
    ["suite", "cases tried", "passed", "data lost", ""],
    ...results.map((r) => [r.suite, String(r.tried), String(r.passed), String(r.lost), r.ok ? "ok" : "FAILED"]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  return [line(rows[0]), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}

async function main() {
  const started = performance.now();
  rmSync(WORK_DIR, { recursive: true, force: true });
  ensureBuild();
  const results: SuiteResult[] = [];
  const suites: [string, () => Promise<SuiteResult> | SuiteResult][] = [
    ["durability", () => runDurability({ withVitest: want("durability-vitest") })],
    ["concurrency", () => runConcurrency()],
    ["crash", () => runCrash({ kills, calibrate: !short })],
    ["soak", () => runSoak({ seconds: soakSeconds, checkMemory: !short })],
    ["errors", () => runErrors()],
    ["bad-input", () => runBadInput()],
    ["operators", () => runOperators()],
  ];
  for (const [name, run] of suites) {
    if (!want(name)) continue;
    const suiteStarted = performance.now();
    log(`--- ${name} ---`);
    try {
      results.push(await run());
    } catch (error) {
      log(`${name} could not run: ${(error as Error).stack ?? error}`);
      results.push({ suite: name, tried: 0, passed: 0, lost: 0, figures: "did not run", ok: false });
    }
    log(`${name} took ${((performance.now() - suiteStarted) / 1000).toFixed(1)} s`);
  }
  console.log(`\nReliability${short ? " (short)" : ""}: ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  console.log(table(results));
  console.log("");
  for (const r of results) console.log(`${r.suite}: ${r.figures}`);
  const failed = results.filter((r) => !r.ok || r.lost > 0);
  if (failed.length > 0) {
    console.error(`\nFAILED: ${failed.map((r) => r.suite).join(", ")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
