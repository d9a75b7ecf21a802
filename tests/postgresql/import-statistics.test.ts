// A write of tens of thousands of deals in one transaction refreshes PostgreSQL's statistics of the tables its market
// cells' deltas read by deal id (createDeals, refreshStatistics): planned for the tables as they stood before, the
// deltas of a 100,000-row import grew several times slower per batch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeals } from "@/lib/deals/write-deal";
import { loadDirectory } from "@/lib/import/apply-deal-import";
import { parseDealCsv } from "@/lib/import/parse-deal-csv";
import { planDealImport } from "@/lib/import/plan-deal-import";
import { seedDatabase } from "@/lib/seed/seed-database";
import { syntheticImportCsv } from "@/lib/synth/import-csv";
import { createTestDb, testPostgresUrl, type TestDb } from "../support/test-db";

const onPostgres = testPostgresUrl() !== null;
let t: TestDb;
beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestDb({ provider: "postgresql" });
  await seedDatabase(t.db);
});
afterAll(async () => t?.dispose());

describe.skipIf(!onPostgres)("a large write on PostgreSQL", () => {
  it("refreshes the statistics of the deals' tables inside its transaction, with its own rows counted", async () => {
    const plan = planDealImport(await parseDealCsv(syntheticImportCsv("statistics", 10_500, { compact: true })), await loadDirectory(t.db));
    expect(plan.errors).toEqual([]);
    const estimated = (tx: Parameters<Parameters<typeof t.db.$transaction>[0]>[0]) =>
      tx.$queryRawUnsafe<{ relname: string; reltuples: number }[]>(
        `SELECT relname::text AS relname, reltuples::float8 AS reltuples FROM pg_class WHERE relname IN ('Deal', 'Participation', 'DealEvent') ORDER BY relname`,
      );
    const [before, after] = await t.db.$transaction(
      async (tx) => {
        const before = await estimated(tx);
        await createDeals(tx, plan.deals, "test", "import");
        return [before, await estimated(tx)];
      },
      { timeout: 120_000 },
    );
    // The seed's few hundred deals before; after, at least the 10,000 written before the refresh.
    expect(before.find((r) => r.relname === "Deal")!.reltuples).toBeLessThan(1000);
    for (const table of after) expect(table.reltuples, table.relname).toBeGreaterThanOrEqual(10_000);
  }, 120_000);
});
