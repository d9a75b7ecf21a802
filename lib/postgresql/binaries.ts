// Finds PostgreSQL's programs (pg_dump, pg_restore, initdb, pg_ctl): the newest Debian/Ubuntu install under
// /usr/lib/postgresql/<version>/bin, then PG_BIN, then the PATH. Returns null when the program is not installed.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export function findPostgresProgram(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs: string[] = [];
  if (env.PG_BIN) dirs.push(env.PG_BIN);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  dirs.push(...(env.PATH ?? "").split(path.delimiter).filter(Boolean));
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export function requirePostgresProgram(name: string): string {
  const found = findPostgresProgram(name);
  if (!found)
    throw new Error(`${name} not found: install PostgreSQL's client programs (Debian: apt-get install postgresql-client) or set PG_BIN`);
  return found;
}
