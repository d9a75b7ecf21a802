// A database migrated from before InvestorPart, PeriodCell, RoundPair, InvestorTotalCell, RecipientTotalCell, LoopCell,
// FlowCell, CapitalFlowCell and ConcentrationCell holds deals without their investors' parts, the period cells, the
// rounds' pairs, the investors' and recipients' totals, the circular flows' pairs, the capital flows and
// concentration's totals: prepare-db (npm start,
// db:migrate) fills them once, with the statements the deal writers keep them by, and leaves tables with rows alone. The parts and cells are spelled out for a deal split by
// stated commitments and one split equally. Runs on PostgreSQL too under `npm run test:pg`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fillConcentrationCellsIfEmpty,
  fillInvestorPartsIfEmpty,
  fillInvestorTotalCellsIfEmpty,
  fillLoopCellsIfEmpty,
  fillFlowCellsIfEmpty,
  fillMarketCellsIfEmpty,
  fillPeriodCellsIfEmpty,
  fillRecipientTotalCellsIfEmpty,
  fillRoundPairsIfEmpty,
} from "@/lib/deals/market-cells";
import { seedDatabase } from "@/lib/seed/seed-database";
import { createTestDb, migrationFrom, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.dispose());

describe("filling the investors' parts", () => {
  it("splits every live deal among its named investors once, and then finds nothing to fill", async () => {
    const org = (slug: string, type = "investor") => t.db.organization.create({ data: { slug, name: slug, type } });
    const [lab, a, b, c] = [await org("lab", "ai_lab"), await org("a"), await org("b"), await org("c")];
    // As a writer from before the table stored them (no parts, no cells).
    const committed = await t.db.deal.create({
      data: {
        recipientId: lab.id,
        kind: "equity",
        status: "closed",
        announcedOn: "2025-02-03",
        amountUsdLow: 100n,
        amountUsdHigh: 100n,
        amountUsdKey: 100n,
        amountQualifier: "exact",
      },
    });
    const upTo = await t.db.deal.create({
      data: {
        recipientId: lab.id,
        kind: "equity",
        status: "in_talks",
        announcedOn: "2025-05-06",
        amountUsdHigh: 10n,
        amountUsdKey: 10n,
        amountQualifier: "up_to",
      },
    });
    const deleted = await t.db.deal.create({
      data: {
        recipientId: lab.id,
        kind: "equity",
        status: "closed",
        announcedOn: "2025-01-01",
        amountQualifier: "undisclosed",
        deletedAt: new Date(),
      },
    });
    await t.db.participation.createMany({
      data: [
        // Stated commitments cover the deal: a gets 70, b the 30 left, c (no commitment) no part at all.
        { dealId: committed.id, organizationId: a.id, position: 0, committedUsd: 70n },
        { dealId: committed.id, organizationId: b.id, position: 1, committedUsd: 50n },
        { dealId: committed.id, organizationId: c.id, position: 2 },
        // None stated: split equally, the odd dollar to the first listed.
        { dealId: upTo.id, organizationId: b.id, position: 0 },
        { dealId: upTo.id, organizationId: a.id, position: 1 },
        { dealId: upTo.id, organizationId: null, position: 2 },
        { dealId: deleted.id, organizationId: a.id, position: 0 },
      ],
    });
    expect(await t.db.investorPart.count()).toBe(0);

    expect(await fillInvestorPartsIfEmpty(t.db)).toBe(true);
    const parts = await t.db.investorPart.findMany({ orderBy: [{ dealId: "asc" }, { organizationId: "asc" }] });
    expect(
      parts.map((p) => [p.dealId, p.organizationId, p.share, p.announcedOn, p.kind, p.status, p.recipientId, p.basis, p.amount]),
    ).toEqual([
      [committed.id, a.id, 70n, "2025-02-03", "equity", "closed", lab.id, 0, 100n],
      [committed.id, b.id, 30n, "2025-02-03", "equity", "closed", lab.id, 0, 100n],
      [committed.id, c.id, null, "2025-02-03", "equity", "closed", lab.id, 0, 100n],
      [upTo.id, a.id, 3n, "2025-05-06", "equity", "in_talks", lab.id, 2, 10n],
      [upTo.id, b.id, 4n, "2025-05-06", "equity", "in_talks", lab.id, 2, 10n],
    ]);
    // The split's terms, which hold whatever the deal's amount: its own commitment, the deal's commitments (how many,
    // their sum), its parties without one, the commitments listed before it and its place among those without one.
    expect(parts.map((p) => [p.committedUsd, p.committedCount, p.committedSum, p.openCount, p.committedBefore, p.openRank])).toEqual([
      [70n, 2, 120n, 1, 0n, 0],
      [50n, 2, 120n, 1, 70n, 0],
      [null, 2, 120n, 1, 120n, 1],
      [null, 0, 0n, 3, 0n, 2],
      [null, 0, 0n, 3, 0n, 1],
    ]);

    expect(await fillInvestorPartsIfEmpty(t.db)).toBe(false);

    // The capital flows and the investors' totals of the same deals: filled after the market's other cells, null parts
    // left out. The "up to" deal's unnamed party holds what a and b do not: investor 0's flow.
    expect(await fillFlowCellsIfEmpty(t.db)).toBe(false); // no recipient cell yet: no deal to fill from
    expect(await fillInvestorTotalCellsIfEmpty(t.db)).toBe(false);
    expect(await fillMarketCellsIfEmpty(t.db)).toBe(true);
    expect(await fillFlowCellsIfEmpty(t.db)).toBe(true);
    const flows = await t.db.flowCell.findMany({ orderBy: [{ status: "asc" }, { investorId: "asc" }] });
    expect(flows.map((c) => [c.investorId, c.recipientId, c.kind, c.status, c.deals, c.amount])).toEqual([
      [a.id, lab.id, "equity", "closed", 1, 70n],
      [b.id, lab.id, "equity", "closed", 1, 30n],
      [0, lab.id, "equity", "in_talks", 1, 3n],
      [a.id, lab.id, "equity", "in_talks", 1, 3n],
      [b.id, lab.id, "equity", "in_talks", 1, 4n],
    ]);
    // Summed per flow: the counted statuses alone, then with the pipeline's.
    const capital = await t.db.capitalFlowCell.findMany({ orderBy: { investorId: "asc" } });
    expect(capital.map((c) => [c.investorId, c.recipientId, c.deals, c.amount, c.withPipelineDeals, c.withPipelineAmount])).toEqual([
      [0, lab.id, 0, 0n, 1, 3n],
      [a.id, lab.id, 1, 70n, 2, 73n],
      [b.id, lab.id, 1, 30n, 2, 34n],
    ]);
    expect(await fillFlowCellsIfEmpty(t.db)).toBe(false);
    // Concentration's totals: the same deals per recipient and the named parts per investor, in each deal's quarter
    // and year; the counted statuses alone, then with the pipeline's.
    expect(await fillConcentrationCellsIfEmpty(t.db)).toBe(true);
    const concentrations = await t.db.concentrationCell.findMany({
      orderBy: [{ side: "desc" }, { grain: "asc" }, { organizationId: "asc" }, { period: "asc" }],
    });
    expect(
      concentrations.map((c) => [c.side, c.organizationId, c.grain, c.period, c.contributions, c.amount, c.withPipelineAmount]),
    ).toEqual([
      ["recipient", lab.id, "quarter", "2025-Q1", 1, 100n, 100n],
      ["recipient", lab.id, "quarter", "2025-Q2", 1, 0n, 10n],
      ["recipient", lab.id, "year", "2025", 2, 100n, 110n],
      ["investor", a.id, "quarter", "2025-Q1", 1, 70n, 70n],
      ["investor", a.id, "quarter", "2025-Q2", 1, 0n, 3n],
      ["investor", b.id, "quarter", "2025-Q1", 1, 30n, 30n],
      ["investor", b.id, "quarter", "2025-Q2", 1, 0n, 4n],
      ["investor", a.id, "year", "2025", 2, 70n, 73n],
      ["investor", b.id, "year", "2025", 2, 30n, 34n],
    ]);
    expect(await fillConcentrationCellsIfEmpty(t.db)).toBe(false);
    expect(await fillInvestorTotalCellsIfEmpty(t.db)).toBe(true);
    const totals = await t.db.investorTotalCell.findMany({ orderBy: [{ status: "asc" }, { organizationId: "asc" }] });
    expect(totals.map((c) => [c.organizationId, c.kind, c.status, c.parts, c.amount])).toEqual([
      [a.id, "equity", "closed", 1, 70n],
      [b.id, "equity", "closed", 1, 30n],
      [a.id, "equity", "in_talks", 1, 3n],
      [b.id, "equity", "in_talks", 1, 4n],
    ]);
    expect(await fillInvestorTotalCellsIfEmpty(t.db)).toBe(false);

    // The period cells: the live deals per quarter, kind and status, the "up to" figure counted as an upper bound.
    expect(await fillPeriodCellsIfEmpty(t.db)).toBe(true);
    const periods = await t.db.periodCell.findMany({ orderBy: { quarter: "asc" } });
    expect(periods.map((c) => [c.quarter, c.kind, c.status, c.deals, c.undisclosed, c.amount, c.upperBound])).toEqual([
      ["2025-Q1", "equity", "closed", 1, 0, 100n, 0n],
      ["2025-Q2", "equity", "in_talks", 1, 0, 10n, 10n],
    ]);
    expect(await fillPeriodCellsIfEmpty(t.db)).toBe(false);

    // The recipients' totals: the same deals per recipient, kind and status.
    expect(await fillRecipientTotalCellsIfEmpty(t.db)).toBe(true);
    const recipientTotals = await t.db.recipientTotalCell.findMany({ orderBy: { status: "asc" } });
    expect(recipientTotals.map((c) => [c.recipientId, c.kind, c.status, c.deals, c.undisclosed, c.amount, c.upperBound])).toEqual([
      [lab.id, "equity", "closed", 1, 0, 100n, 0n],
      [lab.id, "equity", "in_talks", 1, 0, 10n, 10n],
    ]);
    expect(await fillRecipientTotalCellsIfEmpty(t.db)).toBe(false);

    // The rounds' pairs: each live deal a round of its own, a and b in both, c with a and b in the first, the
    // unnamed party and the deleted deal in none.
    expect(await fillRoundPairsIfEmpty(t.db)).toBe(true);
    const roundPairs = await t.db.roundPair.findMany({ orderBy: [{ groupId: "asc" }, { organizationId: "asc" }, { coInvestorId: "asc" }] });
    expect(roundPairs.map((p) => [p.organizationId, p.coInvestorId, p.groupOn, p.groupId])).toEqual([
      [a.id, b.id, "2025-02-03", committed.id],
      [a.id, c.id, "2025-02-03", committed.id],
      [b.id, a.id, "2025-02-03", committed.id],
      [b.id, c.id, "2025-02-03", committed.id],
      [c.id, a.id, "2025-02-03", committed.id],
      [c.id, b.id, "2025-02-03", committed.id],
      [a.id, b.id, "2025-05-06", upTo.id],
      [b.id, a.id, "2025-05-06", upTo.id],
    ]);
    expect(await fillRoundPairsIfEmpty(t.db)).toBe(false);
  });

  it("gives the parts stored before their deals' amounts when the migration that adds the column runs", async () => {
    // As stored before the column: every amount at its default.
    await t.db.investorPart.updateMany({ data: { amount: 0n } });
    await t.db.$executeRawUnsafe(migrationFrom(t.provider, "20261213100000_investor_part_amount", 'UPDATE "InvestorPart"'));
    const parts = await t.db.investorPart.findMany({ select: { amount: true, dealId: true } });
    const deals = await t.db.deal.findMany({ where: { id: { in: parts.map((p) => p.dealId) } }, select: { id: true, amountUsdKey: true } });
    const keyOf = new Map(deals.map((d) => [d.id, d.amountUsdKey ?? 0n]));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.map((p) => p.amount)).toEqual(parts.map((p) => keyOf.get(p.dealId)));
    expect(parts.some((p) => p.amount > 0n)).toBe(true);
  });
});

describe("filling the circular flows' pairs", () => {
  it("gives the rows the writers kept for the seed, once", async () => {
    const seeded = await createTestDb();
    try {
      await seedDatabase(seeded.db);
      const rows = () => seeded.db.loopCell.findMany({ orderBy: [{ investorRoot: "asc" }, { companyRoot: "asc" }] });
      const kept = await rows();
      expect(kept.filter((r) => r.loop === 2).length).toBeGreaterThan(0);
      expect(await fillLoopCellsIfEmpty(seeded.db)).toBe(false);
      // As a database migrated from before the table.
      await seeded.db.loopCell.deleteMany();
      expect(await fillLoopCellsIfEmpty(seeded.db)).toBe(true);
      expect(await rows()).toEqual(kept);
      expect(await fillLoopCellsIfEmpty(seeded.db)).toBe(false);
    } finally {
      await seeded.dispose();
    }
  });
});
