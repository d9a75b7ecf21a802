// `npm run test:pg`: the integration suite, the SQLite-beside-PostgreSQL comparison and the two-process test on a
// throwaway PostgreSQL cluster. Installs nothing: where PostgreSQL's server programs exist (Debian's `postgresql`
// package puts initdb and pg_ctl in /usr/lib/postgresql/<version>/bin; PG_BIN or the PATH also work) it creates a
// cluster in a temporary folder (initdb), starts it on a free local port (pg_ctl), runs the tests against it, then
// stops it and removes the folder (lib/postgresql/throwaway-cluster.ts, which the benchmark uses too). Without those
// programs it says so and exits 0.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { MISSING_POSTGRESQL, startThrowawayCluster } from "../../lib/postgresql/throwaway-cluster";

const started = performance.now();

async function main(): Promise<number> {
  const cluster = await startThrowawayCluster(Number(process.env.PG_TEST_PORT) || undefined);
  if (!cluster) {
    console.log(`test:pg skipped: ${MISSING_POSTGRESQL}`);
    return 0;
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      cluster.stop();
      process.exit(130);
    });
  try {
    const { url } = cluster;
    console.log(`test:pg: throwaway PostgreSQL cluster (${cluster.version}) at ${url}, data in ${cluster.data}`);
    const env = { ...process.env, TEST_POSTGRES_URL: url, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" };
    const vitest = path.join("node_modules", ".bin", "vitest");
    const extra = process.argv.slice(2);
    const args = extra.length > 0 ? ["run", ...extra] : ["run", "--project", "integration", "--project", "postgresql"];
    const result = spawnSync(vitest, args, { stdio: "inherit", env });
    return result.status ?? 1;
  } finally {
    cluster.stop();
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
