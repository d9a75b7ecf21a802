// Every mutation entry point refuses callers without the right role, inside itself, and writes nothing.
// The entry points are found by walking lib/actions and app/api, so a new one is covered without editing this test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken, createUser } from "@/lib/auth/accounts";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { IDLE, type ActionState } from "@/lib/actions/action-state";
import { seedDatabase } from "@/lib/seed/seed-database";
import { requestContext } from "../support/next-request-context";
import { createTestDb, type TestDb } from "../support/test-db";

vi.mock("next/headers", async () => (await import("../support/next-request-context")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined }));

/** Actions any visitor may call: signing in is how one gets a role; signing out needs none. */
const PUBLIC_ACTIONS = new Set(["signIn", "signOut"]);
/** Actions that need more than the editor role. */
const ADMIN_ACTIONS = new Set(["createUserAction"]);
const MUTATING_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;

function walk(dir: string, match: (file: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, match) : match(full) ? [full] : [];
  });
}

const actionFiles = walk(
  path.join(process.cwd(), "lib", "actions"),
  (f) => f.endsWith(".ts") && readFileSync(f, "utf8").startsWith('"use server"'),
);
const routeFiles = walk(path.join(process.cwd(), "app", "api"), (f) => f.endsWith("route.ts"));

let t: TestDb;
let editorCookie: string;
let revokedToken: string;

async function tableCounts() {
  const db = t.db;
  return {
    deals: await db.deal.count(),
    dealVersions: (await db.deal.aggregate({ _sum: { version: true } }))._sum.version,
    deleted: await db.deal.count({ where: { deletedAt: { not: null } } }),
    organizations: await db.organization.count(),
    participations: await db.participation.count(),
    sources: await db.source.count(),
    events: await db.dealEvent.count(),
    revisions: await db.revision.count(),
    users: await db.user.count(),
    tokens: await db.apiToken.count({ where: { revokedAt: null } }),
  };
}

/** A form filled with plausible values, so that a missing check could not hide behind a validation error. */
function plausibleForm(): FormData {
  const form = new FormData();
  const fields: Record<string, string> = {
    id: "1",
    version: "1",
    revisionId: "1",
    name: "automation",
    email: "new-editor@example.com",
    password: "a-long-password-123",
    role: "editor",
    announced_on: "2026-06-01",
    investors: "Amazon",
    recipient: "Anthropic",
    kind: "equity",
    status: "announced",
    amount_qualifier: "exact",
    amount_usd_low: "5",
    amount_usd_high: "5",
    original_currency: "USD",
    summary: "x",
    slug: "new-org",
    type: "other",
    parentId: "",
    aliases: "",
    intent: "apply",
    keep: "Thrive Capital",
    merge: "Insight Partners",
    previewed: "thrive-capital insight-partners",
    csv: "announced_on,investors,recipient,kind,status,round,amount_usd_low,amount_usd_high,amount_qualifier,original_currency,original_amount,post_money_valuation_usd,stake_pct,summary,source_url,source_publisher,source_date\n2026-06-01,Amazon,Anthropic,equity,announced,,5,5,exact,USD,,,,x,,,\n",
  };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as { dealTrackerDb?: Promise<unknown> }).dealTrackerDb = Promise.resolve(t.db);
  await seedDatabase(t.db);
  const editor = await createUser(t.db, { email: "editor@example.com", password: "editor-password-1", role: "editor" });
  editorCookie = generateSecret("s");
  await t.db.session.create({ data: { id: hashSecret(editorCookie), userId: editor.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  const revoked = await createApiToken(t.db, editor.id, "old");
  await t.db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
  revokedToken = revoked.token;
});
afterAll(async () => t?.dispose());

describe("server actions", () => {
  it("finds the mutation entry points", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(9);
  });

  for (const file of actionFiles) {
    const name = path.relative(process.cwd(), file);
    it(`${name}: refuses a visitor and a too-low role, writing nothing`, async () => {
      const loaded = (await import(file)) as Record<string, (state: ActionState, form: FormData) => Promise<ActionState>>;
      const actions = Object.entries(loaded).filter(([key, value]) => typeof value === "function" && !PUBLIC_ACTIONS.has(key));
      for (const [key, action] of actions) {
        requestContext.reset();
        const before = await tableCounts();
        const anonymous = await action(IDLE, plausibleForm());
        expect(anonymous.httpStatus, `${key} as a visitor`).toBe(401);
        expect(await tableCounts(), `${key} wrote as a visitor`).toEqual(before);

        if (ADMIN_ACTIONS.has(key)) {
          requestContext.cookies.set("dt_session", editorCookie);
          const asEditor = await action(IDLE, plausibleForm());
          expect(asEditor.httpStatus, `${key} as an editor`).toBe(403);
          expect(await tableCounts(), `${key} wrote as an editor`).toEqual(before);
        }
      }
    });
  }
});

describe("route handlers that change data", () => {
  const entries = routeFiles.flatMap((file) => {
    const source = readFileSync(file, "utf8");
    return MUTATING_METHODS.filter((m) => new RegExp(`export (async function|const) ${m}\\b`).test(source)).map((method) => ({
      file,
      method,
    }));
  });

  it("finds them", () => {
    expect(entries.length).toBeGreaterThanOrEqual(1);
  });

  for (const { file, method } of entries) {
    it(`${method} ${path.relative(process.cwd(), file)}: refuses no token, a revoked token and a malformed header`, async () => {
      const loaded = (await import(file)) as Record<
        string,
        (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>
      >;
      const context = { params: Promise.resolve({ id: "1", slug: "openai" }) };
      const csv = plausibleForm().get("csv") as string;
      const cases: [string, Record<string, string>][] = [
        ["no credentials", {}],
        ["a revoked token", { authorization: `Bearer ${revokedToken}` }],
        ["a malformed header", { authorization: "Basic abc" }],
      ];
      for (const [label, headers] of cases) {
        requestContext.reset();
        const before = await tableCounts();
        const response = await loaded[method](
          new Request("http://localhost/api/x", { method, headers: { "content-type": "text/csv", ...headers }, body: csv }),
          context,
        );
        // The catch-all answers every address no route serves with 404 before anything else: it writes nothing either.
        expect(response.status, label).toBe(file.includes("[...") ? 404 : 401);
        expect(await tableCounts(), `${label} wrote`).toEqual(before);
      }
    });
  }
});

describe("the import API with a valid token", () => {
  it("imports, proving the refusals above are about rights, not a broken route", async () => {
    const editor = await t.db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
    const { token } = await createApiToken(t.db, editor.id, "ci");
    const { POST } = await import("@/app/api/import/route");
    const before = await t.db.deal.count();
    const response = await POST(
      new Request("http://localhost/api/import", {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: plausibleForm().get("csv") as string,
      }),
    );
    expect(response.status).toBe(200);
    expect(await t.db.deal.count()).toBe(before + 1);
  });

  it("refuses the same token sent from a foreign origin, writing nothing", async () => {
    const editor = await t.db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
    const { token } = await createApiToken(t.db, editor.id, "browser");
    const { POST } = await import("@/app/api/import/route");
    const before = await tableCounts();
    const response = await POST(
      new Request("http://localhost/api/import", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, origin: "https://evil.example", host: "localhost" },
        body: plausibleForm().get("csv") as string,
      }),
    );
    expect(response.status).toBe(403);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("the deal edit API with a valid token", () => {
  it("edits, proving its refusals above are about rights, and refuses a foreign origin", async () => {
    const editor = await t.db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
    const { token } = await createApiToken(t.db, editor.id, "patch");
    const { PATCH } = await import("@/app/api/deals/[id]/route");
    const { version } = await t.db.deal.findUniqueOrThrow({ where: { id: 3 } });
    const context = { params: Promise.resolve({ id: "3" }) };
    const patch = (headers: Record<string, string>) =>
      PATCH(
        new Request("http://localhost/api/deals/3", {
          method: "PATCH",
          headers: { authorization: `Bearer ${token}`, host: "localhost", ...headers },
          body: JSON.stringify({ version, summary: "edited through the API" }),
        }),
        context,
      );
    const before = await tableCounts();
    expect((await patch({ origin: "https://evil.example" })).status).toBe(403);
    expect(await tableCounts()).toEqual(before);
    expect((await patch({})).status).toBe(200);
    expect((await t.db.deal.findUniqueOrThrow({ where: { id: 3 } })).summary).toBe("edited through the API");
  });
});
