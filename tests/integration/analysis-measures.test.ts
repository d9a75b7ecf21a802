// Every /analysis figure is summed in SQL over the view's deals (lib/data/raw, lib/data/raw/view-deals.ts) and must
// equal the measures of lib/measures over the same deals loaded into memory: filtered views, excluded organizations
// (with their divisions), every counting option and grain, both sides, today and as of several dates; on the seed
// (on PostgreSQL too under `npm run test:pg`) and on a synthetic database of 10,000 deals with stated commitments.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CIRCULAR_FLOWS_SHOWN, computeAnalysis, computeCapitalByKind, computeCircularFlows, computeFlows } from "@/lib/data/analysis";
import { COUNT_OPTIONS, countingRule, parseAnalysisView } from "@/lib/filters/analysis-view";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openDatabase } from "@/lib/prisma-client";
import { seedDatabase } from "@/lib/seed/seed-database";
import { capitalFlows, sankeyGraph } from "@/lib/measures/flows";
import { synthDatabase } from "@/lib/synth/synth-database";
import { loadMeasureDeals } from "../support/measure-deals";
import { asReference, referenceAnalysis, referenceCircularFlows } from "../support/reference-analysis";
import { createTestDb, type TestDb } from "../support/test-db";

type Answer = Awaited<ReturnType<typeof computeAnalysis>> & { flows: Awaited<ReturnType<typeof computeFlows>> };

/**
 * Compares the SQL analysis of each query with the reference (/analysis's figures, and the flows and amounts by kind
 * of its section pages); returns the analyses, with their flows, for further checks.
 */
async function compare(db: PrismaClient, queries: string[]) {
  const answers = new Map<string, Answer>();
  for (const query of queries) {
    const view = parseAnalysisView(new URLSearchParams(query)).view;
    const [inSql, flows, flowCounts, byKind, reference, loops, referenceLoops] = await Promise.all([
      computeAnalysis(db, view),
      computeFlows(db, view, undefined, { dealIds: true }),
      computeFlows(db, view),
      computeCapitalByKind(db, view),
      referenceAnalysis(db, view),
      computeCircularFlows(db, view),
      referenceCircularFlows(db, view),
    ]);
    const { flows: referenceFlows, capitalByKind: referenceByKind, ...referenceFigures } = reference;
    expect(asReference(inSql), query).toEqual(referenceFigures);
    expect(flows, query).toEqual({ ...referenceFlows, excluded: reference.excluded });
    // The pages' flows: how many deals make each (FlowCell's count today), without their ids.
    const withoutIds = referenceFlows.graph.links.map(({ dealIds, ...link }) => ({ ...link, deals: dealIds?.length }));
    expect(flowCounts, query).toEqual({
      ...referenceFlows,
      graph: { ...referenceFlows.graph, links: withoutIds },
      excluded: reference.excluded,
    });
    expect(byKind, query).toEqual({ ...referenceByKind, excluded: reference.excluded });
    // Every loop, leg by leg (the analysis keeps the largest ten), as the API and the CSV give them.
    expect(loops.loops, query).toEqual(referenceLoops);
    answers.set(query, { ...inSql, flows });
  }
  return answers;
}

const withDates = (queries: string[], dates: string[]) =>
  dates.flatMap((date) => queries.map((q) => (date ? [q, `asOf=${date}`].filter(Boolean).join("&") : q)));

/** Each counting option with both grains, the two sides and the pipeline switch taking turns. */
const everyCount = COUNT_OPTIONS.flatMap((count, i) =>
  (["year", "quarter"] as const).map(
    (grain, j) => `count=${count}&grain=${grain}&side=${(i + j) % 2 ? "investor" : "recipient"}${i % 2 ? "&pipeline=1" : ""}`,
  ),
);

describe("the analysis in SQL on the seed", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDatabase(t.db);
  });
  afterAll(async () => t?.dispose());

  it("equals the measures for every counting option and grain, today and as of a date, with and without exclusions", async () => {
    const answers = await compare(t.db, [
      ...everyCount,
      ...withDates(everyCount.slice(0, 6), ["2025-06-30"]),
      ...everyCount.map((q) => `${q}&exclude=openai`),
    ]);
    expect(answers.get(everyCount[0])?.circularFlowCount).toBe(6);
  });

  it("equals the measures for filtered and excluded views as of several dates", async () => {
    const queries = [
      "",
      // The whole market with the pipeline: the kept capital flows' columns with it.
      "pipeline=1",
      "exclude=openai",
      "exclude=amazon&side=investor&grain=quarter",
      "exclude=microsoft&exclude=nvidia&count=all&pipeline=1",
      "investor=microsoft&side=investor",
      "recipient=openai&count=all",
      "kind=equity&from=2024-01-01&exclude=google",
      "status=closed&min=1000000000&side=investor",
      "q=cloud&count=all&exclude=aws",
      "investor=amazon&recipient=anthropic&pipeline=1",
      "to=2025-12-31&max=5000000000&exclude=nvidia&side=investor",
      // Filters the kept cells stand for (kinds, statuses, a recipient, whole quarters): read from them today.
      "from=2025-01-01",
      "from=2024-04-01&to=2025-06-30&side=investor&grain=quarter",
      "kind=equity&status=closed&to=2025-12-31&side=investor",
      "recipient=anthropic&side=investor",
      "recipient=openai&from=2025-01-01&side=investor&pipeline=1",
      "kind=compute_commitment&count=all&from=2025-01-01",
      // A kind the counting rule does not count: no cell, no flow.
      "kind=compute_commitment",
    ];
    const answers = await compare(t.db, withDates(queries, ["", "2024-06-30", "2025-06-30", "2026-01-30"]));
    // The views differ: an exclusion and a date change the figures (the comparison is not of empty answers).
    expect(answers.get("exclude=openai")?.summary.total).toBeLessThan(answers.get("")?.summary.total as bigint);
    expect(answers.get("asOf=2025-06-30")?.summary).not.toEqual(answers.get("")?.summary);
    expect(answers.get("exclude=openai")?.excluded).toEqual([{ key: "openai", name: "OpenAI" }]);
    // With an investor filter the investor's own part is said beside the whole: less than it, and more than nothing.
    const microsoft = answers.get("investor=microsoft&side=investor");
    expect(microsoft?.attributed).toBeGreaterThan(0n);
    expect(microsoft?.attributed).toBeLessThan(microsoft?.summary.total as bigint);
    expect(answers.get("")?.attributed).toBeNull();
  });
});

describe("the analysis in SQL on a synthetic database of 10,000 deals", () => {
  let dir: string;
  let db: PrismaClient;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "deal-analysis-"));
    const file = path.join(dir, "synth.db");
    synthDatabase({ deals: 10_000, seed: 3, out: file });
    db = await openDatabase(`file:${file}`);
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it("equals the measures for every counting option and grain, today, as of a date and with exclusions", async () => {
    // Each option once with each grain, half of them as of a date with Microsoft (and Azure) excluded: 10,000 deals
    // measured in memory take seconds a view on a loaded machine.
    await compare(
      db,
      everyCount.map((q, i) => (i % 2 ? `${q}&asOf=2024-12-31&exclude=microsoft` : q)),
    );
  }, 600_000);

  it("equals the measures for filtered and excluded views as of several dates (commitments, unnamed parties, odd dollars)", async () => {
    const queries = [
      "",
      "pipeline=1",
      "exclude=microsoft",
      "exclude=amazon&exclude=nvidia&side=investor&grain=quarter",
      "investor=google&count=all&pipeline=1",
      "kind=equity&from=2020-01-01&exclude=openai&side=investor",
      "status=announced&min=50000000&exclude=aws",
      // Filtered only: the loops among the kept pairs' legs of the filtered deals, the rest from the cells they stand
      // for (whole quarters, a recipient, kinds).
      "from=2024-01-01&pipeline=1",
      "from=2022-07-01&to=2024-09-30&side=investor&grain=quarter",
      "recipient=openai&kind=equity&from=2023-01-01&side=investor",
      "status=closed&max=2000000000&grain=quarter",
    ];
    const answers = await compare(db, [...withDates(queries, ["", "2024-12-31"]), "asOf=2019-06-30&exclude=google"]);
    const whole = answers.get("") as Answer;
    // More loops than /analysis draws: the largest are picked from the kept pairs' totals before their legs are read.
    expect(whole.circularFlowCount).toBeGreaterThan(CIRCULAR_FLOWS_SHOWN);
    expect(whole.flows.graph.omitted.flows).toBeGreaterThan(0);
    expect(answers.get("exclude=microsoft")?.summary.total).toBeLessThan(whole.summary.total);
    expect(answers.get("exclude=microsoft")?.circularFlowCount).toBeLessThan(whole.circularFlowCount);
  }, 600_000);

  it("draws the same largest flows at any limit, a cut between two equal flows included, and counts the rest", async () => {
    // Only the pairs that can be drawn leave the database (those at or above the limit-th largest): a limit that
    // falls between flows of equal amounts must still draw them in the measure's order (by name).
    const view = parseAnalysisView(new URLSearchParams()).view;
    const { flows } = capitalFlows(await loadMeasureDeals(db), countingRule(view));
    const ties = flows.flatMap((f, i) => (i > 0 && i < 200 && f.amount === flows[i - 1].amount ? [i] : []));
    expect(ties.length).toBeGreaterThan(0);
    for (const limit of [1, 7, ...ties.slice(0, 3), flows.length, flows.length + 5]) {
      const inSql = await computeFlows(db, view, limit, { dealIds: true });
      expect(inSql.graph, `limit ${limit}`).toEqual(sankeyGraph(flows, limit));
    }
  }, 600_000);
});
