// Bad input: the corpus of malformed CSV files, form submissions and API parameters
// (tests/integration/bad-input.test.ts), read back from the figures line it prints.
import { log, type SuiteResult } from "./support";
import { runVitestFile } from "./vitest-suite";

export function runBadInput(): SuiteResult {
  const { cases, output } = runVitestFile("tests/integration/bad-input.test.ts");
  const line = /bad input: (\d+) CSV cases, (\d+) form cases, (\d+) API cases tried; (\d+) failed; (\d+) partial writes/.exec(output);
  const failedTests = cases.filter((c) => !c.ok);
  for (const c of failedTests) log(`bad input: FAIL ${c.name}: ${c.detail}`);
  if (!line) {
    log("bad input: the test printed no figures line");
    return {
      suite: "bad input",
      tried: cases.length,
      passed: cases.length - failedTests.length,
      lost: 0,
      figures: "no figures line",
      ok: false,
    };
  }
  const [csv, form, api, failed, partial] = line.slice(1).map(Number);
  const tried = csv + form + api;
  const figures = `${csv} CSV cases, ${form} form cases, ${api} API cases; ${failed} failed; ${partial} partial writes (counted as data lost)`;
  log(`bad input: ${figures}`);
  return {
    suite: "bad input",
    tried,
    passed: tried - failed,
    lost: partial,
    figures,
    ok: failedTests.length === 0 && failed === 0 && partial === 0,
  };
}
