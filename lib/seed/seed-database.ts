// Fills an empty database with the real researched deals shipped in prisma/seed. Never runs over existing deals.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/client";
import { seedOrganizations } from "../../prisma/seed/organizations";
import { seedHistory, type SeedTerms } from "../../prisma/seed/history";
import { seedRounds } from "../../prisma/seed/rounds";
import { DEAL_CSV_ALL_COLUMNS, DEAL_CSV_COLUMNS } from "../csv/deal-csv-format";
import { readCsv } from "../csv/read-csv";
import { readNeutralisedCell, toCsv } from "../csv/write-csv";
import { importDealCsv } from "../import/apply-deal-import";
import { formatRowError } from "../import/parse-deal-csv";
import { keepEventColumns } from "../deals/change-kinds";
import { keepRoundDate } from "../deals/market-cells";
import { recordRevision } from "../revisions";
import { aliasKey } from "../domain";

export const SEED_CSV_PATH = path.join(process.cwd(), "prisma", "seed", "deals.csv");
const ACTOR = "seed";

export type SeedResult = { seeded: false; reason: string } | { seeded: true; organizations: number; deals: number; events: number };

export async function seedDatabase(db: PrismaClient, csvPath: string = SEED_CSV_PATH): Promise<SeedResult> {
  const existing = await db.deal.count();
  if (existing > 0) return { seeded: false, reason: `the database already holds ${existing} deals` };

  const organizations = await seedOrganizationsOnce(db);
  const result = await importDealCsv(db, withRoundKeys(readFileSync(csvPath, "utf8")), {
    actor: ACTOR,
    action: "seed",
    createMissing: false,
    // The shipped rows were checked for duplicates by hand (docs/data-curation.md); deals close together stay apart.
    onDuplicate: "create",
  });
  if (!result.ok) throw new Error(`the seed CSV does not import:\n${result.errors.map(formatRowError).join("\n")}`);
  const events = await addHistory(db);
  await reportRounds(db);
  return { seeded: true, organizations, deals: result.created, events };
}

/**
 * The seed CSV with the `round_key` of each row that prisma/seed/rounds.ts names (empty for the others), so that the
 * import groups the rows into rounds as any import does. A named row that is not in the file stops the seed.
 */
export function withRoundKeys(text: string): string {
  const records = readCsv(text);
  const [header, ...rows] = records;
  const recipient = header.indexOf("recipient");
  const round = header.indexOf("round");
  if (header.length !== DEAL_CSV_COLUMNS.length) throw new Error("the seed CSV must have the required columns only");
  const keyOf = new Map<string, string>(seedRounds.flatMap((r) => r.rows.map((name) => [`${r.recipient}\u001f${name}`, r.key])));
  const found = new Set<string>();
  const keyed = rows.map((row) => {
    const at = `${row[recipient]}\u001f${row[round]}`;
    const key = keyOf.get(at) ?? null;
    if (key !== null) found.add(at);
    return [...row.map(readNeutralisedCell), key];
  });
  const missing = [...keyOf.keys()].filter((at) => !found.has(at));
  if (missing.length > 0) throw new Error(`prisma/seed/rounds.ts names rows that are not in the seed CSV: ${missing.join("; ")}`);
  return toCsv(DEAL_CSV_ALL_COLUMNS, keyed);
}

/** The import created each round from its rows; the round as reported (name, date, total, valuation) is the data file's. */
async function reportRounds(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const { recipient, key, name, announcedOn, amountUsdLow, amountUsdHigh, amountQualifier, postMoneyValuationUsd } of seedRounds) {
      const reported = { name, announcedOn, amountUsdLow, amountUsdHigh, amountQualifier, postMoneyValuationUsd };
      const round = await tx.round.findFirstOrThrow({ where: { key, recipient: { name: recipient } }, select: { id: true } });
      await tx.round.update({ where: { id: round.id }, data: reported });
      await keepRoundDate(tx, round.id, announcedOn);
      await recordRevision(tx, {
        entityType: "round",
        entityId: round.id,
        action: "seed",
        actor: ACTOR,
        before: null,
        after: { id: round.id, key, ...reported },
      });
    }
  }, SEED_TRANSACTION);
}

// Over a thousand statements (314 organizations, each with its aliases and revision): on PostgreSQL each is a network
// round trip. A few seconds on an idle machine, but minutes on a starved one; the limit only has to stop a transaction
// that hangs, so it is generous.
const SEED_TRANSACTION = { timeout: 600_000 };

async function seedOrganizationsOnce(db: PrismaClient): Promise<number> {
  return db.$transaction(async (tx) => {
    const idBySlug = new Map<string, number>();
    // Parents first, so that every parentId points at a row that exists.
    const pending = [...seedOrganizations];
    while (pending.length > 0) {
      const ready = pending.filter((o) => o.parent === null || idBySlug.has(o.parent));
      if (ready.length === 0) throw new Error(`organization parents form a cycle or are missing: ${pending.map((o) => o.slug).join(", ")}`);
      for (const org of ready) {
        const data = {
          name: org.name,
          type: org.type,
          country: org.country,
          website: org.website,
          parentId: org.parent === null ? null : (idBySlug.get(org.parent) as number),
        };
        const row = await tx.organization.upsert({
          where: { slug: org.slug },
          create: { slug: org.slug, ...data },
          update: data,
          select: { id: true },
        });
        await tx.organizationAlias.deleteMany({ where: { organizationId: row.id } });
        await tx.organizationAlias.createMany({
          data: org.aliases.map((alias) => ({ organizationId: row.id, alias, key: aliasKey(alias) })),
        });
        await recordRevision(tx, {
          entityType: "organization",
          entityId: row.id,
          action: "seed",
          actor: ACTOR,
          before: null,
          after: { slug: org.slug, ...data, aliases: org.aliases },
        });
        idBySlug.set(org.slug, row.id);
        pending.splice(pending.indexOf(org), 1);
      }
    }
    return idBySlug.size;
  }, SEED_TRANSACTION);
}

/** A seed step's terms as a lifecycle event records them (prisma/seed/history.ts: US dollars, no stake). */
function eventTerms(terms: SeedTerms, amounts: { amountUsdLow: bigint | null; amountUsdHigh: bigint | null }) {
  return { ...terms, stakeBps: null, originalCurrency: "USD", originalAmount: amounts.amountUsdLow ?? amounts.amountUsdHigh };
}

async function addHistory(db: PrismaClient): Promise<number> {
  let count = 0;
  await db.$transaction(async (tx) => {
    for (const { deal: match, firstReport, events } of seedHistory) {
      const deal = await tx.deal.findFirst({
        where: {
          round: match.round,
          recipient: { slug: match.recipient },
          participations: { some: { organization: { slug: match.investor } } },
        },
        select: {
          id: true,
          round: true,
          postMoneyValuationUsd: true,
          stakeBps: true,
          summary: true,
          originalCurrency: true,
          originalAmount: true,
          events: {
            orderBy: [{ occurredOn: "asc" }, { id: "asc" }],
            take: 1,
            select: { id: true, amountUsdLow: true, amountUsdHigh: true },
          },
        },
      });
      if (!deal) throw new Error(`seed history names a deal that is not in the seed: ${JSON.stringify(match)}`);
      const { id: dealId, events: firstEvents, ...current } = deal;
      if (firstReport) {
        const [first] = firstEvents;
        if (!first) throw new Error(`seed history corrects the first report of a deal without one: ${JSON.stringify(match)}`);
        await tx.dealEvent.update({
          where: { id: first.id },
          data: { status: firstReport.status, ...eventTerms(firstReport.terms, first), note: firstReport.note },
        });
      }
      for (const event of events) {
        const source = await tx.source.create({ data: { dealId, ...event.source } });
        await tx.dealEvent.create({
          data: {
            dealId,
            occurredOn: event.occurredOn,
            status: event.status,
            amountUsdLow: event.amountUsdLow,
            amountUsdHigh: event.amountUsdHigh,
            amountQualifier: event.amountQualifier,
            // A story's last step is the deal as its row states it.
            ...(event.terms ? eventTerms(event.terms, event) : current),
            note: event.note,
            sourceId: source.id,
          },
        });
        count++;
      }
      // The story's events were written around the deal's first report: what each one changes is set again.
      await keepEventColumns(tx, [dealId]);
    }
  }, SEED_TRANSACTION);

  return count;
}
