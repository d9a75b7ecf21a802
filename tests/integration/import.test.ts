import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";
import { registerReads } from "@/lib/data/kysely";
import { refreshDealSearch } from "@/lib/deals/deal-search";
import { importDealCsv } from "@/lib/import/apply-deal-import";
import { registerSqliteConnection, sqliteConnection } from "@/lib/sqlite-connection";
import { snapshotDeal, toRevisionJson } from "@/lib/revisions";
import { seedDatabase } from "@/lib/seed/seed-database";
import { syntheticImportCsv } from "@/lib/synth/import-csv";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
const HEADER = DEAL_CSV_COLUMNS.join(",");
const row = (investors: string, amount: string) =>
  `2026-06-01,${investors},Anthropic,equity,announced,Test round,${amount},${amount},exact,USD,${amount},,,Test,https://example.com/x,Example,2026-06-01`;

beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db);
});
afterAll(async () => t?.dispose());

describe("CSV import", () => {
  it("writes nothing when any row is bad, and names the row", async () => {
    const before = await t.db.deal.count();
    const orgsBefore = await t.db.organization.count();
    const badDate = row("Amazon", "200").replace("2026-06-01,", "2026-13-01,");
    const result = await importDealCsv(t.db, `${HEADER}\n${row("Brand New Fund", "100")}\n${badDate}\n`, { actor: "test" });
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 3, field: "announced_on", message: "announced_on must be a date written YYYY-MM-DD" }],
    });
    expect(await t.db.deal.count()).toBe(before);
    expect(await t.db.organization.count()).toBe(orgsBefore);
  });

  it("creates the organizations a file names that do not exist yet, and says which in the preview", async () => {
    const text = `${HEADER}\n${row("Brand New Fund (lead);qatar investment authority", "100")}\n`;
    const preview = await importDealCsv(t.db, text, { actor: "test", dryRun: true });
    expect(preview.ok && preview.newOrganizations).toEqual(["Brand New Fund"]);
    expect(await t.db.organization.count({ where: { name: "Brand New Fund" } })).toBe(0);
    const result = await importDealCsv(t.db, text, { actor: "test" });
    expect(result.ok).toBe(true);
    const created = await t.db.organization.findFirstOrThrow({ where: { name: "Brand New Fund" } });
    expect(created.slug).toBe("brand-new-fund");
    const deal = await t.db.deal.findUniqueOrThrow({
      where: { id: result.ok ? result.dealIds[0] : 0 },
      include: { participations: { include: { organization: true }, orderBy: { position: "asc" } } },
    });
    expect(deal.participations.map((p) => [p.organization?.slug, p.role])).toEqual([
      ["brand-new-fund", "lead"],
      ["qia", "participant"],
    ]);
  });

  it("keeps parties named by description as labels, as the seed does, and creates no organization for them", async () => {
    const orgsBefore = await t.db.organization.count();
    const result = await importDealCsv(t.db, `${HEADER}\n${row("Two Asian telecom operators;Undisclosed investors", "321")}\n`, {
      actor: "test",
    });
    expect(result.ok && result.newOrganizations).toEqual([]);
    expect(await t.db.organization.count()).toBe(orgsBefore);
    const deal = await t.db.deal.findFirstOrThrow({
      where: { amountUsdLow: 321n },
      select: { participations: { select: { organizationId: true, partyLabel: true }, orderBy: { position: "asc" } } },
    });
    expect(deal.participations).toEqual([
      { organizationId: null, partyLabel: "Two Asian telecom operators" },
      { organizationId: null, partyLabel: "Undisclosed investors" },
    ]);
  });

  it("writes nothing on a dry run", async () => {
    const before = await t.db.deal.count();
    const result = await importDealCsv(t.db, `${HEADER}\n${row("Amazon", "100")}\n`, { actor: "test", dryRun: true });
    expect(result.ok && result.created).toBe(1);
    expect(await t.db.deal.count()).toBe(before);
  });

  it("creates deals with participations, a source, a first event and a revision", async () => {
    const result = await importDealCsv(t.db, `${HEADER}\n${row("QIA (lead);Amazon (AWS)", "123")}\n`, { actor: "editor@example.com" });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.dealIds[0] : 0;
    const deal = await t.db.deal.findUniqueOrThrow({
      where: { id },
      include: { participations: { include: { organization: true }, orderBy: { position: "asc" } }, sources: true, events: true },
    });
    expect(deal.amountUsdLow).toBe(123n);
    expect(deal.participations.map((p) => [p.organization?.slug, p.role])).toEqual([
      ["qia", "lead"],
      ["aws", "participant"],
    ]);
    expect(deal.sources.map((s) => s.url)).toEqual(["https://example.com/x"]);
    expect(deal.events).toHaveLength(1);
    const revision = await t.db.revision.findFirstOrThrow({ where: { entityType: "deal", entityId: id } });
    expect([revision.action, revision.actor, revision.before]).toEqual(["import", "editor@example.com", null]);
    expect(JSON.parse(revision.after ?? "{}").amountUsdLow).toBe("123");
  });

  it("updates a deal by id, records the change as an event and keeps the old values in a revision", async () => {
    const created = await importDealCsv(t.db, `${HEADER}\n${row("Amazon", "500")}\n`, { actor: "test" });
    const id = created.ok ? created.dealIds[0] : 0;
    const update = `id,${HEADER}\n${id},${row("Amazon", "700").replace(",announced,", ",closed,")}\n`;
    const result = await importDealCsv(t.db, update, { actor: "test" });
    expect(result).toMatchObject({ ok: true, created: 0, updated: 1 });
    const deal = await t.db.deal.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } } } });
    expect([deal.status, deal.amountUsdLow, deal.version]).toEqual(["closed", 700n, 2]);
    expect(deal.events.map((e) => [e.status, e.amountUsdLow])).toEqual([
      ["announced", 500n],
      ["closed", 700n],
    ]);
    const revision = await t.db.revision.findFirstOrThrow({ where: { entityType: "deal", entityId: id }, orderBy: { id: "desc" } });
    expect(JSON.parse(revision.before ?? "{}").amountUsdLow).toBe("500");
  });

  it("refuses an id that does not exist and rolls back the rows before it", async () => {
    const before = await t.db.deal.count();
    const text = `id,${HEADER}\n,${row("Amazon", "1")}\n999999,${row("Amazon", "2")}\n`;
    const result = await importDealCsv(t.db, text, { actor: "test" });
    expect(result).toEqual({ ok: false, errors: [{ row: 3, field: "id", message: "no deal with id 999999" }] });
    expect(await t.db.deal.count()).toBe(before);
  });
});

describe("CSV import at scale", () => {
  /** The statements one import sends (model operations and raw SQL alike, inside its transaction too). */
  async function statementsOf(text: string): Promise<{ count: number; created: number }> {
    let count = 0;
    const counting = t.db.$extends({
      query: {
        $allOperations({ args, query }) {
          count++;
          return query(args);
        },
      },
    }) as unknown as typeof t.db;
    // The duplicate check reads through the Kysely handle that goes with a Prisma handle; the extended client needs its own.
    registerReads(counting, t.url);
    // On SQLite the batch INSERTs run on the adapter's connection itself, not through Prisma: counted as they are
    // prepared (one statement per table and batch, stepped in process once per row).
    if (t.provider === "sqlite") {
      const connection = sqliteConnection(t.db);
      registerSqliteConnection(counting, () => {
        const prepare = (sql: string) => {
          count++;
          return connection.prepare(sql);
        };
        return { prepare } as unknown as typeof connection;
      });
    }
    // On PostgreSQL they run on the transaction's pg connection itself, with the statement's text as the first
    // argument (Prisma's adapter passes a query object, already counted above).
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    const spy =
      t.provider === "sqlite"
        ? null
        : vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
            if (typeof args[0] === "string" && args[0].startsWith("INSERT")) count++;
            return query.apply(this, args);
          } as typeof pg.Client.prototype.query);
    try {
      const result = await importDealCsv(counting, text, { actor: "test", onDuplicate: "create" });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return { count, created: result.created };
    } finally {
      spy?.mockRestore();
    }
  }

  it("sends as many statements for 400 rows as for 20: they do not grow per row or per new organization", async () => {
    const small = await statementsOf(syntheticImportCsv("count-small", 20, { newOrganizations: 2 }));
    const large = await statementsOf(syntheticImportCsv("count-large", 400, { newOrganizations: 40 }));
    expect([small.created, large.created]).toEqual([20, 400]);
    expect(large.count).toBe(small.count);
    expect(small.count).toBeLessThan(30);
  });

  it("gives every new deal its participations, source, first event, search row and revision, in file order", async () => {
    const result = await importDealCsv(t.db, syntheticImportCsv("order", 600, { newOrganizations: 5 }), {
      actor: "test",
      onDuplicate: "create",
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.dealIds).toHaveLength(600);
    const deals = await t.db.deal.findMany({
      where: { id: { in: result.dealIds } },
      include: { participations: true, sources: true, events: true, search: true },
      orderBy: { id: "asc" },
    });
    // Rows are in file order: the amount is 1,000,000 plus the row's index.
    expect(deals.map((d) => d.amountUsdLow)).toEqual(result.dealIds.map((_, i) => BigInt(1_000_000 + i)));
    expect(deals.map((d) => d.id)).toEqual(result.dealIds);
    for (const [i, deal] of deals.entries()) {
      expect(deal.sources.map((s) => s.url)).toEqual([`https://example.com/crash/order/${i}`]);
      expect(deal.events.map((e) => [e.sourceId, e.amountUsdLow])).toEqual([[deal.sources[0].id, deal.amountUsdLow]]);
      expect(deal.participations).toHaveLength(i % 10 === 0 ? (i % 3 === 0 ? 3 : 2) : i % 3 === 0 ? 2 : 1);
      expect(deal.search?.text).toContain(`crash order row ${i}`);
    }
    const revisions = await t.db.revision.findMany({ where: { entityType: "deal", entityId: { in: result.dealIds } } });
    expect(revisions).toHaveLength(600);
    const after = JSON.parse(revisions.find((r) => r.entityId === deals[10].id)?.after ?? "{}");
    expect([after.amountUsdLow, after.participations.length, after.sources[0].url]).toEqual([
      "1000010",
      2,
      "https://example.com/crash/order/10",
    ]);
    // The revision's "after", built by the batch writer from what it wrote, is the deal as stored, to the character.
    for (const id of [result.dealIds[0], result.dealIds[10], result.dealIds[599]])
      expect(revisions.find((r) => r.entityId === id)?.after).toBe(toRevisionJson(await snapshotDeal(t.db, id)));
    // The search rows, built by the batch writer from what it wrote, are those refreshDealSearch makes from the stored
    // deals (recipient and parties' names and aliases, new funds included), to the character.
    const searchTexts = async () =>
      (await t.db.dealSearch.findMany({ where: { dealId: { in: result.dealIds } }, orderBy: { dealId: "asc" } })).map((s) => s.text);
    const written = await searchTexts();
    expect(written).toHaveLength(600);
    expect(written[0]).toContain("Synthetic Fund order-0");
    await t.db.$transaction((tx) => refreshDealSearch(tx, result.dealIds));
    expect(await searchTexts()).toEqual(written);
    const funds = await t.db.organization.findMany({ where: { name: { startsWith: "Synthetic Fund order-" } }, orderBy: { slug: "asc" } });
    expect(funds.map((f) => f.slug)).toEqual([0, 1, 2, 3, 4].map((n) => `synthetic-fund-order-${n}`));
    expect(await t.db.revision.count({ where: { entityType: "organization", entityId: { in: funds.map((f) => f.id) } } })).toBe(5);
  });
});
