// `npm start`: prepares the database (migrate, seed when empty), builds the production app when the build is
// missing or older than the sources, then serves it on PORT (default 3000).
import { existsSync, readdirSync, statSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import { parseCommandLine } from "./args";
import { prepareDatabase } from "./prepare-db";
import { binPath, elapsed, runOrExit } from "./run";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "prisma/schema.prisma",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}

/**
 * The build's environment: an operator's bound on the heap (NODE_OPTIONS=--max-old-space-size) is for the server
 * (docs/operations.md, "Memory"), and `next build` needs more (it ran out of memory at 288 and 384 MB).
 */
export function buildEnv<E extends Record<string, string | undefined>>(env: E): E {
  const options = env.NODE_OPTIONS?.replace(/--max-old-space-size(?:=|\s+)\d+/g, "").trim();
  const rest: Record<string, string | undefined> = { ...env };
  delete rest.NODE_OPTIONS;
  return (options ? { ...rest, NODE_OPTIONS: options } : rest) as E;
}

async function main() {
  parseCommandLine({
    usage: "usage: npm start\n  migrates, seeds an empty database, builds when the sources changed, and serves on PORT (default 3000)",
    options: {},
  });
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  await prepareDatabase({ seed: true });
  if (!buildIsCurrent()) {
    const started = performance.now();
    console.log("building the production app (first start or changed sources)...");
    runOrExit(binPath("next"), ["build"], buildEnv(env));
    console.log(`built in ${elapsed(started)}`);
  }
  const port = process.env.PORT ?? "3000";
  const server = spawn(binPath("next"), ["start", "--port", port, ...(process.env.HOSTNAME ? ["--hostname", process.env.HOSTNAME] : [])], {
    stdio: "inherit",
    env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

// Only when run as a command: the reliability tests import buildIsCurrent without starting a server.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename))
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
