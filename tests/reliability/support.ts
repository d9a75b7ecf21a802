// What the reliability suites share: a seeded template database, the production server started on its own port and
// database (killable by process group), editors with API tokens, and the server's memory from /proc.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createApiToken, createUser } from "@/lib/auth/accounts";
import { buildIsCurrent } from "@/lib/cli/start";
import { openDatabase } from "@/lib/prisma-client";

export const ROOT = process.cwd();
export const WORK_DIR = process.env.RELIABILITY_DIR
  ? path.resolve(process.env.RELIABILITY_DIR)
  : path.join(ROOT, "tests", ".tmp", "reliability");
export const BASE_PORT = Number(process.env.RELIABILITY_PORT ?? 3230);
/** Limits high enough that the load tests measure the database, not the rate limiter. */
export const LOAD_TEST_LIMITS = {
  RATE_LIMIT_API_READS: "10000000",
  RATE_LIMIT_API_WRITES: "10000000",
  RATE_LIMIT_TOKEN_WRITES: "10000000",
};

export type SuiteResult = { suite: string; tried: number; passed: number; lost: number; figures: string; ok: boolean };

export function log(message: string) {
  console.log(`[reliability] ${message}`);
}

const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");

/** Builds the production app when the build is missing or older than the sources (as `npm start` does). */
export function ensureBuild() {
  if (buildIsCurrent()) return;
  log("building the production app...");
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

let template: string | null = null;

/** A fresh copy of a migrated and seeded database (the template is made once per run with the operators' command). */
export function freshDatabase(name: string): { file: string; url: string } {
  mkdirSync(WORK_DIR, { recursive: true });
  if (!template) {
    template = path.join(WORK_DIR, "template.db");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(template + suffix, { force: true });
    const seeded = spawnSync(tsx, ["lib/cli/seed.ts"], { stdio: "pipe", env: { ...process.env, DATABASE_URL: `file:${template}` } });
    if (seeded.status !== 0) throw new Error(`seeding the template failed: ${seeded.stderr}`);
  }
  const file = path.join(WORK_DIR, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  copyFileSync(template, file);
  return { file, url: `file:${file}` };
}

export type Editor = { email: string; token: string };

/** Editors with an API token each, written as the admin pages write them. */
export async function createEditors(url: string, count: number, prefix: string): Promise<Editor[]> {
  const db = await openDatabase(url);
  try {
    const editors: Editor[] = [];
    for (let i = 0; i < count; i++) {
      const email = `${prefix}-${i}@example.com`;
      const user = await createUser(db, { email, password: `reliability-password-${i}`, role: "editor" });
      editors.push({ email, token: (await createApiToken(db, user.id, `${prefix}-${i}`)).token });
    }
    return editors;
  } finally {
    await db.$disconnect();
  }
}

export type Server = {
  port: number;
  origin: string;
  pid: number;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
};

/** Starts `next start` on the production build, in its own process group, and waits for /api/health. */
export async function startServer(url: string, port: number, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, ...env },
    },
  );
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const killGroup = async (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
    await exited;
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited while starting:\n${output}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 90_000) {
      await killGroup("SIGKILL");
      throw new Error(`the server did not answer /api/health within 90 s:\n${output}`);
    }
    await sleep(100);
  }
  return { port, origin, pid: child.pid!, child, output: () => output, stop: () => killGroup("SIGTERM"), kill: () => killGroup("SIGKILL") };
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resident memory in bytes of a process and its descendants (the Next server may run workers). */
export function residentBytes(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // exited meanwhile
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `tasks` with at most `concurrency` at a time. */
export async function pool<T>(concurrency: number, count: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

export function removeDatabase(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) rmSync(file + suffix, { force: true });
}

export function formatMb(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
