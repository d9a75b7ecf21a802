// The round editor's server action on a real SQLite file: who may save, what is refused, what a save records.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/auth/accounts";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { IDLE } from "@/lib/actions/action-state";
import { saveRound } from "@/lib/actions/rounds/save-round";
import { getRoundForEditing } from "@/lib/data/admin";
import { readDataVersion } from "@/lib/data/data-version";
import { seedDatabase } from "@/lib/seed/seed-database";
import { requestContext } from "../support/next-request-context";
import { createTestDb, type TestDb } from "../support/test-db";

vi.mock("next/headers", async () => (await import("../support/next-request-context")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// redirect() ends a successful action; here it records where it went instead of leaving the request.
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("redirect"), { to });
  },
}));

let t: TestDb;
let cookie: string;
let roundId: number;

async function as<T>(session: string | null, run: () => Promise<T>): Promise<T | { redirectedTo: string }> {
  requestContext.reset();
  if (session) requestContext.cookies.set("dt_session", session);
  try {
    return await run();
  } catch (error) {
    const to = (error as { to?: string }).to;
    if (to) return { redirectedTo: to };
    throw error;
  }
}

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

const roundOf = () => t.db.round.findUniqueOrThrow({ where: { id: roundId } });
const roundRevisions = () => t.db.revision.count({ where: { entityType: "round", entityId: roundId } });

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as { dealTrackerDb?: Promise<unknown> }).dealTrackerDb = Promise.resolve(t.db);
  await seedDatabase(t.db);
  const editor = await createUser(t.db, { email: "ed@example.com", password: "editor-password-1", role: "editor" });
  cookie = generateSecret("s");
  await t.db.session.create({ data: { id: hashSecret(cookie), userId: editor.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  const openai = await t.db.organization.findUniqueOrThrow({ where: { slug: "openai" } });
  roundId = (await t.db.round.findUniqueOrThrow({ where: { recipientId_key: { recipientId: openai.id, key: "2026-mega-round" } } })).id;
});
afterAll(async () => t?.dispose());

describe("saving a round", () => {
  it("refuses a visitor, writing nothing", async () => {
    const before = await roundOf();
    const values = (await getRoundForEditing(roundId))!.values;
    const result = await as(null, () => saveRound(IDLE, form({ ...values, id: String(roundId), name: "Renamed" })));
    expect(result).toMatchObject({ status: "error", httpStatus: 401 });
    expect(await roundOf()).toEqual(before);
  });

  it("names each bad field and writes nothing partial", async () => {
    const before = await roundOf();
    const revisions = await roundRevisions();
    const result = await as(cookie, () =>
      saveRound(
        IDLE,
        form({
          id: String(roundId),
          name: "A fine new name",
          announced_on: "2026-02-30",
          amount_qualifier: "exact",
          amount_usd_low: "122000000000",
          amount_usd_high: "",
          post_money_valuation_usd: "852B",
        }),
      ),
    );
    expect(result).toMatchObject({ status: "error" });
    const errors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(["announced_on", "post_money_valuation_usd"]);
    expect(errors.announced_on[0]).toMatch(/announced_on/);
    expect(errors.post_money_valuation_usd[0]).toMatch(/post_money_valuation_usd/);
    // The amount rules are the deal's: "up to" needs its high figure.
    const upTo = await as(cookie, () =>
      saveRound(
        IDLE,
        form({
          id: String(roundId),
          name: "x",
          announced_on: "2026-02-27",
          amount_qualifier: "up_to",
          amount_usd_low: "",
          amount_usd_high: "",
          post_money_valuation_usd: "",
        }),
      ),
    );
    expect(Object.keys((upTo as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(["amount_usd_high"]);
    expect(await roundOf()).toEqual(before);
    expect(await roundRevisions()).toBe(revisions);
  });

  it("saves every field for an editor, records a revision with before and after, and moves the data version", async () => {
    const version = await readDataVersion(t.db);
    const revisions = await roundRevisions();
    const result = await as(cookie, () =>
      saveRound(
        IDLE,
        form({
          id: String(roundId),
          name: "2026 round ($122B)",
          announced_on: "2026-03-31",
          amount_qualifier: "range",
          amount_usd_low: "110000000000",
          amount_usd_high: "122000000000",
          post_money_valuation_usd: "852000000000",
        }),
      ),
    );
    expect(result).toEqual({ redirectedTo: `/admin/rounds/${roundId}?saved=1` });
    expect(await roundOf()).toMatchObject({
      name: "2026 round ($122B)",
      announcedOn: "2026-03-31",
      amountQualifier: "range",
      amountUsdLow: 110_000_000_000n,
      amountUsdHigh: 122_000_000_000n,
      postMoneyValuationUsd: 852_000_000_000n,
    });
    expect(await roundRevisions()).toBe(revisions + 1);
    const revision = await t.db.revision.findFirstOrThrow({ where: { entityType: "round", entityId: roundId }, orderBy: { id: "desc" } });
    expect(revision).toMatchObject({ action: "update", actor: "ed@example.com" });
    expect(JSON.parse(revision.after as string)).toMatchObject({ name: "2026 round ($122B)", amountUsdHigh: "122000000000" });
    expect(JSON.parse(revision.before as string).name).not.toBe("2026 round ($122B)");
    expect(await readDataVersion(t.db)).not.toBe(version);
  });

  it("answers an unknown round by name, writing nothing", async () => {
    const result = await as(cookie, () =>
      saveRound(
        IDLE,
        form({
          id: "999999",
          name: "x",
          announced_on: "2026-01-01",
          amount_qualifier: "undisclosed",
          amount_usd_low: "",
          amount_usd_high: "",
          post_money_valuation_usd: "",
        }),
      ),
    );
    expect(result).toMatchObject({ status: "error", message: "There is no round 999999." });
  });
});
