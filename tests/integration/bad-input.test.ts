// Issue 7: a corpus of malformed input. CSV files through the importer and POST /api/import, form submissions through
// the real server actions, and malformed filters through every GET endpoint. Each case must get a 400 or a row/field
// error naming the problem; none may throw, answer 500, write anything, or hang.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken, createUser } from "@/lib/auth/accounts";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { IDLE, type ActionState } from "@/lib/actions/action-state";
import { csvCell } from "@/lib/csv/write-csv";
import { importDealCsv } from "@/lib/import/apply-deal-import";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-limits";
import { seedDatabase } from "@/lib/seed/seed-database";
import { acceptedCsvCases, badCsvCases, file, row } from "../support/bad-input-corpus";
import { requestContext } from "../support/next-request-context";
import { createTestDb, type TestDb } from "../support/test-db";

vi.mock("next/headers", async () => (await import("../support/next-request-context")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined }));

let t: TestDb;
let token: string;
let editorCookie: string;
let adminCookie: string;
const tally = { csv: 0, form: 0, api: 0, failed: 0, partial: 0 };

async function tableCounts() {
  const db = t.db;
  return {
    deals: await db.deal.count(),
    versions: (await db.deal.aggregate({ _sum: { version: true } }))._sum.version,
    organizations: await db.organization.count(),
    aliases: await db.organizationAlias.count(),
    participations: await db.participation.count(),
    sources: await db.source.count(),
    events: await db.dealEvent.count(),
    revisions: await db.revision.count(),
    users: await db.user.count(),
    tokens: await db.apiToken.count(),
  };
}

/** Runs one case: counts it, records a failure or a partial write, and rethrows so the test names it. */
async function tryCase(group: "csv" | "form" | "api", check: () => Promise<void>) {
  tally[group]++;
  const before = await tableCounts();
  try {
    await check();
  } catch (error) {
    tally.failed++;
    throw error;
  }
  const after = await tableCounts();
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    tally.partial++;
    expect(after, "a refused input wrote something").toEqual(before);
  }
}

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as { dealTrackerDb?: Promise<unknown> }).dealTrackerDb = Promise.resolve(t.db);
  await seedDatabase(t.db);
  const editor = await createUser(t.db, { email: "editor@example.com", password: "editor-password-1", role: "editor" });
  const admin = await createUser(t.db, { email: "admin@example.com", password: "admin-password-12", role: "admin" });
  token = (await createApiToken(t.db, editor.id, "bad-input")).token;
  editorCookie = generateSecret("s");
  adminCookie = generateSecret("s");
  await t.db.session.create({ data: { id: hashSecret(editorCookie), userId: editor.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  await t.db.session.create({ data: { id: hashSecret(adminCookie), userId: admin.id, expiresAt: new Date(Date.now() + 3_600_000) } });
});

afterAll(async () => {
  console.log(
    `bad input: ${tally.csv} CSV cases, ${tally.form} form cases, ${tally.api} API cases tried; ${tally.failed} failed; ${tally.partial} partial writes`,
  );
  await t?.dispose();
});

function importRequest(body: BodyInit, query = "") {
  return new Request(`http://localhost/api/import${query}`, {
    method: "POST",
    headers: { "content-type": "text/csv", authorization: `Bearer ${token}` },
    body,
  });
}

describe("CSV corpus", () => {
  const cases = badCsvCases();

  it.each(cases.map((c) => [c.name, c] as const))("importDealCsv refuses %s, naming the row and field", async (_name, c) => {
    if (typeof c.body !== "string") return;
    const body = c.body;
    await tryCase("csv", async () => {
      const result = await importDealCsv(t.db, body, { actor: "bad-input" });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.length).toBeGreaterThan(0);
      for (const error of result.errors) {
        expect(error.row).toBeGreaterThanOrEqual(1);
        expect(error.message.length).toBeGreaterThan(5);
      }
      if (c.field !== undefined) expect(result.errors.map((e) => e.field)).toContain(c.field);
      if (c.row !== undefined) expect(result.errors.map((e) => e.row)).toContain(c.row);
      if (c.field)
        expect(result.errors.find((e) => e.field === c.field)?.message, "the message names what is wrong").toContain(c.mentions ?? c.field);
    });
  });

  it.each(cases.map((c) => [c.name, c] as const))("POST /api/import answers 400 for %s", async (_name, c) => {
    const { POST } = await import("@/app/api/import/route");
    await tryCase("csv", async () => {
      const response = await POST(importRequest(c.body as BodyInit));
      expect(response.status).toBe(400);
      const json = (await response.json()) as { error: string; errors?: { row: number; field: string | null; message: string }[] };
      expect(json.error).toBeTruthy();
      if (c.field !== undefined) expect(json.errors?.map((e) => e.field)).toContain(c.field);
    });
  });

  it("POST /api/import refuses bytes that are not UTF-8 with 400", async () => {
    const { POST } = await import("@/app/api/import/route");
    const latin1 = new Uint8Array([...new TextEncoder().encode(file(row()).slice(0, -30)), 0xe9, 0x0a]);
    for (const body of [
      latin1,
      new Uint8Array([0xff, 0xfe, 0x00, 0x61]),
      new Uint8Array([0xc3, 0x28]),
      new Uint8Array([0xed, 0xa0, 0x80]),
    ]) {
      await tryCase("csv", async () => {
        const response = await POST(importRequest(body));
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: string }).error).toMatch(/not UTF-8/);
      });
    }
  });

  it("POST /api/import refuses a body past 10 MB with 413, declared or not", async () => {
    const { POST } = await import("@/app/api/import/route");
    const big = file(row()) + "x".repeat(MAX_IMPORT_BYTES);
    await tryCase("csv", async () => {
      const response = await POST(importRequest(big));
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: string }).error).toMatch(/MB/);
    });
    await tryCase("csv", async () => {
      const request = new Request("http://localhost/api/import", {
        method: "POST",
        headers: { "content-type": "text/csv", authorization: `Bearer ${token}`, "content-length": String(MAX_IMPORT_BYTES + 1) },
        body: "x",
      });
      const response = await POST(request);
      expect(response.status).toBe(413);
    });
  });

  it("importDealCsv refuses a 10 MB file of garbage quickly with one file-level error", async () => {
    await tryCase("csv", async () => {
      const started = Date.now();
      const result = await importDealCsv(t.db, "garbage,".repeat(MAX_IMPORT_BYTES / 8), { actor: "bad-input" });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatchObject({ row: 1, field: null });
      expect(Date.now() - started).toBeLessThan(20_000);
    });
  });

  it.each(acceptedCsvCases().map((c) => [c.name, c] as const))(
    "accepts the valid but unusual file: %s (dry run, nothing written)",
    async (_name, c) => {
      const { POST } = await import("@/app/api/import/route");
      await tryCase("csv", async () => {
        const direct = await importDealCsv(t.db, c.body, { actor: "bad-input", dryRun: true });
        expect(direct.ok, direct.ok ? "" : JSON.stringify(direct.errors)).toBe(true);
        if (c.check && direct.ok) {
          for (const [key, value] of Object.entries(c.check))
            expect((direct.planned?.[0] as Record<string, unknown> | undefined)?.[key]).toBe(value);
        }
        const response = await POST(importRequest(c.body, "?dryRun=1"));
        expect(response.status).toBe(200);
      });
    },
  );

  it("imports a formula cell as text and neutralises it on the way out", async () => {
    const summary = '=HYPERLINK("http://evil.example","click")';
    const result = await importDealCsv(t.db, file(row({ summary, recipient: "Formula Test Co" })), { actor: "bad-input" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const deal = await t.db.deal.findUniqueOrThrow({ where: { id: result.dealIds[0] }, select: { summary: true } });
    expect(deal.summary).toBe(summary);
    expect(csvCell(deal.summary)).toBe(`"'${summary.replace(/"/g, '""')}"`);
    const { GET } = await import("@/app/api/deals/export.csv/route");
    const exported = await (await GET(new Request("http://localhost/api/deals/export.csv?recipient=formula-test-co"))).text();
    expect(exported).toContain("'=HYPERLINK");
    expect(exported).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

// ---------------------------------------------------------------------------------------------------------------
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

function formOf(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

/** The action answers an error that names the field (in fieldErrors, or in its message), and does not throw. */
async function expectFieldError(action: Action, values: Record<string, string>, field: string, cookie: string) {
  requestContext.reset();
  requestContext.cookies.set("dt_session", cookie);
  let state: ActionState;
  try {
    state = await action(IDLE, formOf(values));
  } catch (error) {
    throw new Error(`the action threw (${(error as Error).message}) for ${field}`);
  }
  expect(state.status, JSON.stringify(state)).toBe("error");
  const named = Object.keys(state.fieldErrors ?? {}).includes(field) || (state.message ?? "").toLowerCase().includes(field.toLowerCase());
  expect(named, `${field} not named in ${JSON.stringify({ message: state.message, fieldErrors: state.fieldErrors })}`).toBe(true);
}

const DEAL_FORM: Record<string, string> = {
  announced_on: "2026-06-01",
  investors: "Amazon",
  recipient: "Anthropic",
  kind: "equity",
  status: "announced",
  round: "",
  amount_usd_low: "5",
  amount_usd_high: "5",
  amount_qualifier: "exact",
  original_currency: "USD",
  original_amount: "",
  post_money_valuation_usd: "",
  stake_pct: "",
  summary: "x",
  source_url: "",
  source_publisher: "",
  source_date: "",
};
const LONG = "x".repeat(10_000);

describe("form corpus", () => {
  it("saveDeal: every field empty, too long or of the wrong type", async () => {
    const { saveDeal } = await import("@/lib/actions/deals/save-deal");
    const empty = Object.fromEntries(Object.keys(DEAL_FORM).map((k) => [k, ""]));
    for (const field of ["announced_on", "recipient", "kind", "status", "amount_qualifier"]) {
      await tryCase("form", () => expectFieldError(saveDeal, empty, field, editorCookie));
    }
    await tryCase("form", () => expectFieldError(saveDeal, { ...DEAL_FORM, investors: "" }, "investors", editorCookie));
    const tooLong: Record<string, string> = {
      announced_on: LONG,
      investors: LONG,
      recipient: LONG,
      kind: LONG,
      status: LONG,
      round: LONG,
      amount_usd_low: LONG,
      amount_usd_high: LONG,
      amount_qualifier: LONG,
      original_currency: LONG,
      original_amount: LONG,
      post_money_valuation_usd: LONG,
      stake_pct: LONG,
      summary: LONG,
      source_url: LONG,
      source_publisher: LONG,
      source_date: LONG,
    };
    for (const [field, value] of Object.entries(tooLong)) {
      await tryCase("form", () => expectFieldError(saveDeal, { ...DEAL_FORM, [field]: value }, field, editorCookie));
    }
    const wrongType: [string, string][] = [
      ["amount_usd_low", "abc"],
      ["amount_usd_high", "5M"],
      ["original_amount", "-3"],
      ["post_money_valuation_usd", "1.5e9"],
      ["stake_pct", "ten"],
      ["announced_on", "2026-13-45"],
      ["source_date", "tomorrow"],
      ["kind", "1"],
      ["status", "true"],
    ];
    for (const [field, value] of wrongType) {
      await tryCase("form", () => expectFieldError(saveDeal, { ...DEAL_FORM, [field]: value }, field, editorCookie));
    }
    for (const id of ["abc", "-1", "1.5", LONG]) {
      await tryCase("form", () => expectFieldError(saveDeal, { ...DEAL_FORM, id }, "id", editorCookie));
    }
    await tryCase("form", () => expectFieldError(saveDeal, { ...DEAL_FORM, id: "999999" }, "deal 999999", editorCookie));
    await tryCase("form", () =>
      expectFieldError(
        saveDeal,
        { ...DEAL_FORM, id: "1", version: "abc", change_date: "2026-06-02", source_url: "https://example.com/report" },
        "version",
        editorCookie,
      ),
    );
    await tryCase("form", () =>
      expectFieldError(
        saveDeal,
        {
          ...DEAL_FORM,
          id: "1",
          version: "1",
          amount_usd_low: "7",
          amount_usd_high: "7",
          change_date: "2026-13-45",
          source_url: "https://example.com/r",
        },
        "change_date",
        editorCookie,
      ),
    );
  });

  it("saveOrganization: every field empty, too long or of the wrong type", async () => {
    const { saveOrganization } = await import("@/lib/actions/organizations/save-organization");
    const good = { name: "Bad Input Org", slug: "bad-input-org", type: "other", country: "", website: "", parentId: "", aliases: "" };
    const empty = { name: "", slug: "", type: "", country: "", website: "", parentId: "", aliases: "" };
    for (const field of ["name", "slug", "type"])
      await tryCase("form", () => expectFieldError(saveOrganization, empty, field, editorCookie));
    for (const field of ["name", "slug", "type", "country", "website", "parentId", "aliases"]) {
      await tryCase("form", () =>
        expectFieldError(saveOrganization, { ...good, [field]: field === "aliases" ? `${LONG};` : LONG }, field, editorCookie),
      );
    }
    const wrong: [string, string][] = [
      ["slug", "Upper Case!"],
      ["type", "bogus"],
      ["country", "usa"],
      ["website", "ftp://x"],
      ["parentId", "abc"],
      ["parentId", "-4"],
    ];
    for (const [field, value] of wrong)
      await tryCase("form", () => expectFieldError(saveOrganization, { ...good, [field]: value }, field, editorCookie));
    await tryCase("form", () => expectFieldError(saveOrganization, { ...good, id: "abc" }, "id", editorCookie));
    await tryCase("form", () => expectFieldError(saveOrganization, { ...good, slug: "amazon" }, "slug", editorCookie));
  });

  it("createUserAction (as an admin) and createToken: every field empty, too long or of the wrong type", async () => {
    const { createUserAction } = await import("@/lib/actions/users/create-user");
    const { createToken } = await import("@/lib/actions/tokens/create-token");
    const good = { email: "new-user@example.com", password: "a-long-password-123", role: "editor" };
    for (const field of ["email", "password", "role"]) {
      await tryCase("form", () => expectFieldError(createUserAction, { ...good, [field]: "" }, field, adminCookie));
      await tryCase("form", () => expectFieldError(createUserAction, { ...good, [field]: LONG }, field, adminCookie));
    }
    await tryCase("form", () => expectFieldError(createUserAction, { ...good, email: "not-an-email" }, "email", adminCookie));
    await tryCase("form", () => expectFieldError(createUserAction, { ...good, role: "superuser" }, "role", adminCookie));
    await tryCase("form", () => expectFieldError(createUserAction, { ...good, password: "short" }, "password", adminCookie));
    await tryCase("form", () => expectFieldError(createUserAction, { ...good, email: "EDITOR@example.com" }, "email", adminCookie));
    await tryCase("form", () => expectFieldError(createToken, { name: "" }, "name", editorCookie));
    await tryCase("form", () => expectFieldError(createToken, { name: "   " }, "name", editorCookie));
    await tryCase("form", () => expectFieldError(createToken, { name: LONG }, "name", editorCookie));
  });
});

// ---------------------------------------------------------------------------------------------------------------
const DEAL_PARAMS: [string, string][] = [
  ["investor", "UPPER!"],
  ["investor", "a b"],
  ["recipient", "%%%"],
  ["recipient", "x".repeat(300)],
  ["kind", "bogus"],
  ["status", "x"],
  ["from", "2026-13-01"],
  ["to", "abc"],
  ["min", "-1"],
  ["max", "1e9"],
  ["min", "99999999999999999999"],
  // "1,000" is an amount as people write it (lib/filters/amount-input.ts); a comma off the thousands is not.
  ["max", "1,00"],
  ["q", "q".repeat(201)],
  ["sort", "sideways"],
  ["page", "0"],
  ["page", "-3"],
  ["page", "abc"],
  ["pageSize", "100000"],
  ["pageSize", "0"],
  ["investors", "amazon"],
];
const ANALYSIS_PARAMS: [string, string][] = [
  ["grain", "week"],
  ["side", "left"],
  ["count", "everything"],
  ["pipeline", "maybe"],
  ["exclude", "%%%"],
  ["exclude", "UPPER"],
];

const GET_ROUTES: { path: string; load: () => Promise<{ GET: (request: Request) => Promise<Response> }>; params: [string, string][] }[] = [
  { path: "/api/deals", load: () => import("@/app/api/deals/route"), params: DEAL_PARAMS },
  { path: "/api/deals/export.csv", load: () => import("@/app/api/deals/export.csv/route"), params: DEAL_PARAMS },
  { path: "/api/stats/summary", load: () => import("@/app/api/stats/summary/route"), params: DEAL_PARAMS },
  {
    path: "/api/stats/concentration",
    load: () => import("@/app/api/stats/concentration/route"),
    params: [...DEAL_PARAMS.filter(([p]) => p !== "investors"), ...ANALYSIS_PARAMS],
  },
  {
    path: "/api/stats/flows",
    load: () => import("@/app/api/stats/flows/route"),
    params: [...DEAL_PARAMS.filter(([p]) => p !== "investors"), ...ANALYSIS_PARAMS, ["limit", "0"], ["limit", "abc"], ["limit", "100000"]],
  },
  {
    path: "/api/stats/circular-flows",
    load: () => import("@/app/api/stats/circular-flows/route"),
    params: [...DEAL_PARAMS.filter(([p]) => p !== "investors"), ...ANALYSIS_PARAMS],
  },
  {
    path: "/api/stats/capital-by-kind",
    load: () => import("@/app/api/stats/capital-by-kind/route"),
    params: [...DEAL_PARAMS.filter(([p]) => p !== "investors"), ...ANALYSIS_PARAMS],
  },
  {
    path: "/api/organizations",
    load: () => import("@/app/api/organizations/route"),
    params: [
      ["q", "q".repeat(201)],
      ["type", "bogus"],
      ["type", "investor,company"],
    ],
  },
];

describe("API parameter corpus", () => {
  for (const route of GET_ROUTES) {
    it(`${route.path}: every malformed filter answers 400 naming it`, async () => {
      const { GET } = await route.load();
      for (const [param, value] of route.params) {
        await tryCase("api", async () => {
          const url = `http://localhost${route.path}?${new URLSearchParams([[param, value]]).toString()}`;
          const response = await GET(new Request(url));
          expect(response.status, `${route.path}?${param}=${value.slice(0, 30)}`).toBe(400);
          const json = (await response.json()) as { error: string; issues: { param: string; message: string }[] };
          expect(json.error).toBeTruthy();
          expect(
            json.issues.map((i) => i.param),
            `${route.path}?${param}`,
          ).toContain(param);
        });
      }
    });
  }

  it("GET /api/deals/{id} answers 404 JSON for a malformed or missing id", async () => {
    const { GET } = await import("@/app/api/deals/[id]/route");
    for (const id of ["abc", "999999", "0", "-1", "1e3", "1.0", "%00", "9".repeat(30)]) {
      await tryCase("api", async () => {
        const response = await GET(new Request(`http://localhost/api/deals/${id}`), { params: Promise.resolve({ id }) });
        expect(response.status, id).toBe(404);
        expect(((await response.json()) as { error: string }).error).toBe("not found");
      });
    }
  });
});
