// `npm run test:e2e`: makes sure Chromium is there, starts from a fresh database, and runs Playwright against
// the production build (playwright.config.ts starts it with `npm start`'s own script).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./chromium";
import { E2E_DB_DIR } from "./settings";

try {
  process.env.CHROMIUM_PATH = ensureChromium();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
rmSync(E2E_DB_DIR, { recursive: true, force: true });
const result = spawnSync(path.join("node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
process.exit(result.status ?? 1);
