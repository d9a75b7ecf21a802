import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getFundingRounds } from "@/app/api/organizations/[slug]/funding-rounds/route";
import { seedDatabase } from "@/lib/seed/seed-database";
import { useTestDbAsAppDb } from "../support/app-db";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
let release: () => Promise<void>;

type Mark = {
  date: string;
  valuationUsd: number;
  name: string | null;
  kind: string;
  dealIds: number[];
  recipient: { slug: string; name: string };
  sources: { url: string | null; publisher: string | null; publishedOn: string | null }[];
};

beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db);
  // A division of OpenAI valued on its own, named nothing like OpenAI: only the parent relation ties it to OpenAI.
  const openai = await t.db.organization.findUniqueOrThrow({ where: { slug: "openai" } });
  const unit = await t.db.organization.create({
    data: { slug: "test-unit", name: "Test Unit Holdings", type: "ai_lab", parentId: openai.id },
  });
  await t.db.deal.create({
    data: {
      recipientId: unit.id,
      kind: "equity",
      status: "closed",
      round: "Unit round",
      announcedOn: "2024-05-05",
      amountQualifier: "undisclosed",
      postMoneyValuationUsd: 7_000_000_000n,
    },
  });
  // Talks never set a valuation: not a mark.
  await t.db.deal.create({
    data: {
      recipientId: unit.id,
      kind: "equity",
      status: "in_talks",
      announcedOn: "2024-06-06",
      amountQualifier: "undisclosed",
      postMoneyValuationUsd: 9_000_000_000n,
    },
  });
  release = useTestDbAsAppDb(t.url);
});
afterAll(async () => {
  await release?.();
  await t?.dispose();
});

async function marksOf(slug: string, query = ""): Promise<Mark[]> {
  const response = await getFundingRounds(new Request(`http://localhost/api/organizations/${slug}/funding-rounds${query}`), {
    params: Promise.resolve({ slug }),
  });
  expect(response.status).toBe(200);
  return (await response.json()).valuations;
}

describe("a company's valuation marks", () => {
  it("include OpenAI's October 2025 secondary sale at $500B with its source, and the recapitalization", async () => {
    const marks = await marksOf("openai");
    const secondary = marks.find((m) => m.date.startsWith("2025-10") && m.kind === "other" && m.name?.startsWith("Secondary"));
    expect(secondary).toMatchObject({
      date: "2025-10-02",
      valuationUsd: 500_000_000_000,
      name: "Secondary share sale at $500B",
      recipient: { slug: "openai" },
    });
    expect(secondary?.sources.map((s) => s.url)).toContain(
      "https://www.tredu.com/news/openai-s-share-sale-crowns-a-usd500-billion-valuation-as-softbank-thrive-lead-the-bid",
    );
    expect(marks).toContainEqual(
      expect.objectContaining({ date: "2025-10-28", valuationUsd: 500_000_000_000, name: "Recapitalization into OpenAI Group PBC" }),
    );
    // Rounds are marks too, oldest first.
    expect(marks).toContainEqual(expect.objectContaining({ valuationUsd: 157_000_000_000, kind: "convertible" }));
    expect(marks.map((m) => m.date)).toEqual(marks.map((m) => m.date).toSorted());
  });

  it("include a division's marks through the parent relation, and no valuation still in talks", async () => {
    const marks = await marksOf("openai");
    expect(marks).toContainEqual(
      expect.objectContaining({
        date: "2024-05-05",
        valuationUsd: 7_000_000_000,
        recipient: { slug: "test-unit", name: "Test Unit Holdings" },
      }),
    );
    expect(marks.some((m) => m.valuationUsd === 9_000_000_000)).toBe(false);
  });

  it("hold only what was reported by the date asked", async () => {
    const before = await marksOf("openai", "?asOf=2025-09-30");
    expect(before.some((m) => m.valuationUsd === 500_000_000_000)).toBe(false);
    expect(before.every((m) => m.date <= "2025-09-30")).toBe(true);
    expect(before).toContainEqual(expect.objectContaining({ valuationUsd: 300_000_000_000 }));
    const after = await marksOf("openai", "?asOf=2025-10-31");
    expect(after).toContainEqual(expect.objectContaining({ date: "2025-10-02", valuationUsd: 500_000_000_000 }));
  });
});
