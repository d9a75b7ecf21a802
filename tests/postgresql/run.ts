// `npm run test:pg`: the integration suite, the SQLite-beside-PostgreSQL comparison and the two-process test on a
// throwaway PostgreSQL cluster. Installs nothing: where PostgreSQL's server programs exist (Debian's `postgresql`
// package puts initdb and pg_ctl in /usr/lib/postgresql/<version>/bin; PG_BIN or the PATH also work) it creates a
// cluster in a temporary folder (initdb), starts it on a free local port (pg_ctl), runs the tests against it, then
// stops it and removes the folder. Without those programs it says so and exits 0. initdb refuses to run as root, so
// under root the cluster runs as the `postgres` OS user (PG_TEST_OS_USER to choose another) via runuser.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { findPostgresProgram } from "../../lib/postgresql/binaries";

const started = performance.now();
const initdb = findPostgresProgram("initdb");
const pgCtl = findPostgresProgram("pg_ctl");
if (!initdb || !pgCtl) {
  console.log(
    "test:pg skipped: PostgreSQL binaries not found (initdb and pg_ctl; looked in /usr/lib/postgresql/*/bin, PG_BIN and PATH). On Debian: apt-get install postgresql",
  );
  process.exit(0);
}

function freePort(): Promise<number> {
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
  if (uid.status !== 0) {
    console.error(
      `test:pg runs as root, and initdb refuses root: it needs an unprivileged OS user "${name}" (Debian's postgresql package creates "postgres"; set PG_TEST_OS_USER to use another)`,
    );
    process.exit(1);
  }
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

async function main(): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "deal-tracker-pg-"));
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) {
    const { uid, gid } = osUserIds(process.env.PG_TEST_OS_USER ?? "postgres");
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const port = Number(process.env.PG_TEST_PORT) || (await freePort());
  let running = false;
  const stop = () => {
    if (running) asClusterOwner(pgCtl!, ["stop", "-D", data, "-m", "fast", "-w"]);
    running = false;
    rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  try {
    // C collation: text sorts byte by byte, as in SQLite, so lists come out in the same order on both.
    const init = asClusterOwner(initdb!, ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
    // A test cluster: durability off (fsync, synchronous commit) for speed; it is deleted at the end anyway.
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    const start = asClusterOwner(pgCtl!, ["start", "-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "-o", settings]);
    if (start.status !== 0) throw new Error(`pg_ctl start failed:\n${start.stdout}${start.stderr}`);
    running = true;
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    console.log(`test:pg: throwaway PostgreSQL cluster (${path.basename(path.dirname(path.dirname(initdb!)))}) at ${url}, data in ${data}`);
    const env = { ...process.env, TEST_POSTGRES_URL: url, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" };
    const vitest = path.join("node_modules", ".bin", "vitest");
    const extra = process.argv.slice(2);
    const args = extra.length > 0 ? ["run", ...extra] : ["run", "--project", "integration", "--project", "postgresql"];
    const result = spawnSync(vitest, args, { stdio: "inherit", env });
    return result.status ?? 1;
  } finally {
    stop();
    console.log(`test:pg: cluster stopped and removed; ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
