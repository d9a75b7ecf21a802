// The deal page's read (lib/data/deal.ts): the round it belongs to and that round's other deals, read apart from the
// deal itself, against the rows as Prisma reads them on the seed.
import { describe, expect, it } from "vitest";
import { getDeal } from "@/lib/data/deal";
import { seededAppDb } from "../support/app-db";

describe("a deal's page data on the seed", () => {
  const seeded = seededAppDb();

  it("names every deal's round with the round's live deals in date order, and no round for a deal without one", async () => {
    const rows = await seeded().db.deal.findMany({ where: { deletedAt: null }, select: { id: true, roundId: true, announcedOn: true } });
    const rounds = await seeded().db.round.findMany({ select: { id: true, key: true } });
    const keyOf = new Map(rounds.map((r) => [r.id, r.key]));
    const inRound = rows.filter((r) => r.roundId !== null);
    expect(inRound.length).toBeGreaterThan(5);
    for (const row of [...inRound, ...rows.filter((r) => r.roundId === null).slice(0, 5)]) {
      const deal = await getDeal(row.id);
      if (row.roundId === null) {
        expect(deal?.roundRef, `deal ${row.id}`).toBeNull();
        continue;
      }
      const expected = rows
        .filter((r) => r.roundId === row.roundId)
        .sort((a, b) => a.announcedOn.localeCompare(b.announcedOn) || a.id - b.id)
        .map((r) => r.id);
      expect(deal?.roundRef?.key, `deal ${row.id}`).toBe(keyOf.get(row.roundId));
      expect(
        deal?.roundRef?.deals.map((d) => d.id),
        `deal ${row.id}`,
      ).toEqual(expected);
    }
  });
});
