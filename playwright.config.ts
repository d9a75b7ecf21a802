import { defineConfig, devices } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_PORT } from "./tests/e2e/settings";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  // Tests wait on states; these bounds only say how long a state may take on a loaded 2-core machine (a client-side
  // navigation waits for the next page's whole render, since no route streams a loading.tsx; a share card is drawn
  // on first request). Generous bounds cost nothing when the state comes sooner.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // The read-only specs check figures against the shipped seed, so the specs that edit data run after them all.
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /editing\.spec\.ts$/ },
    { name: "editing", use: { ...devices["Desktop Chrome"] }, testMatch: /editing\.spec\.ts$/, dependencies: ["chromium"] },
  ],
  webServer: {
    // The same script as `npm start`: migrate, seed the empty database, build when needed, serve.
    command: "node_modules/.bin/tsx lib/cli/start.ts",
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // The specs connect from this machine and name themselves as separate clients with X-Forwarded-For (api-limits),
    // as a proxy on this machine would: so this machine is the trusted proxy.
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      PORT: String(E2E_PORT),
      HOSTNAME: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      TRUST_PROXY: "127.0.0.1",
    },
  },
});
