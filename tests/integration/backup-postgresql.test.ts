// db:backup and db:restore on PostgreSQL (pg_dump / pg_restore), run by `npm run test:pg`; skipped on SQLite.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/seed/seed-database";
import { createTestDb, testPostgresUrl, type TestDb } from "../support/test-db";

const onPostgres = testPostgresUrl() !== null;
let t: TestDb;
let dir: string;
beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestDb();
  await seedDatabase(t.db);
  dir = mkdtempSync(path.join(os.tmpdir(), "deal-pg-backup-"));
});
afterAll(async () => {
  await t?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function cli(script: string, args: string[]) {
  return spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), `lib/cli/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: t.url },
    encoding: "utf8",
  });
}

describe.skipIf(!onPostgres)("backup and restore on PostgreSQL", () => {
  it("npm run db:backup dumps a live database while another process writes, and the dump restores", async () => {
    const target = path.join(dir, "live.dump");
    // Another process writes as fast as it can, as an app server would.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `
      const pg = require("pg");
      const c = new pg.Client({ connectionString: ${JSON.stringify(t.url)} });
      c.connect().then(async () => {
        process.stdout.write("ready\\n");
        for (let n = 0; ; n++) await c.query('UPDATE "Deal" SET summary = $1 WHERE id = 1', ["edit " + n]);
      });
    `,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve) => writer.stdout!.once("data", () => resolve()));
    const editNumber = async () => Number((await t.db.deal.findUniqueOrThrow({ where: { id: 1 } })).summary.replace("edit ", ""));
    await new Promise((r) => setTimeout(r, 200));
    const before = await editNumber();
    const backup = cli("db-backup", [target]);
    const after = await editNumber();
    writer.kill("SIGKILL");
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/with pg_dump: \d+ tables/);
    expect(after).toBeGreaterThan(before);

    // Restore the dump into an empty database of its own and compare.
    const copy = await createTestDb();
    try {
      const restored = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "lib/cli/db-restore.ts", target], {
        env: { ...process.env, DATABASE_URL: copy.url },
        encoding: "utf8",
      });
      expect(restored.status, restored.stderr).toBe(0);
      const copied = Number((await copy.db.deal.findUniqueOrThrow({ where: { id: 1 } })).summary.replace("edit ", ""));
      expect(copied).toBeGreaterThanOrEqual(before);
      expect(copied).toBeLessThanOrEqual(after);
      expect(await copy.db.deal.count()).toBe(await t.db.deal.count());
      expect(await copy.db.organization.count()).toBe(await t.db.organization.count());
    } finally {
      await copy.dispose();
    }
  });

  it("npm run db:restore brings back what was there", async () => {
    const target = path.join(dir, "before-edit.dump");
    expect(cli("db-backup", [target]).status).toBe(0);
    const original = (await t.db.deal.findUniqueOrThrow({ where: { id: 2 } })).summary;
    await t.db.deal.update({ where: { id: 2 }, data: { summary: "a mistake" } });
    await t.db.$disconnect();
    const restored = cli("db-restore", [target]);
    expect(restored.status, restored.stderr).toBe(0);
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: 2 } })).summary).toBe(original);
  });

  it("refuses to restore a file that is not a dump, and changes nothing", async () => {
    const bogus = path.join(dir, "bogus.dump");
    writeFileSync(bogus, "not a dump");
    const count = await t.db.deal.count();
    const restored = cli("db-restore", [bogus]);
    expect(restored.status).not.toBe(0);
    expect(restored.stderr).toMatch(/pg_restore failed/);
    expect(await t.db.deal.count()).toBe(count);
  });
});
