// Small helpers shared by the operator commands in lib/cli.
import { spawnSync } from "node:child_process";
import path from "node:path";

export function binPath(name: string): string {
  return path.join(process.cwd(), "node_modules", ".bin", name);
}

/** Runs a command with inherited output; exits this process with its code if it fails. */
export function runOrExit(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${path.basename(command)} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

export function elapsed(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}
