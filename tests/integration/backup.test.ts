import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, checkIntegrity } from "@/lib/cli/db-backup";
import { restoreDatabase } from "@/lib/cli/db-restore";
import { openDatabase } from "@/lib/prisma-client";
import { seedDatabase } from "@/lib/seed/seed-database";
import { createTestDb, testPostgresUrl, type TestDb } from "../support/test-db";

let t: TestDb;
let dir: string;
beforeAll(async () => {
  if (testPostgresUrl()) return;
  t = await createTestDb();
  await seedDatabase(t.db);
  dir = mkdtempSync(path.join(os.tmpdir(), "deal-backup-"));
});
afterAll(async () => {
  await t?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

// SQLite files only; the PostgreSQL backup (pg_dump) is tested in backup-postgresql.test.ts.
describe.skipIf(testPostgresUrl() !== null)("backup and restore", () => {
  it("copies a live database while another process writes, and the copy passes integrity_check", async () => {
    const target = path.join(dir, "backup.db");
    // A separate process writes as fast as it can, as the app server would, so the backup truly runs among writes.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `
      const db = new (require("better-sqlite3"))(${JSON.stringify(t.file)});
      db.pragma("busy_timeout = 10000");
      const update = db.prepare("UPDATE Deal SET summary = ? WHERE id = 1");
      let n = 0;
      process.stdout.write("ready\\n");
      for (;;) update.run("edit " + n++);
    `,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve) => writer.stdout!.once("data", () => resolve()));
    const editNumber = async () => Number((await t.db.deal.findUniqueOrThrow({ where: { id: 1 } })).summary.replace("edit ", ""));
    await new Promise((r) => setTimeout(r, 200));
    const before = await editNumber();
    const result = await backupDatabase(t.file, target);
    const after = await editNumber();
    writer.kill("SIGKILL");
    expect(after).toBeGreaterThan(before);
    expect(result.integrity).toBe("ok");
    const copy = await openDatabase(`file:${target}`);
    const copied = Number((await copy.deal.findUniqueOrThrow({ where: { id: 1 } })).summary.replace("edit ", ""));
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(after);
    expect(await copy.deal.count()).toBe(await t.db.deal.count());
    await copy.$disconnect();
  });

  it("restores a backup over the database, bringing back what was there", async () => {
    const target = path.join(dir, "before-edit.db");
    await backupDatabase(t.file, target);
    const original = (await t.db.deal.findUniqueOrThrow({ where: { id: 2 } })).summary;
    await t.db.deal.update({ where: { id: 2 }, data: { summary: "a mistake" } });
    await t.db.$disconnect();
    await restoreDatabase(target, t.file);
    expect(checkIntegrity(t.file)).toBe("ok");
    const reopened = await openDatabase(t.url);
    expect((await reopened.deal.findUniqueOrThrow({ where: { id: 2 } })).summary).toBe(original);
    t.db = reopened;
  });

  it("refuses to restore a file that is not a sound database", async () => {
    const bogus = path.join(dir, "bogus.db");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(bogus, "not a database");
    await expect(restoreDatabase(bogus, t.file)).rejects.toThrow();
    expect(await t.db.deal.count()).toBeGreaterThan(0);
  });
});
