// Likely duplicates in an import (issue 20, part 3): flagged in the dry run against tracked deals and earlier rows,
// refused by default (409 through the API, nothing written), skipped or created on request.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createUser } from "@/lib/auth/accounts";
import { DEAL_CSV_COLUMNS } from "@/lib/csv/deal-csv-format";
import { importDealCsv } from "@/lib/import/apply-deal-import";
import { describeDuplicate, LISTED_DUPLICATES, MAX_CANDIDATES } from "@/lib/import/find-duplicates";
import { SEED_CSV_PATH, seedDatabase } from "@/lib/seed/seed-database";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
let token: string;
const HEADER = DEAL_CSV_COLUMNS.join(",");
const row = (date: string, investors: string, amount: string, round = "Dup round") =>
  `${date},${investors},Mistral AI,equity,announced,${round},${amount},${amount},exact,USD,${amount},,,Dup test,https://example.com/d,Example,${date}`;

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as { dealTrackerDb?: Promise<unknown> }).dealTrackerDb = Promise.resolve(t.db);
  await seedDatabase(t.db);
  const editor = await createUser(t.db, { email: "dup-editor@example.com", password: "editor-password-1", role: "editor" });
  token = (await createApiToken(t.db, editor.id, "duplicates")).token;
});
afterAll(async () => t?.dispose());

async function post(body: string, query: string) {
  const { POST } = await import("@/app/api/import/route");
  return POST(
    new Request(`http://localhost/api/import${query}`, {
      method: "POST",
      headers: { "content-type": "text/csv", authorization: `Bearer ${token}` },
      body,
    }),
  );
}

describe("likely duplicates", () => {
  it("flags every row of the shipped seed imported again, each naming a tracked deal", async () => {
    const seed = readFileSync(SEED_CSV_PATH, "utf8");
    const result = await importDealCsv(t.db, seed, { actor: "test", dryRun: true });
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    const rows = seed.trim().split("\n").length - 1;
    expect(result.created).toBe(rows);
    expect(result.duplicates).toHaveLength(rows);
    expect(result.duplicates.every((flag) => flag.matches.some((c) => c.kind === "existing"))).toBe(true);
  });

  it("names the deal or row a row looks like and why, and leaves alone a deal of another month or amount", async () => {
    await importDealCsv(t.db, `${HEADER}\n${row("2026-03-01", "Nvidia (lead)", "1000000000")}\n`, { actor: "test" });
    const existing = await t.db.deal.findFirstOrThrow({ where: { summary: "Dup test" }, select: { id: true } });
    const text = [
      HEADER,
      row("2026-03-20", "Nvidia;Amazon", "1050000000", "Series X"), // 19 days, 5 %, Nvidia in common
      row("2026-05-01", "Nvidia", "1000000000"), // 61 days later: not a duplicate
      row("2026-03-05", "Amazon", "1500000000"), // 50 % more: not a duplicate
      row("2026-05-10", "Nvidia", "1020000000"), // like the row of 2026-05-01 above it
    ].join("\n");
    const result = await importDealCsv(t.db, text, { actor: "test", dryRun: true });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.duplicates.map(describeDuplicate)).toEqual([
      {
        row: 2,
        candidates: [
          {
            kind: "existing",
            dealId: existing.id,
            announcedOn: "2026-03-01",
            round: "Dup round",
            reasons: [
              "same recipient (Mistral AI)",
              "investor in common: Nvidia",
              "announced 19 days apart",
              "amounts within 10% ($1,050,000,000 and $1,000,000,000)",
            ],
          },
        ],
      },
      {
        row: 5,
        candidates: [
          {
            kind: "row",
            row: 3,
            announcedOn: "2026-05-01",
            round: "Dup round",
            reasons: [
              "same recipient (Mistral AI)",
              "investor in common: Nvidia",
              "announced 9 days apart",
              "amounts within 10% ($1,020,000,000 and $1,000,000,000)",
            ],
          },
        ],
      },
    ]);
  });

  it("POST /api/import refuses flagged rows with 409 by default, writing nothing; skip leaves them out; create keeps them", async () => {
    const text = `${HEADER}\n${row("2026-03-02", "Nvidia", "1000000000")}\n${row("2026-09-01", "Nvidia", "7000000000")}\n`;
    const before = await t.db.deal.count();
    const refused = await post(text, "");
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { duplicates: { row: number }[] };
    expect(body.duplicates.map((d) => d.row)).toEqual([2]);
    expect(await t.db.deal.count()).toBe(before);

    const dry = await post(text, "?dryRun=1");
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as { duplicates: unknown[] }).duplicates).toHaveLength(1);

    const skipped = await post(text, "?onDuplicate=skip");
    expect(skipped.status).toBe(200);
    expect(await skipped.json()).toMatchObject({ create: 1, skip: 1 });
    expect(await t.db.deal.count()).toBe(before + 1);

    const created = await post(`${HEADER}\n${row("2026-03-03", "Nvidia", "1000000000")}\n`, "?onDuplicate=create");
    expect(await created.json()).toMatchObject({ create: 1, skip: 0 });
    expect(await t.db.deal.count()).toBe(before + 2);

    expect((await post(text, "?onDuplicate=maybe")).status).toBe(400);
  });

  it("takes a choice per flagged row: skip one, create one, write one over the deal it looks like; a wrong choice writes nothing", async () => {
    await importDealCsv(t.db, `${HEADER}\n${row("2026-10-01", "SoftBank", "3000000000", "Per-row base")}\n`, { actor: "test" });
    const base = await t.db.deal.findFirstOrThrow({ where: { round: "Per-row base" }, select: { id: true, version: true } });
    const text = [
      HEADER,
      row("2026-10-02", "SoftBank", "3000000000", "Per-row skipped"),
      row("2026-10-03", "SoftBank", "3100000000", "Per-row created"),
      row("2026-10-04", "SoftBank", "2900000000", "Per-row update"),
    ].join("\n");
    const before = await t.db.deal.count();

    // A choice for a row that is not flagged, or an update of a deal the row is not like, is a row error.
    const wrong = await post(text, `?duplicate=2:skip&duplicate=4:update:${base.id + 100000}`);
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { errors: { row: number; field: string }[] }).errors.map((e) => [e.row, e.field])).toEqual([
      [4, "duplicate"],
    ]);
    expect((await post(text, "?duplicate=2:maybe")).status).toBe(400);
    // Rows with no choice fall back to onDuplicate (fail by default): 409, listing only those.
    const partly = await post(text, "?duplicate=2:skip");
    expect(partly.status).toBe(409);
    expect(((await partly.json()) as { duplicates: { row: number }[] }).duplicates.map((d) => d.row)).toEqual([3, 4]);
    expect(await t.db.deal.count()).toBe(before);

    const applied = await post(text, `?duplicate=2:skip&duplicate=3:create&duplicate=4:update:${base.id}`);
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ create: 1, update: 1, skip: 1 });
    expect(await t.db.deal.count()).toBe(before + 1);
    const updated = await t.db.deal.findUniqueOrThrow({
      where: { id: base.id },
      select: { round: true, amountUsdHigh: true, version: true },
    });
    expect(updated).toEqual({ round: "Per-row update", amountUsdHigh: 2_900_000_000n, version: base.version + 1 });
    expect(await t.db.deal.count({ where: { round: "Per-row skipped" } })).toBe(0);
    expect(await t.db.deal.count({ where: { round: "Per-row created" } })).toBe(1);
  });

  it("lists the first flagged rows with their reasons and counts them all; duplicatesFrom pages on", async () => {
    const rows = LISTED_DUPLICATES + 50;
    const text = [HEADER, ...Array.from({ length: rows }, () => row("2027-02-01", "Nvidia", "2000000000", "Paged"))].join("\n");
    const before = await t.db.deal.count();
    type Answer = { duplicates: { row: number; candidates: { reasons: string[] }[] }[]; duplicateCount: number };
    // Every row after the first looks like the rows above it.
    const flagged = rows - 1;

    const first = await post(text, "?dryRun=1");
    expect(first.status).toBe(200);
    const page = (await first.json()) as Answer;
    expect(page.duplicateCount).toBe(flagged);
    expect(page.duplicates.map((d) => d.row)).toEqual(Array.from({ length: LISTED_DUPLICATES }, (_, i) => i + 3));
    expect(page.duplicates.every((d) => d.candidates.length === Math.min(MAX_CANDIDATES, d.row - 2))).toBe(true);
    expect(page.duplicates[0].candidates[0].reasons).toContain("announced the same day");

    const next = (await (await post(text, `?dryRun=1&duplicatesFrom=${LISTED_DUPLICATES}`)).json()) as Answer;
    expect(next.duplicateCount).toBe(flagged);
    expect(next.duplicates.map((d) => d.row)).toEqual(
      Array.from({ length: flagged - LISTED_DUPLICATES }, (_, i) => i + 3 + LISTED_DUPLICATES),
    );

    const refused = await post(text, "");
    expect(refused.status).toBe(409);
    const refusal = (await refused.json()) as Answer;
    expect([refusal.duplicates.length, refusal.duplicateCount]).toEqual([LISTED_DUPLICATES, flagged]);
    expect(await t.db.deal.count()).toBe(before);

    const bad = await post(text, "?dryRun=1&duplicatesFrom=-1");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/duplicatesFrom/);
  });
});
