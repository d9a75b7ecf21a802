import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMeasureDeals } from "../support/measure-deals";
import { capitalCounted } from "@/lib/measures/capital";
import { SEED_CSV_PATH, seedDatabase } from "@/lib/seed/seed-database";
import { REPORTED_FIELDS } from "@/lib/story/as-of";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
const csvRows = parse(readFileSync(SEED_CSV_PATH, "utf8"), { columns: true, bom: true }) as Record<string, string>[];

beforeAll(async () => {
  t = await createTestDb();
  const result = await seedDatabase(t.db);
  expect(result.seeded).toBe(true);
});
afterAll(async () => t?.dispose());

describe("the seed", () => {
  it("loads every row of the seed CSV as a deal", async () => {
    expect(await t.db.deal.count()).toBe(csvRows.length);
  });

  it("counts capital exactly as docs/domain.md defines it", async () => {
    // Computed here straight from the CSV, independently of the measures module.
    let expected = 0n;
    let rows = 0;
    for (const r of csvRows) {
      if (!["equity", "convertible"].includes(r.kind) || !["announced", "closed"].includes(r.status)) continue;
      rows++;
      expected += BigInt(r.amount_usd_low || r.amount_usd_high || "0");
    }
    const summary = capitalCounted(await loadMeasureDeals(t.db));
    expect(summary.total).toBe(expected);
    expect(summary.dealCount).toBe(rows);
  });

  it("keeps the superseded stages of Amazon -> OpenAI as lifecycle events of one deal, not as deals", async () => {
    expect(await t.db.deal.count({ where: { round: { contains: "superseded" } } })).toBe(0);
    const deal = await t.db.deal.findFirstOrThrow({
      where: {
        recipient: { slug: "openai" },
        participations: { some: { organization: { slug: "amazon" } } },
        round: { contains: "initial tranche" },
      },
      include: { events: { orderBy: { occurredOn: "asc" }, include: { source: true } } },
    });
    expect(deal.events.map((e) => [e.occurredOn, e.status, e.amountQualifier, e.amountUsdHigh])).toEqual([
      ["2025-12-17", "in_talks", "about", 10_000_000_000n],
      ["2026-01-29", "in_talks", "up_to", 50_000_000_000n],
      ["2026-02-27", "announced", "exact", 15_000_000_000n],
      ["2026-03-31", "closed", "exact", 15_000_000_000n],
    ]);
    expect(deal.events.every((e) => e.source?.url?.startsWith("https://"))).toBe(true);
    // The row keeps its current state: the last event's.
    expect(deal.status).toBe(deal.events.at(-1)?.status);
    // Each step reports the terms of its day: no round name while in talks, the valuation then reported, and the
    // 8-K's "Series C Preferred" and the $852B close only from the days they were reported.
    expect(deal.events.map((e) => [e.occurredOn, e.round, e.postMoneyValuationUsd])).toEqual([
      ["2025-12-17", null, 500_000_000_000n],
      ["2026-01-29", null, 830_000_000_000n],
      ["2026-02-27", deal.round, 840_000_000_000n],
      ["2026-03-31", deal.round, 852_000_000_000n],
    ]);
    expect(deal.events.map((e) => /8-K/.test(e.summary))).toEqual([false, false, true, true]);
    expect(deal.events.map((e) => /\$122B|\$852B/.test(e.summary))).toEqual([false, false, false, true]);
    expect(deal.events.map((e) => e.originalAmount)).toEqual([10_000_000_000n, 50_000_000_000n, 15_000_000_000n, 15_000_000_000n]);
  });

  it("ends every deal's lifecycle at the deal as it stands: every reported field", async () => {
    const fields = Object.fromEntries(REPORTED_FIELDS.map((f) => [f, true])) as Record<(typeof REPORTED_FIELDS)[number], true>;
    const deals = await t.db.deal.findMany({
      select: { id: true, ...fields, events: { orderBy: [{ occurredOn: "asc" }, { id: "asc" }], select: fields } },
    });
    for (const { events, ...deal } of deals) expect({ ...events.at(-1), id: deal.id }).toEqual(deal);
  });

  it("gives every deal a first event with its source", async () => {
    const withoutEvent = await t.db.deal.count({ where: { events: { none: {} } } });
    expect(withoutEvent).toBe(0);
    const deals = await t.db.deal.findMany({ select: { announcedOn: true, events: { select: { occurredOn: true, sourceId: true } } } });
    for (const deal of deals) {
      expect(deal.events.some((e) => e.occurredOn === deal.announcedOn && e.sourceId !== null)).toBe(true);
    }
  });

  it("flags the unverified source and keeps its deal", async () => {
    const unverified = await t.db.source.findMany({ where: { unverified: true }, include: { deal: { include: { recipient: true } } } });
    expect(unverified.map((s) => [s.deal.recipient.slug, s.url])).toEqual([["cohere", null]]);
  });

  it("normalises organizations: roles are not names, units sit under parents, undisclosed parties are not organizations", async () => {
    const names = (await t.db.organization.findMany({ select: { name: true } })).map((o) => o.name);
    expect(names.filter((n) => /\((lead|co-lead)\)|^undisclosed/i.test(n))).toEqual([]);
    const aws = await t.db.organization.findUniqueOrThrow({ where: { slug: "aws" }, include: { parent: true } });
    expect(aws.parent?.slug).toBe("amazon");
    const secondary = await t.db.deal.findMany({ where: { round: { contains: "secondary" } }, include: { recipient: true } });
    expect(secondary.map((d) => d.recipient.slug)).toContain("openai");
    const unnamed = await t.db.participation.findMany({ where: { organizationId: null }, select: { partyLabel: true } });
    expect(unnamed.length).toBeGreaterThan(0);
    expect(unnamed.every((p) => p.partyLabel && p.partyLabel.length > 0)).toBe(true);
    // Role annotations became roles: Lightspeed led Mistral's seed round.
    const lead = await t.db.participation.findFirstOrThrow({
      where: { organization: { slug: "lightspeed-venture-partners" }, deal: { recipient: { slug: "mistral-ai" }, round: "Seed" } },
    });
    expect(lead.role).toBe("lead");
    const coLead = await t.db.participation.findFirstOrThrow({
      where: { organization: { slug: "softbank" }, deal: { recipient: { slug: "skild-ai" } } },
    });
    expect(coLead.role).toBe("co_lead");
  });

  it("keeps the research file's descriptive parties as labels with their notes, and its spellings on one organization", async () => {
    const ipo = await t.db.participation.findFirstOrThrow({
      where: { deal: { recipient: { slug: "coreweave" }, round: "Nasdaq IPO ($40/share)" } },
    });
    expect([ipo.organizationId, ipo.partyLabel, ipo.note]).toEqual([
      null,
      "Public investors",
      "Nasdaq IPO, Nvidia anchor order of $250M per Barron's",
    ]);
    const stake = await t.db.participation.findFirstOrThrow({
      where: { deal: { recipient: { slug: "hyperion-jv" } }, organization: { slug: "blue-owl" } },
    });
    expect(stake.note).toBe("80%");
    expect(await t.db.deal.count({ where: { recipient: { slug: "cursor" } } })).toBe(
      csvRows.filter((r) => r.recipient === "Cursor (Anysphere)").length,
    );
    expect(
      await t.db.organization.count({
        where: { name: { in: ["Felicis Ventures", "Matrix", "Blue Owl Capital", "Bezos Expeditions", "Public investors"] } },
      }),
    ).toBe(0);
  });

  it("never seeds over existing data", async () => {
    await t.db.deal.update({ where: { id: 1 }, data: { summary: "edited by an editor" } });
    const again = await seedDatabase(t.db);
    expect(again.seeded).toBe(false);
    expect(await t.db.deal.count()).toBe(csvRows.length);
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: 1 } })).summary).toBe("edited by an editor");
  });

  it("records a revision for every seeded deal and organization", async () => {
    expect(await t.db.revision.count({ where: { entityType: "deal", action: "seed" } })).toBe(csvRows.length);
    expect(await t.db.revision.count({ where: { entityType: "organization" } })).toBe(await t.db.organization.count());
  });
});
