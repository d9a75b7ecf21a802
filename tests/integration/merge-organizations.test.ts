// Merging two organizations through the real server actions on a real SQLite file: what moves, what the market
// counts (unchanged), the old slug's redirect, the search by the old name, the refusals, and the restore.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/auth/accounts";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { IDLE, type ActionState } from "@/lib/actions/action-state";
import { mergeOrganizationsAction, type MergePreview } from "@/lib/actions/organizations/merge-organizations";
import { restoreOrganizationMergeAction } from "@/lib/actions/organizations/restore-organization-merge";
import { getInvestor } from "@/lib/data/investor";
import { mergedIntoSlug } from "@/lib/data/merged-organization";
import { loadSearchDirectory } from "@/lib/data/organization-directory";
import { getOverview } from "@/lib/data/overview";
import { combineParties } from "@/lib/organizations/merge-organizations";
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
  permanentRedirect: (to: string) => {
    throw Object.assign(new Error("redirect"), { to });
  },
}));

let t: TestDb;
let cookie: string;

async function as<T>(sessionCookie: string | null, run: () => Promise<T>): Promise<T | { redirectedTo: string }> {
  requestContext.reset();
  if (sessionCookie) requestContext.cookies.set("dt_session", sessionCookie);
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

/** Every party row of every deal, as comparable text: deal, organization or label, role, amount, note. */
async function partyRows(): Promise<string[]> {
  const rows = await t.db.participation.findMany({ orderBy: [{ dealId: "asc" }, { position: "asc" }, { id: "asc" }] });
  return rows.map((p) => [p.dealId, p.organizationId ?? p.partyLabel, p.role, p.committedUsd ?? "", p.note ?? "", p.position].join("|"));
}

async function market() {
  const overview = await getOverview();
  return { totalDeals: overview.totalDeals, capital: overview.capital };
}

const slugId = async (slug: string) => (await t.db.organization.findUniqueOrThrow({ where: { slug } })).id;

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as { dealTrackerDb?: Promise<unknown> }).dealTrackerDb = Promise.resolve(t.db);
  await seedDatabase(t.db);
  const editor = await createUser(t.db, { email: "ed@example.com", password: "editor-password-1", role: "editor" });
  cookie = generateSecret("s");
  await t.db.session.create({ data: { id: hashSecret(cookie), userId: editor.id, expiresAt: new Date(Date.now() + 3_600_000) } });
});
afterAll(async () => t?.dispose());

describe("combining two party rows of one deal", () => {
  const row = { id: 1, dealId: 1, organizationId: 1, partyLabel: null, position: 3 };
  it("keeps the higher role, adds stated amounts, joins the notes", () => {
    expect(
      combineParties(
        { ...row, role: "participant", committedUsd: 5n, note: "via fund II" },
        { ...row, role: "co_lead", committedUsd: 7n, note: null, position: 1 },
      ),
    ).toEqual({ role: "co_lead", committedUsd: 12n, note: "via fund II", position: 1 });
  });
  it("leaves the amount unstated when one part is not stated", () => {
    expect(
      combineParties(
        { ...row, role: "lead", committedUsd: 5n, note: null },
        { ...row, role: "participant", committedUsd: null, note: null },
      ).committedUsd,
    ).toBeNull();
  });
});

describe("merging Insight Partners into Thrive Capital", () => {
  let preview: MergePreview;
  let partiesBefore: string[];
  let marketBefore: Awaited<ReturnType<typeof market>>;
  let insightCapitalBefore: bigint;

  it("refuses a visitor and writes nothing", async () => {
    const revisions = await t.db.revision.count();
    const refused = (await as(null, () =>
      mergeOrganizationsAction(
        IDLE,
        form({ keep: "Thrive Capital", merge: "Insight Partners", intent: "apply", previewed: "thrive-capital insight-partners" }),
      ),
    )) as ActionState;
    expect(refused.httpStatus).toBe(401);
    expect(await t.db.revision.count()).toBe(revisions);
    expect((await t.db.organization.findUniqueOrThrow({ where: { slug: "insight-partners" } })).deletedAt).toBeNull();
  });

  it("previews what moves, writing nothing", async () => {
    partiesBefore = await partyRows();
    marketBefore = await market();
    insightCapitalBefore = (await getInvestor("insight-partners", "year"))!.capital.total;
    const revisions = await t.db.revision.count();
    const state = (await as(cookie, () =>
      mergeOrganizationsAction(IDLE, form({ keep: "Thrive", merge: "insight partners", intent: "preview" })),
    )) as ActionState;
    expect(state.status).toBe("ok");
    preview = state.data as MergePreview;
    const insightParties = await t.db.participation.count({ where: { organizationId: await slugId("insight-partners") } });
    expect(preview.keep.slug).toBe("thrive-capital");
    expect(preview.merge.slug).toBe("insight-partners");
    expect(preview.movedParties + preview.combinedDeals.length).toBe(insightParties);
    // Both are in Databricks' Series J and K.
    expect(preview.combinedDeals.map((d) => d.recipient)).toEqual(expect.arrayContaining(["Databricks"]));
    expect(preview.combinedDeals.length).toBeGreaterThanOrEqual(2);
    expect(preview.aliasesAdded).toEqual(["Insight Partners"]);
    expect(await t.db.revision.count()).toBe(revisions);
    expect(await partyRows()).toEqual(partiesBefore);
  });

  it("does not apply a confirmation for two other organizations than the ones previewed", async () => {
    const state = (await as(cookie, () =>
      mergeOrganizationsAction(IDLE, form({ keep: "Thrive Capital", merge: "Coatue", intent: "apply", previewed: preview.token })),
    )) as ActionState;
    expect(state.status).toBe("ok");
    expect(state.message).toMatch(/changed since the preview/);
    expect((await t.db.organization.findUniqueOrThrow({ where: { slug: "coatue" } })).deletedAt).toBeNull();
  });

  it("merges: the parties move, one row per deal, the market's counts and capital unchanged", async () => {
    const thriveId = await slugId("thrive-capital");
    const insightId = await slugId("insight-partners");
    const seriesK = await t.db.participation.findFirstOrThrow({
      where: { organizationId: insightId, deal: { round: "Series K" } },
      select: { dealId: true },
    });
    const done = await as(cookie, () =>
      mergeOrganizationsAction(
        IDLE,
        form({ keep: "Thrive Capital", merge: "Insight Partners", intent: "apply", previewed: preview.token }),
      ),
    );
    expect(done).toEqual({ redirectedTo: "/admin/organizations/merge?merged=Insight%20Partners&into=thrive-capital" });

    expect(await t.db.participation.count({ where: { organizationId: insightId } })).toBe(0);
    const kRows = await t.db.participation.findMany({ where: { dealId: seriesK.dealId } });
    expect(kRows.filter((p) => p.organizationId === thriveId)).toHaveLength(1);
    expect(kRows.find((p) => p.organizationId === thriveId)!.role).toBe("co_lead");

    expect(await market()).toEqual(marketBefore);
    const insight = await t.db.organization.findUniqueOrThrow({ where: { id: insightId } });
    expect(insight.deletedAt).not.toBeNull();
    expect(insight.mergedIntoId).toBe(thriveId);
    expect(await mergedIntoSlug("insight-partners")).toBe("thrive-capital");
    expect(await getInvestor("insight-partners", "year")).toBeNull();

    // The old name finds the kept organization, in the alias directory and in the deals' search text.
    expect((await loadSearchDirectory(t.db)).resolve("Insight Partners")?.slug).toBe("thrive-capital");
    const search = await t.db.dealSearch.findUniqueOrThrow({ where: { dealId: seriesK.dealId } });
    expect(search.text).toContain("Insight Partners");

    // One merge revision, and one revision per deal that changed, each with its snapshots.
    const merge = await t.db.revision.findFirstOrThrow({ where: { entityType: "organization", entityId: insightId, action: "merge" } });
    expect(JSON.parse(merge.after!)).toMatchObject({ mergedIntoId: thriveId });
    const dealRevisions = await t.db.revision.count({ where: { entityType: "deal", id: { gt: merge.id } } });
    expect(dealRevisions).toBe(preview.dealCount);
  });

  it("restores: Insight Partners is back with every party as it was, the market unchanged", async () => {
    const merge = await t.db.revision.findFirstOrThrow({
      where: { entityType: "organization", action: "merge", entityId: await slugId("insight-partners") },
    });
    const done = await as(cookie, () => restoreOrganizationMergeAction(IDLE, form({ revisionId: String(merge.id) })));
    expect(done).toEqual({ redirectedTo: "/admin/organizations/merge?restored=insight-partners" });
    // The restored combined rows are new rows at the positions they had; the comparison ignores row ids.
    expect(await partyRows()).toEqual(partiesBefore);
    expect(await market()).toEqual(marketBefore);
    expect((await getInvestor("insight-partners", "year"))!.capital.total).toBe(insightCapitalBefore);
    expect(await mergedIntoSlug("insight-partners")).toBeNull();
    expect((await loadSearchDirectory(t.db)).resolve("Insight Partners")?.slug).toBe("insight-partners");
    // A second restore of the same merge has nothing to undo.
    const again = (await as(cookie, () => restoreOrganizationMergeAction(IDLE, form({ revisionId: String(merge.id) })))) as ActionState;
    expect(again.status).toBe("error");
    expect(again.message).toMatch(/no longer merged/);
  });
});

describe("refusals and recipients", () => {
  it("refuses a merge that would make an organization invest in itself, naming the deals", async () => {
    const state = (await as(cookie, () =>
      mergeOrganizationsAction(IDLE, form({ keep: "OpenAI", merge: "Thrive Capital", intent: "preview" })),
    )) as ActionState;
    expect(state.status).toBe("error");
    expect(state.message).toMatch(/Thrive Capital and OpenAI are on both sides of deal \d+ \(OpenAI, \d{4}-\d{2}-\d{2}\)/);
  });

  it("names the field of a name that names nothing, and an organization merged into itself", async () => {
    const unknown = (await as(cookie, () =>
      mergeOrganizationsAction(IDLE, form({ keep: "Thrive Capital", merge: "Nobody Ventures", intent: "preview" })),
    )) as ActionState;
    expect(unknown.fieldErrors?.merge?.[0]).toMatch(/no organization is named “Nobody Ventures”/);
    const itself = (await as(cookie, () =>
      mergeOrganizationsAction(IDLE, form({ keep: "Thrive", merge: "Thrive Capital", intent: "preview" })),
    )) as ActionState;
    expect(itself.message).toMatch(/cannot be merged into itself/);
  });

  it("moves the deals a merged organization received and the units below it", async () => {
    const databricks = await t.db.organization.findUniqueOrThrow({ where: { slug: "databricks" } });
    const twin = await t.db.organization.create({
      data: { slug: "databricks-inc", name: "Databricks Inc.", type: "other", aliases: { create: [{ alias: "DBX", key: "dbx" }] } },
    });
    const unit = await t.db.organization.create({
      data: { slug: "databricks-ventures-x", name: "Databricks Ventures X", type: "vc", parentId: twin.id },
    });
    const deal = await t.db.deal.findFirstOrThrow({ where: { recipientId: databricks.id } });
    await t.db.deal.update({ where: { id: deal.id }, data: { recipientId: twin.id } });
    const marketBefore = await market();

    const preview = (
      (await as(cookie, () => mergeOrganizationsAction(IDLE, form({ keep: "Databricks", merge: "DBX", intent: "preview" })))) as ActionState
    ).data as MergePreview;
    expect(preview).toMatchObject({ receivedDeals: 1, units: 1, aliasesAdded: ["Databricks Inc.", "DBX"] });
    await as(cookie, () =>
      mergeOrganizationsAction(IDLE, form({ keep: "Databricks", merge: "DBX", intent: "apply", previewed: preview.token })),
    );
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).recipientId).toBe(databricks.id);
    expect((await t.db.organization.findUniqueOrThrow({ where: { id: unit.id } })).parentId).toBe(databricks.id);
    expect(await market()).toEqual(marketBefore);
    expect(await mergedIntoSlug("databricks-inc")).toBe("databricks");
  });
});
