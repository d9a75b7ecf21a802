// Finding 4 (issue 22): an editor's email is not public. A deal's revision list names "an editor" to visitors (the
// public page's data, which is all its HTML and React payload draw from) and to other editors; only admins see the
// email, on the history page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDealHistory } from "@/lib/data/admin";
import { getDeal } from "@/lib/data/deal";
import { SOCKET_ADDRESS_HEADER, SOCKET_ORIGIN_HEADER } from "@/lib/client-address";
import { patchDeal } from "@/lib/deals/patch-deal";
import { seedDatabase } from "@/lib/seed/seed-database";
import { useTestDbForApp } from "../support/app-db";
import { createTestDb, type TestDb } from "../support/test-db";

const EDITOR = "careless.editor@example.com";
let t: TestDb;
let release: () => void;
let dealId: number;

beforeAll(async () => {
  t = await createTestDb();
  release = useTestDbForApp(t.db);
  await seedDatabase(t.db);
  const deal = await t.db.deal.findFirstOrThrow({
    where: { deletedAt: null },
    orderBy: { id: "asc" },
    select: { id: true, version: true },
  });
  dealId = deal.id;
  const result = await patchDeal(t.db, dealId, { summary: "Edited for the privacy test.", version: deal.version }, null, EDITOR);
  expect(result.status).toBe(200);
});
afterAll(async () => {
  release?.();
  await t?.dispose();
});

describe("finding 4: editors' emails", () => {
  it("are not in a deal's public data", async () => {
    const deal = await getDeal(dealId);
    expect(deal?.revisions.map((r) => r.actor)).toContain("an editor");
    expect(JSON.stringify(deal, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("@");
  });

  it("are shown to admins only on the history page", async () => {
    const admin = await getDealHistory(dealId, { id: 1, email: "admin@example.com", role: "admin", via: "session" });
    expect(admin?.revisions.map((r) => r.actor)).toContain(EDITOR);
    const otherEditor = await getDealHistory(dealId, { id: 2, email: "other@example.com", role: "editor", via: "session" });
    expect(otherEditor?.revisions.map((r) => r.actor)).toContain("an editor");
    expect(JSON.stringify(otherEditor)).not.toContain(EDITOR);
    const self = await getDealHistory(dealId, { id: 3, email: EDITOR, role: "editor", via: "session" });
    expect(self?.revisions.map((r) => r.actor)).toContain("you");
  });
});

describe("finding 10: the feed's links", () => {
  it("never follow the request's Host or an untrusted X-Forwarded-Host", async () => {
    const { GET } = await import("@/app/changes/feed.xml/route");
    const headers = {
      host: "evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      [SOCKET_ADDRESS_HEADER]: "203.0.113.5",
      [SOCKET_ORIGIN_HEADER]: "http://10.0.0.5:3000",
    };
    const xml = await (await GET(new Request("http://10.0.0.5:3000/changes/feed.xml", { headers }))).text();
    expect(xml).toContain("http://10.0.0.5:3000/changes");
    expect(xml).not.toContain("evil.example");
  });
});
