// When the data last changed (lib/data/data-version.ts): the newest revision's id is the data version and its time is
// the date every page and embed shows, read in one lookup on SQLite and PostgreSQL alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDataState, readDataVersion } from "@/lib/data/data-version";
import { recordRevision } from "@/lib/revisions";
import { seedDatabase } from "@/lib/seed/seed-database";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.dispose();
});

describe("the data state", () => {
  it("has no date before any write, then the newest revision's id and time", async () => {
    expect(await readDataState(t.db)).toEqual({ version: "0", changedAt: null });

    await seedDatabase(t.db);
    const newest = await t.db.revision.findFirstOrThrow({ orderBy: { id: "desc" } });
    const seeded = await readDataState(t.db);
    expect(seeded).toEqual({ version: String(newest.id), changedAt: newest.createdAt.toISOString() });
    expect(await readDataVersion(t.db)).toBe(seeded.version);

    const later = new Date(Date.parse(seeded.changedAt as string) + 60_000);
    await t.db.$transaction((tx) =>
      recordRevision(tx, { entityType: "deal", entityId: 1, action: "update", actor: "test", before: null, after: null }),
    );
    await t.db.revision.updateMany({ where: { id: { gt: newest.id } }, data: { createdAt: later } });
    const edited = await readDataState(t.db);
    expect(Number(edited.version)).toBeGreaterThan(newest.id);
    expect(edited.changedAt).toBe(later.toISOString());
  });
});
