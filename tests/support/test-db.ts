// A real SQLite file in a temporary folder, built by `prisma migrate deploy` from the real migrations.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase } from "@/lib/prisma-client";

export type TestDb = { db: PrismaClient; url: string; file: string; dispose: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "deal-tracker-"));
  const file = path.join(dir, "test.db");
  const url = `file:${file}`;
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: "pipe",
  });
  const db = await openDatabase(url);
  return {
    db,
    url,
    file,
    dispose: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
