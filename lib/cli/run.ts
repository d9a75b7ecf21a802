// Small helpers shared by the operator commands in lib/cli.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export function binPath(name: string): string {
  return path.join(process.cwd(), "node_modules", ".bin", name);
}

/** Runs a command with inherited output; exits this process with its code if it fails. */
export function runOrExit(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, quiet = false): void {
  const result = spawnSync(command, args, { stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${path.basename(command)} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

export function elapsed(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}

/** Loads .env.local then .env (as Next.js does) so the operator commands see the same settings as the server. */
export function loadEnvFiles(root = process.cwd()): void {
  for (const file of [".env.local", ".env"]) {
    const full = path.join(root, file);
    if (existsSync(full)) process.loadEnvFile(full);
  }
}
