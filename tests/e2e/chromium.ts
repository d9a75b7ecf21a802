// Finds the Chromium the browser tests drive: CHROMIUM_PATH, or Debian's /usr/bin/chromium, installed with apt-get
// when it is missing and this user may. Never skips: without a browser it stops and says what to run.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const INSTALL = "sudo apt-get update && sudo apt-get install -y chromium";

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  }
  const canApt = process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!canApt) {
    throw new Error(
      `Chromium is needed for the browser tests and was not found. Install it with:\n  ${INSTALL}\nor set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  console.log("Chromium not found: installing Debian's chromium with apt-get...");
  execFileSync("apt-get", ["update"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed chromium but no binary was found at ${CANDIDATES.join(" or ")}.`);
  return installed;
}
