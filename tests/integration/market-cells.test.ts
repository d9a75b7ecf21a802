// The market's cells (RecipientCell, PeriodCell, RecipientTotalCell, InvestorCell, InvestorTotalCell), the circular
// flows' pairs (LoopCell) and the flows (FlowCell, CapitalFlowCell), each named investor's part of each deal
// (InvestorPart), the rounds' pairs of investors (RoundPair) and what each lifecycle event changes (DealEvent.change)
// are kept by every writer of deals, participations, events and Rounds' dates in the write's transaction: after each
// write through the real writers (a CSV import batch, edits of amount, status, kind, date and parties through PATCH, a
// delete, restores, a revision restoring stated commitments, a merge of two organizations and its undoing, a deal
// imported into a stored Round, a Round's new date) the cells, the parts and the pairs equal the same recomputed from
// every live deal, every event's change equals the rule over its deal's events in memory (also for a change dated
// between two reports), and the whole market's figures summed over them equal lib/measures over the deals. A write
// that bypasses the hook leaves them different. Runs on PostgreSQL too under `npm run test:pg`.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IDLE } from "@/lib/actions/action-state";
import { deleteDeal } from "@/lib/actions/deals/delete-deal";
import { saveRound } from "@/lib/actions/rounds/save-round";
import { saveOrganization } from "@/lib/actions/organizations/save-organization";
import { getRoundForEditing } from "@/lib/data/admin";
import { createUser } from "@/lib/auth/accounts";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { capitalCountedSql, getDealStats } from "@/lib/data/deal-stats";
import { countDealsIn } from "@/lib/data/deals";
import { cellSelection, quarterSplit } from "@/lib/data/deal-where";
import { clearViewCache } from "@/lib/data/view-cache";
import { parseDealFilters } from "@/lib/filters/deal-filters";
import { countSum, moneySum, readsOf, toMoney } from "@/lib/data/kysely";
import { capitalByPeriodSql } from "@/lib/data/raw/capital-by-period";
import { concentrationSeriesSql } from "@/lib/data/raw/concentration-figures";
import { kindsOfChange } from "@/lib/data/raw/change-kinds";
import { dealCells, investorPartRows, marketCells, recipientCellRows } from "@/lib/data/raw/market-cells";
import {
  capitalByNamedInvestorSql,
  capitalByRecipientInYearSql,
  latestYearOfKindsSql,
  onDeal,
  periodOf,
  withInvestorShares,
} from "@/lib/data/raw/overview-figures";
import { patchDeal } from "@/lib/deals/patch-deal";
import { restoreDealRevision } from "@/lib/deals/restore-deal";
import { DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";
import { DEAL_KINDS } from "@/lib/domain";
import { REPORTED_FIELDS } from "@/lib/story/as-of";
import { importDealCsv } from "@/lib/import/apply-deal-import";
import {
  capitalByInvestor,
  capitalByPeriod,
  capitalByRecipient,
  capitalCounted,
  CAPITAL_KINDS,
  COUNTED_STATUSES,
  PIPELINE_STATUSES,
  DEFAULT_RULE,
  UNDISCLOSED_KEY,
  type CountingRule,
} from "@/lib/measures/capital";
import { concentrationSeries } from "@/lib/measures/concentration";
import { SPEND_BACK_KINDS } from "@/lib/measures/circular-flows";
import { mergeOrganizations, restoreOrganizationMerge } from "@/lib/organizations/merge-organizations";
import { seedDatabase } from "@/lib/seed/seed-database";
import { loadMeasureDeals } from "../support/measure-deals";
import { dealChanges } from "../support/reference-changes";
import { requestContext } from "../support/next-request-context";
import { createTestDb, type TestDb } from "../support/test-db";

vi.mock("next/headers", async () => (await import("../support/next-request-context")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("redirect"), { to });
  },
}));

let t: TestDb;
let cookie: string;

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as { dealTrackerDb?: Promise<unknown> }).dealTrackerDb = Promise.resolve(t.db);
  await seedDatabase(t.db);
  const editor = await createUser(t.db, { email: "cells@example.com", password: "editor-password-1", role: "editor" });
  cookie = generateSecret("s");
  await t.db.session.create({ data: { id: hashSecret(cookie), userId: editor.id, expiresAt: new Date(Date.now() + 3_600_000) } });
});
afterAll(async () => {
  delete (globalThis as { dealTrackerDb?: Promise<unknown> }).dealTrackerDb;
  await t?.dispose();
});

type CellRows = {
  recipients: string[];
  periods: string[];
  recipientTotals: string[];
  investors: string[];
  investorTotals: string[];
  parts: string[];
  roundPairs: string[];
  loops: string[];
  flows: string[];
  capitalFlows: string[];
  concentrations: string[];
};

const line = (values: unknown[]) => values.map(String).join("|");

/** The cells as the writers left them, one line per cell, in key order. */
async function storedCells(): Promise<CellRows> {
  const reads = readsOf(t.db);
  const recipients = await reads.selectFrom("RecipientCell").selectAll().execute();
  const investors = await reads.selectFrom("InvestorCell").selectAll().execute();
  const parts = await reads.selectFrom("InvestorPart").selectAll().execute();
  const periods = await reads.selectFrom("PeriodCell").selectAll().execute();
  const investorTotals = await reads.selectFrom("InvestorTotalCell").selectAll().execute();
  const recipientTotals = await reads.selectFrom("RecipientTotalCell").selectAll().execute();
  const roundPairs = await reads.selectFrom("RoundPair").selectAll().execute();
  const loops = await reads.selectFrom("LoopCell").selectAll().execute();
  const flows = await reads.selectFrom("FlowCell").selectAll().execute();
  const capitalFlows = await reads.selectFrom("CapitalFlowCell").selectAll().execute();
  const concentrations = await reads.selectFrom("ConcentrationCell").selectAll().execute();
  return {
    concentrations: concentrations
      .map((c) => line([c.organizationId, c.side, c.grain, c.period, c.contributions, c.amount, c.withPipelineAmount]))
      .sort(),
    flows: flows.map((c) => line([c.investorId, c.recipientId, c.kind, c.status, c.deals, c.amount])).sort(),
    capitalFlows: capitalFlows
      .map((c) => line([c.investorId, c.recipientId, c.deals, c.amount, c.withPipelineDeals, c.withPipelineAmount]))
      .sort(),
    loops: loops
      .map((c) =>
        line([
          c.investorRoot,
          c.companyRoot,
          c.inLegs,
          c.inAmount,
          c.backLegs,
          c.backAmount,
          c.pipelineInLegs,
          c.pipelineInAmount,
          c.pipelineBackLegs,
          c.pipelineBackAmount,
          c.loop,
        ]),
      )
      .sort(),
    roundPairs: roundPairs.map((c) => line([c.organizationId, c.coInvestorId, c.groupOn, c.groupId])).sort(),
    periods: periods.map((c) => line([c.quarter, c.kind, c.status, c.deals, c.undisclosed, c.amount, c.upperBound])).sort(),
    parts: parts.map(partLine).sort(),
    recipients: recipients
      .map((c) => line([c.recipientId, c.quarter, c.kind, c.status, c.deals, c.undisclosed, c.amount, c.upperBound]))
      .sort(),
    investors: investors.map((c) => line([c.organizationId, c.quarter, c.kind, c.status, c.parts, c.amount])).sort(),
    investorTotals: investorTotals.map((c) => line([c.organizationId, c.kind, c.status, c.parts, c.amount])).sort(),
    recipientTotals: recipientTotals
      .map((c) => line([c.recipientId, c.kind, c.status, c.deals, c.undisclosed, c.amount, c.upperBound]))
      .sort(),
  };
}

/** An investor's part of a deal, one line. */
const partLine = (p: {
  organizationId: number;
  dealId: number;
  share: bigint | string | null;
  announcedOn: string;
  kind: string;
  status: string;
  recipientId: number;
  basis: number;
  amount: bigint | string;
  committedUsd: bigint | string | null;
  committedCount: number;
  committedSum: bigint | string;
  openCount: number;
  committedBefore: bigint | string;
  openRank: number;
}) =>
  line([
    p.organizationId,
    p.dealId,
    p.share === null ? null : BigInt(p.share),
    p.announcedOn,
    p.kind,
    p.status,
    p.recipientId,
    Number(p.basis),
    BigInt(p.amount),
    // The split's terms, which a part as of a date is split again from.
    p.committedUsd === null ? null : BigInt(p.committedUsd),
    Number(p.committedCount),
    BigInt(p.committedSum),
    Number(p.openCount),
    BigInt(p.committedBefore),
    Number(p.openRank),
  ]);

/** The cells recomputed from scratch: every live deal grouped, and every named investor's part of it. */
async function cellsFromScratch(): Promise<CellRows> {
  const reads = readsOf(t.db);
  const live = reads.selectFrom("Deal as d").where("d.deletedAt", "is", null);
  const recipients = await reads
    .selectFrom(recipientCellRows(live).as("c"))
    .groupBy(["c.recipientId", "c.quarter", "c.kind", "c.status"])
    .select((eb) => [
      "c.recipientId",
      "c.quarter",
      "c.kind",
      "c.status",
      countSum(eb.ref("c.deals")).as("deals"),
      countSum(eb.ref("c.undisclosed")).as("undisclosed"),
      moneySum(eb.ref("c.amount")).as("amount"),
      moneySum(eb.ref("c.upperBound")).as("upperBound"),
    ])
    .execute();
  const investors = await withInvestorShares(reads, onDeal("d.deletedAt", "is", null))
    .selectFrom("shares as d")
    .innerJoin("Deal as x", "x.id", "d.dealId")
    .where("d.share", "is not", null)
    .groupBy((eb) => [eb.ref("d.organizationId"), periodOf("d.announcedOn", "quarter"), eb.ref("x.kind"), eb.ref("x.status")])
    .select((eb) => [
      "d.organizationId",
      periodOf("d.announcedOn", "quarter").as("quarter"),
      "x.kind",
      "x.status",
      eb.fn.countAll<number>().as("parts"),
      moneySum(eb.ref("d.share")).as("amount"),
    ])
    .execute();
  // Every live deal's parts split at once, as the writers split a few deals at a time.
  const parts = await reads
    .selectFrom(investorPartRows(reads, onDeal("d.deletedAt", "is", null)).as("p"))
    .selectAll()
    .execute();
  // The recipient cells summed here by a coarser key: the period cells (every recipient's deals of the quarter, kind
  // and status) and the recipients' totals (each recipient's deals of every quarter).
  const recipientsBy = (keyOf: (c: (typeof recipients)[number]) => unknown[]) => {
    const summed = new Map<string, bigint[]>();
    for (const c of recipients) {
      const key = line(keyOf(c));
      const sums = summed.get(key) ?? [0n, 0n, 0n, 0n];
      summed.set(
        key,
        [BigInt(c.deals ?? 0), BigInt(c.undisclosed ?? 0), toMoney(c.amount), toMoney(c.upperBound)].map((v, i) => v + sums[i]),
      );
    }
    return [...summed].map(([key, sums]) => `${key}|${sums.join("|")}`).sort();
  };
  // The investors' totals summed here from the investor cells: each investor's parts of every quarter.
  const investorTotals = new Map<string, { parts: number; amount: bigint }>();
  for (const c of investors) {
    const key = line([c.organizationId, c.kind, c.status]);
    const total = investorTotals.get(key) ?? { parts: 0, amount: 0n };
    total.parts += Number(c.parts);
    total.amount += toMoney(c.amount);
    investorTotals.set(key, total);
  }
  // Concentration's totals summed here from the recipient and investor cells: the capital kinds' deals and parts in a
  // counted or pipeline status, per organization, side, grain and period (a quarter, and its year).
  const concentrations = new Map<string, bigint[]>();
  const concentrate = (
    organizationId: number,
    side: string,
    quarter: string,
    c: { kind: string; status: string },
    n: number,
    amount: bigint,
  ) => {
    if (!(CAPITAL_KINDS as readonly string[]).includes(c.kind)) return;
    const counted = (COUNTED_STATUSES as readonly string[]).includes(c.status);
    if (!counted && !(PIPELINE_STATUSES as readonly string[]).includes(c.status)) return;
    for (const [grain, period] of [
      ["quarter", quarter],
      ["year", quarter.slice(0, 4)],
    ]) {
      const key = line([organizationId, side, grain, period]);
      const sums = concentrations.get(key) ?? [0n, 0n, 0n];
      concentrations.set(key, [sums[0] + BigInt(n), sums[1] + (counted ? amount : 0n), sums[2] + amount]);
    }
  };
  for (const c of recipients) concentrate(c.recipientId, "recipient", c.quarter, c, Number(c.deals), toMoney(c.amount));
  for (const c of investors) concentrate(c.organizationId as number, "investor", c.quarter, c, Number(c.parts), toMoney(c.amount));
  return {
    concentrations: [...concentrations].map(([key, s]) => `${key}|${s.join("|")}`).sort(),
    ...(await flowsFromScratch(parts)),
    loops: await loopsFromScratch(parts),
    roundPairs: await roundPairsFromScratch(),
    periods: recipientsBy((c) => [c.quarter, c.kind, c.status]),
    parts: parts.map(partLine).sort(),
    recipients: recipients
      .map((c) => line([c.recipientId, c.quarter, c.kind, c.status, c.deals, c.undisclosed, toMoney(c.amount), toMoney(c.upperBound)]))
      .sort(),
    investors: investors.map((c) => line([c.organizationId, c.quarter, c.kind, c.status, Number(c.parts), toMoney(c.amount)])).sort(),
    investorTotals: [...investorTotals].map(([key, c]) => `${key}|${c.parts}|${c.amount}`).sort(),
    recipientTotals: recipientsBy((c) => [c.recipientId, c.kind, c.status]),
  };
}

/**
 * The flows summed here from the live deals and their parts: each deal with an amount gives each named part above
 * zero to its investor's flow to the recipient, and what its amount leaves after its named parts to the recipient's
 * unnamed flow (investor 0); per flow, kind and status its deals and amount (FlowCell), and the capital kinds' per flow
 * in the counted statuses, then with the pipeline's (CapitalFlowCell).
 */
async function flowsFromScratch(parts: { dealId: number; organizationId: number; share: unknown }[]) {
  const deals = await t.db.deal.findMany({
    where: { deletedAt: null },
    select: { id: true, recipientId: true, kind: true, status: true, amountUsdKey: true },
  });
  const partsOf = new Map<number, typeof parts>();
  for (const p of parts) if (p.share !== null) partsOf.set(p.dealId, [...(partsOf.get(p.dealId) ?? []), p]);
  const flows = new Map<string, bigint[]>();
  const capitalFlows = new Map<string, bigint[]>();
  const addTo = (sums: Map<string, bigint[]>, key: string, at: number, amount: bigint) => {
    const row = sums.get(key) ?? [0n, 0n, 0n, 0n];
    [row[at], row[at + 1]] = [row[at] + 1n, row[at + 1] + amount];
    sums.set(key, row);
  };
  const add = (d: (typeof deals)[number], investorId: number, amount: bigint) => {
    addTo(flows, line([investorId, d.recipientId, d.kind, d.status]), 0, amount);
    if (!(CAPITAL_KINDS as readonly string[]).includes(d.kind)) return;
    const counted = (COUNTED_STATUSES as readonly string[]).includes(d.status);
    if (!counted && !(PIPELINE_STATUSES as readonly string[]).includes(d.status)) return;
    const key = line([investorId, d.recipientId]);
    if (counted) addTo(capitalFlows, key, 0, amount);
    addTo(capitalFlows, key, 2, amount);
  };
  for (const d of deals) {
    if (d.amountUsdKey === null) continue;
    let named = 0n;
    for (const p of partsOf.get(d.id) ?? []) {
      const share = BigInt(p.share as string | bigint);
      named += share;
      if (share > 0n) add(d, p.organizationId, share);
    }
    if (d.amountUsdKey > named) add(d, 0, d.amountUsdKey - named);
  }
  return {
    flows: [...flows].map(([key, s]) => `${key}|${s[0]}|${s[1]}`).sort(),
    capitalFlows: [...capitalFlows].map(([key, s]) => `${key}|${s.join("|")}`).sort(),
  };
}

/**
 * The circular flows' pairs summed here from the parts: each non-null part of a capital or spending kind in a counted
 * or pipeline status is a leg of the pair (payer's top, recipient's top) for capital and the other way round for
 * spending, the tops found by walking Organization.parentId here; per pair its legs and amounts in the counted
 * statuses, the same in the pipeline's, and whether the counted legs (2) or only with the
 * pipeline's (1) are on both sides.
 */
async function loopsFromScratch(parts: { organizationId: number; recipientId: number; kind: string; status: string; share: unknown }[]) {
  const parents = new Map((await t.db.organization.findMany({ select: { id: true, parentId: true } })).map((o) => [o.id, o.parentId]));
  const top = (id: number) => {
    let at = id;
    for (let parent = parents.get(at); parent !== null && parent !== undefined; parent = parents.get(at)) at = parent;
    return at;
  };
  const pairs = new Map<string, bigint[]>();
  for (const p of parts) {
    const back = (SPEND_BACK_KINDS as readonly string[]).includes(p.kind);
    const counted = (COUNTED_STATUSES as readonly string[]).includes(p.status);
    if (p.share === null || (!back && !(CAPITAL_KINDS as readonly string[]).includes(p.kind))) continue;
    if (!counted && !(PIPELINE_STATUSES as readonly string[]).includes(p.status)) continue;
    const [payer, receiver] = [top(p.organizationId), top(p.recipientId)];
    if (payer === receiver) continue;
    const key = line(back ? [receiver, payer] : [payer, receiver]);
    // inLegs, inAmount, backLegs, backAmount; then the same in the pipeline's statuses.
    const sums = pairs.get(key) ?? Array.from({ length: 8 }, () => 0n);
    const at = (counted ? 0 : 4) + (back ? 2 : 0);
    sums[at] += 1n;
    sums[at + 1] += BigInt(p.share as string | bigint);
    pairs.set(key, sums);
  }
  return [...pairs]
    .map(([key, s]) => {
      const loop = s[0] > 0n && s[2] > 0n ? 2 : s[0] + s[4] > 0n && s[2] + s[6] > 0n ? 1 : 0;
      return `${key}|${s.join("|")}|${loop}`;
    })
    .sort();
}

/**
 * Every ordered pair of distinct named investors of each round of live deals, grouped here: a Round's deals together
 * (dated by the Round, numbered by its id negated), any other deal a round of its own (its date, its id).
 */
async function roundPairsFromScratch(): Promise<string[]> {
  const deals = await t.db.deal.findMany({
    where: { deletedAt: null },
    select: {
      id: true,
      announcedOn: true,
      roundRef: { select: { id: true, announcedOn: true } },
      participations: { select: { organizationId: true } },
    },
  });
  const rounds = new Map<number, { on: string; investors: Set<number> }>();
  for (const d of deals) {
    const groupId = d.roundRef ? -d.roundRef.id : d.id;
    const round = rounds.get(groupId) ?? { on: d.roundRef?.announcedOn ?? d.announcedOn, investors: new Set<number>() };
    for (const p of d.participations) if (p.organizationId !== null) round.investors.add(p.organizationId);
    rounds.set(groupId, round);
  }
  return [...rounds]
    .flatMap(([groupId, { on, investors }]) =>
      [...investors].flatMap((a) => [...investors].filter((b) => b !== a).map((b) => line([a, b, on, groupId]))),
    )
    .sort();
}

/**
 * Each event's kept change (DealEvent.change) as kinds and each deal's kept event dates (Deal.firstEventOn, its earliest
 * event's; Deal.stateSince, its latest event's when that event reports every term as the row holds it), and the same
 * from the rules over its deal's events in memory.
 */
async function changesKeptAndRecomputed(): Promise<{ kept: string[]; recomputed: string[] }> {
  const [events, deals] = await Promise.all([
    t.db.dealEvent.findMany({ orderBy: { id: "asc" } }),
    t.db.deal.findMany({ orderBy: { id: "asc" } }),
  ]);
  const byDeal = new Map<number, typeof events>();
  for (const e of events) byDeal.set(e.dealId, [...(byDeal.get(e.dealId) ?? []), e]);
  const kinds = new Map<number, string>();
  for (const dealEvents of byDeal.values()) for (const c of dealChanges(dealEvents)) kinds.set(c.event.id, c.kinds.join("+"));
  const firstOf = (dealId: number) => (byDeal.get(dealId) ?? []).map((e) => e.occurredOn).sort()[0] ?? "none";
  const stateSince = (deal: (typeof deals)[number]) => {
    const latest = (byDeal.get(deal.id) ?? []).reduce<(typeof events)[number] | null>(
      (last, e) => (last === null || e.occurredOn > last.occurredOn || (e.occurredOn === last.occurredOn && e.id > last.id) ? e : last),
      null,
    );
    const same =
      latest !== null &&
      REPORTED_FIELDS.every((field) => latest[field] === deal[field]) &&
      (latest.amountUsdLow ?? latest.amountUsdHigh) === deal.amountUsdKey;
    return same ? latest.occurredOn : "none";
  };
  return {
    kept: [
      ...events.map((e) => `${e.id}:${e.change === null ? "unset" : kindsOfChange(e.change).join("+")}`),
      ...deals.flatMap((d) => [`deal ${d.id} first ${d.firstEventOn ?? "none"}`, `deal ${d.id} state since ${d.stateSince ?? "none"}`]),
    ],
    recomputed: [
      ...events.map((e) => `${e.id}:${kinds.get(e.id) ?? ""}`),
      ...deals.flatMap((d) => [`deal ${d.id} first ${firstOf(d.id)}`, `deal ${d.id} state since ${stateSince(d)}`]),
    ],
  };
}

/** The cells and every event's change as the writers left them equal the same recomputed from scratch. */
async function expectKeptByWriters(step: string): Promise<void> {
  const [stored, scratch, changes] = await Promise.all([storedCells(), cellsFromScratch(), changesKeptAndRecomputed()]);
  expect(stored.recipients.length, step).toBeGreaterThan(0);
  expect(stored.parts.length, step).toBeGreaterThan(0);
  expect(stored.flows.length, step).toBeGreaterThan(0);
  expect(stored.capitalFlows.filter((f) => f.startsWith("0|")).length, step).toBeGreaterThan(0);
  expect(stored.concentrations.filter((c) => c.includes("|investor|year|")).length, step).toBeGreaterThan(0);
  expect(stored.investorTotals.length, step).toBeGreaterThan(0);
  expect(stored.recipientTotals.length, step).toBeGreaterThan(0);
  expect(stored.periods.length, step).toBeGreaterThan(0);
  expect(stored.roundPairs.length, step).toBeGreaterThan(0);
  expect(stored.loops.filter((l) => l.endsWith("|2")).length, step).toBeGreaterThan(0);
  expect(stored, step).toEqual(scratch);
  expect(changes.kept.length, step).toBeGreaterThan(0);
  expect(changes.kept, step).toEqual(changes.recomputed);
}

async function asEditor<T>(run: () => Promise<T>): Promise<T | { redirectedTo: string }> {
  requestContext.reset();
  requestContext.cookies.set("dt_session", cookie);
  try {
    return await run();
  } catch (error) {
    const to = (error as { to?: string }).to;
    if (to) return { redirectedTo: to };
    throw error;
  }
}

/** A deals CSV of these rows (every other column empty, the currency USD). */
function csvOf(rows: Record<string, string>[]): string {
  const cells = (row: Record<string, string>) =>
    DEAL_CSV_COLUMNS.map((c) => row[c] ?? (c === "original_currency" ? "USD" : c === "summary" ? "cells test" : ""));
  return [DEAL_CSV_COLUMNS.join(","), ...rows.map((row) => cells(row).join(","))].join("\n") + "\n";
}

async function version(id: number): Promise<number> {
  return (await t.db.deal.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

const RULES: CountingRule[] = [
  DEFAULT_RULE,
  { kinds: DEAL_KINDS, includePipeline: false },
  { kinds: CAPITAL_KINDS, includePipeline: true },
  { kinds: DEAL_KINDS, includePipeline: true },
];

describe("the market's cells", () => {
  it("are kept by every writer in its transaction, equal to the cells of every live deal after each write", async () => {
    await expectKeptByWriters("seed (batch creation)");

    const imported = await importDealCsv(
      t.db,
      csvOf([
        {
          announced_on: "2025-05-02",
          investors: "Nvidia (lead); Undisclosed investors",
          recipient: "Mistral AI",
          kind: "equity",
          status: "announced",
          amount_usd_low: "100000001",
          amount_usd_high: "100000001",
          amount_qualifier: "exact",
        },
        {
          announced_on: "2025-05-03",
          investors: "Nvidia; Amazon",
          recipient: "Anthropic",
          kind: "equity",
          status: "closed",
          amount_usd_high: "250000003",
          amount_qualifier: "up_to",
        },
        {
          announced_on: "2024-11-30",
          investors: "",
          recipient: "Cohere",
          kind: "convertible",
          status: "announced",
          amount_qualifier: "undisclosed",
        },
      ]),
      { actor: "test", onDuplicate: "create" },
    );
    expect(imported.ok ? [] : imported.errors).toEqual([]);
    await expectKeptByWriters("import");
    const [a, b] = imported.ok ? imported.dealIds : [];

    // Amount, status, kind, date and parties changed through PATCH (the form's writer).
    const patched = await patchDeal(
      t.db,
      a,
      {
        version: await version(a),
        amount_usd_low: "120000007",
        amount_usd_high: "130000000",
        amount_qualifier: "range",
        status: "closed",
        kind: "convertible",
        announced_on: "2025-07-01",
        investors: "Amazon (lead); Google; Nvidia",
        change_date: "2025-07-02",
        source_url: "https://example.com/cells",
        source_publisher: "Example",
      },
      null,
      "test",
    );
    expect(patched.status).toBe(200);
    await expectKeptByWriters("patch");
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: a } })).stateSince).toBe("2025-07-02");

    // A change dated between two reports (the amount as of the later one, the status as of the first): the later
    // report now changes the status only, so the writer sets what every event of the deal changes, not only the new
    // one's.
    const between = await patchDeal(
      t.db,
      a,
      { version: await version(a), status: "announced", change_date: "2025-06-01", source_url: "https://example.com/cells-between" },
      null,
      "test",
    );
    expect(between.status).toBe(200);
    const story = await t.db.dealEvent.findMany({ where: { dealId: a }, orderBy: [{ occurredOn: "asc" }, { id: "asc" }] });
    expect(story.map((e) => [e.occurredOn, e.change === null ? null : kindsOfChange(e.change)])).toEqual([
      ["2025-05-02", ["new"]],
      ["2025-06-01", ["amount"]],
      ["2025-07-02", ["status"]],
    ]);
    await expectKeptByWriters("patch dated between two reports");
    // Its row holds the status written last, and its latest-dated report another: as of any date it is read from the
    // events.
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: a } })).stateSince).toBeNull();

    const deleted = await asEditor(() => deleteDeal(IDLE, formOf({ id: String(b) })));
    expect(deleted).toEqual({ redirectedTo: `/admin?deleted=${b}` });
    await expectKeptByWriters("delete");

    const created = await t.db.revision.findFirstOrThrow({ where: { entityType: "deal", entityId: b }, orderBy: { id: "asc" } });
    await t.db.$transaction((tx) => restoreDealRevision(tx, created.id, "test"));
    await expectKeptByWriters("restore of a deleted deal");

    // Stated commitments come back with a revision: the restore writes them, and the parts split by them.
    const revision = await t.db.revision.findFirstOrThrow({ where: { entityType: "deal", entityId: a }, orderBy: { id: "desc" } });
    const after = JSON.parse(revision.after as string);
    after.participations = after.participations.map((p: { position: number }) => ({
      ...p,
      committedUsd: p.position === 0 ? "90000000" : null,
    }));
    const committed = await t.db.revision.create({
      data: { entityType: "deal", entityId: a, action: "update", actor: "test", after: JSON.stringify(after) },
    });
    await t.db.$transaction((tx) => restoreDealRevision(tx, committed.id, "test"));
    expect(await t.db.participation.count({ where: { dealId: a, committedUsd: 90_000_000n } })).toBe(1);
    await expectKeptByWriters("restore with commitments");

    // A merge moves deals received and parties (combining the rows of a deal naming both), and its undoing moves them back.
    const [keep, merge] = await Promise.all(
      ["amazon", "nvidia"].map((slug) => t.db.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } })),
    );
    await t.db.$transaction((tx) => mergeOrganizations(tx, keep.id, merge.id, "test"), { timeout: 60_000 });
    await expectKeptByWriters("merge");
    const mergeRevision = await t.db.revision.findFirstOrThrow({
      where: { entityType: "organization", action: "merge", entityId: merge.id },
    });
    await t.db.$transaction((tx) => restoreOrganizationMerge(tx, mergeRevision.id, "test"), { timeout: 60_000 });
    await expectKeptByWriters("merge undone");

    // A deal imported into a Round already stored pairs its investors with the Round's others, and a Round's new
    // date moves its pairs.
    const openai = await t.db.organization.findUniqueOrThrow({ where: { slug: "openai" } });
    const mega = await t.db.round.findUniqueOrThrow({ where: { recipientId_key: { recipientId: openai.id, key: "2026-mega-round" } } });
    const joined = await importDealCsv(
      t.db,
      [
        [...DEAL_CSV_COLUMNS, "round_key"].join(","),
        [
          ...DEAL_CSV_COLUMNS.map(
            (c) =>
              ({
                announced_on: "2026-02-10",
                investors: "Cohere",
                recipient: "OpenAI",
                kind: "equity",
                status: "in_talks",
                amount_qualifier: "undisclosed",
                original_currency: "USD",
                summary: "cells test",
              })[c as string] ?? "",
          ),
          mega.key,
        ].join(","),
      ].join("\n") + "\n",
      { actor: "test", onDuplicate: "create" },
    );
    expect(joined.ok ? [] : joined.errors).toEqual([]);
    await expectKeptByWriters("import into a Round");
    const cohere = await t.db.organization.findUniqueOrThrow({ where: { slug: "cohere" } });
    expect(await t.db.roundPair.count({ where: { organizationId: cohere.id, groupId: -mega.id } })).toBeGreaterThan(0);
    const values = (await getRoundForEditing(mega.id))!.values;
    const saved = await asEditor(() => saveRound(IDLE, formOf({ ...values, id: String(mega.id), announced_on: "2026-03-01" })));
    expect(saved).toEqual({ redirectedTo: `/admin/rounds/${mega.id}?saved=1` });
    await expectKeptByWriters("a Round's date");
    expect(await t.db.roundPair.count({ where: { groupId: -mega.id, groupOn: "2026-03-01" } })).toBeGreaterThan(0);

    // An organization given another parent (Azure on its own, then back under Microsoft) moves its legs to other
    // pairs of companies: Microsoft's loops lose the spending on Azure, then have it back.
    const azure = await t.db.organization.findUniqueOrThrow({ where: { slug: "azure" }, include: { aliases: true } });
    const azureForm = (parentId: string) =>
      formOf({
        id: String(azure.id),
        name: azure.name,
        slug: azure.slug,
        type: azure.type,
        country: azure.country ?? "",
        website: azure.website ?? "",
        parentId,
        aliases: azure.aliases.map((a) => a.alias).join("\n"),
      });
    const loopsUnderMicrosoft = (await storedCells()).loops;
    expect(await asEditor(() => saveOrganization(IDLE, azureForm("")))).toEqual({ redirectedTo: "/admin/organizations?saved=azure" });
    await expectKeptByWriters("an organization's parent removed");
    expect((await storedCells()).loops).not.toEqual(loopsUnderMicrosoft);
    expect(await asEditor(() => saveOrganization(IDLE, azureForm(String(azure.parentId))))).toEqual({
      redirectedTo: "/admin/organizations?saved=azure",
    });
    await expectKeptByWriters("an organization's parent set again");
    expect((await storedCells()).loops).toEqual(loopsUnderMicrosoft);
  });

  it("give the whole market's figures equal to the measures over the deals, every counting rule, side and grain", async () => {
    // Amounts past 2^40 dollars, larger than any real deal, so that concentration's squares (summed in 20-bit limbs
    // from the kept totals) carry their highest limb: a recipient's quarter and an investor's part above it.
    const huge = (announced_on: string, investors: string, amount: string) => ({
      announced_on,
      investors,
      recipient: "OpenAI",
      kind: "equity",
      status: "closed",
      amount_usd_low: amount,
      amount_usd_high: amount,
      amount_qualifier: "exact",
    });
    // And a counted deal of undisclosed amount in a quarter of its own, before every other: its period holds no
    // share, but the series starts there.
    const undisclosed = {
      announced_on: "1999-02-03",
      investors: "Nvidia",
      recipient: "Mistral AI",
      kind: "equity",
      status: "closed",
      amount_qualifier: "undisclosed",
    };
    const imported = await importDealCsv(
      t.db,
      csvOf([huge("2026-03-02", "SoftBank", "3000000000007"), huge("2026-03-09", "SoftBank; Nvidia", "4398046511105"), undisclosed]),
      { actor: "test", onDuplicate: "create" },
    );
    expect(imported).toMatchObject({ created: 3 });
    const reads = readsOf(t.db);
    const cells = marketCells(reads);
    const deals = await loadMeasureDeals(t.db);
    expect(await capitalCountedSql(cells)).toEqual(capitalCounted(deals));
    for (const rule of RULES) {
      for (const grain of ["year", "quarter"] as const) {
        expect(await capitalByPeriodSql(rule, grain, cells), `${grain}`).toEqual(capitalByPeriod(deals, { rule, grain, stackBy: "kind" }));
        for (const side of ["recipient", "investor"] as const) {
          expect(await concentrationSeriesSql({ rule, grain, side }, cells), `${side} ${grain}`).toEqual(
            concentrationSeries(deals, { rule, grain, side }),
          );
        }
      }
      expect(await capitalByNamedInvestorSql(cells, rule)).toEqual(capitalByInvestor(deals, rule).filter((i) => i.key !== UNDISCLOSED_KEY));
      const year = await latestYearOfKindsSql(cells, rule);
      expect(year).toBe(
        deals
          .filter((d) => rule.kinds.includes(d.kind))
          .map((d) => d.announcedOn.slice(0, 4))
          .sort()
          .at(-1),
      );
      expect(await capitalByRecipientInYearSql(cells, rule, year as string)).toEqual(
        capitalByRecipient(
          deals.filter((d) => d.announcedOn.startsWith(year as string)),
          rule,
        ),
      );
      // The same figures over the deals read as cells one by one (the path of filtered and as-of views).
      const onTheFly = dealCells(reads, reads.selectFrom("Deal as d"));
      expect(await concentrationSeriesSql({ rule, grain: "quarter", side: "investor" }, onTheFly)).toEqual(
        await concentrationSeriesSql({ rule, grain: "quarter", side: "investor" }, cells),
      );
    }
  });

  it("give the /deals figures of the filters they can stand for (kinds, statuses, a recipient, whole quarters; a part quarter from its deals) as the deals do", async () => {
    const deals = await loadMeasureDeals(t.db);
    const shapes = [
      "",
      "kind=equity",
      "kind=acquisition",
      "status=in_talks",
      "kind=equity,convertible&status=closed",
      "recipient=openai",
      "recipient=openai&kind=equity&status=announced,closed",
      "recipient=coreweave&kind=compute_commitment",
      "recipient=no-such-company",
      "from=2025-04-01",
      "kind=equity&from=2024-01-01&to=2025-06-30",
      "recipient=openai&to=2025-12-31",
      "status=closed&from=2025-10-01&to=2025-12-31",
      // Dates within a quarter: the whole quarters from the cells, the days at either end from the deals.
      "from=2024-02-15",
      "kind=equity&to=2025-08-20",
      "recipient=openai&from=2023-05-02&to=2025-11-30",
      "status=announced,closed&from=2024-12-31&to=2025-04-01",
    ];
    for (const shape of shapes) {
      const { filters } = parseDealFilters(new URLSearchParams(shape));
      expect(quarterSplit(filters), shape).not.toBeNull();
      expect(quarterSplit(filters)?.days.length, shape).toBe(cellSelection(filters) === null ? (/from=.*&to=/.test(shape) ? 2 : 1) : 0);
      const selected = deals.filter(
        (d) =>
          (filters.kinds.length === 0 || filters.kinds.includes(d.kind)) &&
          (filters.statuses.length === 0 || filters.statuses.includes(d.status)) &&
          (filters.recipient === null || d.recipient.key === filters.recipient) &&
          (filters.from === null || d.announcedOn >= filters.from) &&
          (filters.to === null || d.announcedOn <= filters.to),
      );
      expect(selected.length, shape).toBeGreaterThan(shape.includes("no-such") || shape.includes("acquisition") ? -1 : 0);
      await clearViewCache();
      const stats = await getDealStats(filters);
      expect(stats.dealCount, shape).toBe(selected.length);
      expect(stats.capital, shape).toEqual(capitalCounted(selected));
      expect(await countDealsIn(t.db, filters), shape).toBe(selected.length);
    }
    // Not for dates within a quarter, amounts, investors, text, ids or a date in the past.
    for (const shape of ["from=2025-01-02", "to=2025-06-29", "min=1", "investor=microsoft", "q=cloud", "ids=1", "asOf=2025-06-30"]) {
      expect(cellSelection(parseDealFilters(new URLSearchParams(shape)).filters), shape).toBeNull();
    }
    // Nor split where the other filters are beyond the cells, or no whole quarter lies between the dates.
    for (const shape of [
      "from=2025-01-02&min=1",
      "investor=microsoft&to=2025-06-29",
      "from=2025-02-01&to=2025-05-31",
      "from=2025-01-02&to=2025-03-30",
    ]) {
      expect(quarterSplit(parseDealFilters(new URLSearchParams(shape)).filters), shape).toBeNull();
    }
  });

  it("differ from the deals when a write bypasses the writers (so the check above would catch a writer without the hook)", async () => {
    const deal = await t.db.deal.findFirstOrThrow({ where: { deletedAt: null, amountUsdKey: { not: null } }, orderBy: { id: "asc" } });
    await t.db.deal.update({ where: { id: deal.id }, data: { amountUsdKey: (deal.amountUsdKey as bigint) + 1n } });
    const [stored, scratch] = await Promise.all([storedCells(), cellsFromScratch()]);
    expect(stored.recipients).not.toEqual(scratch.recipients);
    expect(stored.parts).not.toEqual(scratch.parts);
    expect(stored.flows).not.toEqual(scratch.flows);
    expect(stored.periods).not.toEqual(scratch.periods);
    expect(stored.investorTotals).not.toEqual(scratch.investorTotals);
    expect(stored.recipientTotals).not.toEqual(scratch.recipientTotals);
    // A parent changed around the writers leaves the circular flows' pairs of the old family.
    await t.db.organization.update({ where: { slug: "azure" }, data: { parentId: null } });
    expect((await storedCells()).loops).not.toEqual((await cellsFromScratch()).loops);
    // A party added around the writers is in no kept pair.
    const [round] = await t.db.round.findMany({ where: { deals: { some: { deletedAt: null } } }, include: { deals: true }, take: 1 });
    const outsider = await t.db.organization.findFirstOrThrow({ where: { participations: { none: { deal: { roundId: round.id } } } } });
    await t.db.participation.create({
      data: { dealId: round.deals[0].id, organizationId: outsider.id, role: "participant", position: 99 },
    });
    expect((await storedCells()).roundPairs).not.toEqual((await cellsFromScratch()).roundPairs);
    // The /deals figures of a filter the cells stand for read them: an amount changed around the writers is not there,
    // while the same deals selected through a filter the cells cannot stand for (min=0 leaves out only the deals
    // without an amount, which add nothing) read the deals.
    const counted = await t.db.deal.findFirstOrThrow({
      where: { deletedAt: null, kind: "equity", status: "closed", amountUsdKey: { not: null } },
      include: { recipient: true },
    });
    const byCells = parseDealFilters(new URLSearchParams(`kind=equity&recipient=${counted.recipient.slug}`)).filters;
    const byDeals = { ...byCells, min: 0n };
    await clearViewCache();
    const before = [(await getDealStats(byCells)).capital.total, (await getDealStats(byDeals)).capital.total];
    expect(before[0]).toBe(before[1]);
    await t.db.deal.update({ where: { id: counted.id }, data: { amountUsdKey: (counted.amountUsdKey as bigint) + 1n } });
    await clearViewCache();
    expect((await getDealStats(byDeals)).capital.total).toBe(before[1] + 1n);
    expect((await getDealStats(byCells)).capital.total).toBe(before[0]);
    // An event written around the writers has no change kept; one dated before the deal's first leaves its first
    // event's date behind.
    await t.db.dealEvent.create({ data: { dealId: deal.id, occurredOn: "2999-01-01", status: "closed", amountQualifier: "undisclosed" } });
    const changes = await changesKeptAndRecomputed();
    expect(changes.kept).not.toEqual(changes.recomputed);
    // The later one, and the amount changed above, also leave behind the date from which the deal's row was its state:
    // its latest event no longer reports what the row holds.
    const { firstEventOn, stateSince } = await t.db.deal.findUniqueOrThrow({ where: { id: deal.id } });
    const countedSince = (await t.db.deal.findUniqueOrThrow({ where: { id: counted.id } })).stateSince;
    expect([stateSince, countedSince]).not.toContain(null);
    await t.db.dealEvent.create({ data: { dealId: deal.id, occurredOn: "1999-01-01", status: "rumored", amountQualifier: "undisclosed" } });
    const firsts = await changesKeptAndRecomputed();
    expect(firsts.kept.filter((line) => line.startsWith("deal ") && !firsts.recomputed.includes(line)).sort()).toEqual(
      [
        `deal ${deal.id} first ${firstEventOn}`,
        `deal ${deal.id} state since ${stateSince}`,
        `deal ${counted.id} state since ${countedSince}`,
      ].sort(),
    );
  });
});

function formOf(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}
