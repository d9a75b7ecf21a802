// A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, pg_ctl start on a free local
// port, and stop-and-remove at the end. Installs nothing: where PostgreSQL's server programs are missing it returns
// null with the reason. initdb refuses to run as root, so under root the cluster runs as the `postgres` OS user
// (PG_TEST_OS_USER to choose another) via runuser.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { findPostgresProgram } from "./binaries";

export type ThrowawayCluster = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  data: string;
  /** Which PostgreSQL, e.g. "15". */
  version: string;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): void;
};

export const MISSING_POSTGRESQL =
  "PostgreSQL binaries not found (initdb and pg_ctl; looked in /usr/lib/postgresql/*/bin, PG_BIN and PATH). On Debian: apt-get install postgresql";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL server program, as an unprivileged OS user when this process is root. */
function asClusterOwner(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const user = process.getuid?.() === 0 ? (process.env.PG_TEST_OS_USER ?? "postgres") : null;
  const [program, argv] = user ? ["runuser", ["-u", user, "--", command, ...args]] : [command, args];
  return spawnSync(program, argv, { encoding: "utf8", cwd: os.tmpdir(), ...options });
}

function osUserIds(name: string): { uid: number; gid: number } {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0)
    throw new Error(
      `this runs as root, and initdb refuses root: it needs an unprivileged OS user "${name}" (Debian's postgresql package creates "postgres"; set PG_TEST_OS_USER to use another)`,
    );
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/**
 * Creates and starts a cluster, or returns null when PostgreSQL is not installed. Durability is off (fsync,
 * synchronous commit, full pages): the cluster is deleted at the end anyway. C collation: text sorts byte by byte, as
 * in SQLite, so lists come out in the same order on both.
 */
export async function startThrowawayCluster(port?: number): Promise<ThrowawayCluster | null> {
  const initdb = findPostgresProgram("initdb");
  const pgCtl = findPostgresProgram("pg_ctl");
  if (!initdb || !pgCtl) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), "deal-tracker-pg-"));
  const data = path.join(dir, "data");
  let running = false;
  const stop = () => {
    if (running) asClusterOwner(pgCtl, ["stop", "-D", data, "-m", "fast", "-w"]);
    running = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (process.getuid?.() === 0) {
      const { uid, gid } = osUserIds(process.env.PG_TEST_OS_USER ?? "postgres");
      chownSync(dir, uid, gid);
    }
    chmodSync(dir, 0o700);
    const listen = port ?? (await freePort());
    const init = asClusterOwner(initdb, ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
    const settings = `-p ${listen} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    const start = asClusterOwner(pgCtl, ["start", "-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "-o", settings]);
    if (start.status !== 0) throw new Error(`pg_ctl start failed:\n${start.stdout}${start.stderr}`);
    running = true;
    return {
      url: `postgresql://postgres@127.0.0.1:${listen}/postgres`,
      data,
      version: path.basename(path.dirname(path.dirname(initdb))),
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
