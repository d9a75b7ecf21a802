// The worked examples of /methodology, read from SQL figures and the few deals they quote (lib/data/methodology.ts),
// against the same examples measured over every deal loaded into memory (tests/support/reference-methodology.ts),
// today and as of several dates, on the seed (also under `npm run test:pg`) and on a synthetic database of 10,000
// deals: the page reads the same.
import { describe, expect, it } from "vitest";
import { getMethodology } from "@/lib/data/methodology";
import { getDb } from "@/lib/db";
import { seededAppDb, syntheticAppDb } from "../support/app-db";
import { referenceMethodology } from "../support/reference-methodology";

async function expectAsMeasured(asOf: string | null) {
  const [inSql, reference] = await Promise.all([getMethodology(asOf), referenceMethodology(await getDb(), asOf)]);
  expect(inSql, asOf ?? "today").toEqual(reference);
  return inSql;
}

describe("the methodology's examples on the seed", () => {
  seededAppDb();

  it("equal the measures over every deal, today and as of several dates", async () => {
    const today = await expectAsMeasured(null);
    // Every example is there (the comparison is not of empty answers).
    expect(today.amountExamples.length).toBeGreaterThanOrEqual(5);
    expect(today.hhiExample?.terms.length).toBeGreaterThan(1);
    expect(today.attributionExample?.parts.length).toBeGreaterThan(1);
    expect(today.circularCount).toBeGreaterThan(0);
    const then = await expectAsMeasured("2026-01-30");
    expect(then.summary).not.toEqual(today.summary);
    await expectAsMeasured("2025-06-30");
    await expectAsMeasured("2024-06-30");
    await expectAsMeasured("2010-01-01");
  });
});

// The synthetic database is written by better-sqlite3: SQLite only.
describe.skipIf(process.env.DATABASE_URL?.startsWith("postgres"))("the methodology's examples on a synthetic database", () => {
  syntheticAppDb("methodology");

  it("equal the measures over every deal, today and as of several dates", async () => {
    for (const asOf of [null, "2024-12-31", "2019-06-30"]) await expectAsMeasured(asOf);
  }, 600_000);
});
