// `npm run test:e2e`: makes sure Chromium is there, starts from a fresh database, builds the production app when its
// sources changed, and runs Playwright against it (playwright.config.ts starts it with `npm start`'s own script).
// The build runs here rather than inside the web server's start: Playwright gives a server a fixed time to answer,
// and a build on a loaded machine can take longer than any fixed time; here it takes what it takes.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { buildIsCurrent } from "../../lib/cli/start";
import { ensureChromium } from "./chromium";
import { E2E_DATABASE_URL, E2E_DB_DIR, E2E_EDITOR } from "./settings";

try {
  process.env.CHROMIUM_PATH = ensureChromium();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
rmSync(E2E_DB_DIR, { recursive: true, force: true });
// Migrate and seed the fresh database and add the editor the specs sign in as, with the operators' own commands.
const env = { ...process.env, DATABASE_URL: E2E_DATABASE_URL };
const tsx = path.join("node_modules", ".bin", "tsx");
for (const args of [
  ["lib/cli/seed.ts"],
  ["lib/cli/user-create.ts", "--email", E2E_EDITOR.email, "--password", E2E_EDITOR.password, "--role", "editor"],
]) {
  const step = spawnSync(tsx, args, { stdio: "inherit", env });
  if (step.status !== 0) process.exit(step.status ?? 1);
}
if (!buildIsCurrent()) {
  const build = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync(path.join("node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: process.env,
});
process.exit(result.status ?? 1);
