// Builds a separate SQLite database of N synthetic but realistic deals for benchmarks and load tests
// (`npm run db:synth`). The schema comes from the real migrations (`prisma migrate deploy`); rows are written with
// raw better-sqlite3 prepared statements in large transactions with the secondary indexes dropped, and the indexes
// are rebuilt and ANALYZEd at the end. Everything is drawn from a seeded PRNG, so a seed always gives the same rows.
//
// What is realistic about it: recipients and investors are drawn with Zipf popularity (a few companies take most
// rounds), amounts follow a power law (Pareto, alpha 1.16: the 80/20 of venture money), the number of deals grows
// year on year, rounds have one to seven investors (a lead first), some parties are unnamed, deals carry one or two
// sources and a lifecycle (talks -> announced -> closed, or terminated), and the 115 real seed organizations sit at
// the top of the popularity ranks among thousands of generated ones.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { seedOrganizations } from "../../prisma/seed/organizations";
import { fillDealSearchSql } from "../deals/deal-search";
import { queryBuilder } from "../data/kysely";
import { changeKindsUpdate, eventDatesUpdate } from "../data/raw/change-kinds";
import { cellDeltas, investorPartStatements } from "../data/raw/market-cells";
import { onDeal } from "../data/raw/overview-figures";
import { roundPairStatements } from "../data/raw/round-pairs";
import { aliasKey, type DealKind, type DealStatus, type OrganizationType } from "../domain";
import { createRandom, weightedSampler, zipfSampler, type Random } from "./random";

export type SynthOptions = { deals: number; seed?: number; out: string; log?: (line: string) => void };
export type SynthResult = {
  file: string;
  organizations: number;
  deals: number;
  participations: number;
  sources: number;
  events: number;
  ms: number;
};

/** Fixed timestamps (not "now") so that the same seed gives the same bytes. */
const CREATED_AT = "2026-11-01T00:00:00.000+00:00";
const FIRST_YEAR = 2012;
const LAST_DAY = "2026-10-31";

const RECIPIENT_WORDS = [
  "Neural",
  "Quantum",
  "Vector",
  "Tensor",
  "Cortex",
  "Lumen",
  "Aether",
  "Synapse",
  "Helix",
  "Nimbus",
  "Orbit",
  "Prism",
  "Vertex",
  "Atlas",
  "Cobalt",
  "Echo",
  "Fathom",
  "Kestrel",
  "Lattice",
  "Meridian",
  "Nova",
  "Onyx",
  "Photon",
  "Radiant",
  "Sierra",
  "Tidal",
  "Umbra",
  "Vireo",
  "Zenith",
  "Arbor",
];
const RECIPIENT_SUFFIXES = [
  "Labs",
  "AI",
  "Systems",
  "Robotics",
  "Intelligence",
  "Dynamics",
  "Compute",
  "Models",
  "Health AI",
  "Bio",
  "Works",
  "Analytics",
];
const INVESTOR_WORDS = [
  "Summit",
  "Harbor",
  "Granite",
  "Beacon",
  "Redwood",
  "Northstar",
  "Ironbridge",
  "Bluepeak",
  "Silverline",
  "Foundry",
  "Keystone",
  "Lighthouse",
  "Oakmont",
  "Pinnacle",
  "Riverside",
  "Sequoia Row",
  "Stonegate",
  "Trailhead",
  "Westbrook",
  "Alder",
];
const INVESTOR_SUFFIXES = ["Capital", "Ventures", "Partners", "Growth", "Fund", "Investments", "Holdings", "Management"];
const COUNTRIES = ["US", "US", "US", "US", "GB", "FR", "DE", "CA", "IL", "CN", "IN", "SG", "AE", "JP", "KR", "SE", "CH", "NL"];
const PUBLISHERS: { name: string; domain: string }[] = [
  { name: "Reuters", domain: "www.reuters.com" },
  { name: "Bloomberg", domain: "www.bloomberg.com" },
  { name: "TechCrunch", domain: "techcrunch.com" },
  { name: "The Information", domain: "www.theinformation.com" },
  { name: "Financial Times", domain: "www.ft.com" },
  { name: "The Wall Street Journal", domain: "www.wsj.com" },
  { name: "CNBC", domain: "www.cnbc.com" },
  { name: "Company press release", domain: "www.businesswire.com" },
];
const UNNAMED_PARTIES = ["Undisclosed investors", "Undisclosed strategic investors", "Undisclosed lenders", "individual investors"];

const KINDS: DealKind[] = [
  "equity",
  "convertible",
  "compute_commitment",
  "cloud_credits",
  "chip_supply",
  "licensing_acquihire",
  "acquisition",
  "joint_venture",
  "other",
];
const KIND_WEIGHTS = [70, 5, 6, 3, 3, 2, 5, 2, 4];
const STATUSES: DealStatus[] = ["closed", "announced", "rumored", "in_talks", "terminated"];
const STATUS_WEIGHTS = [55, 25, 7, 8, 5];
const INVESTOR_COUNT_WEIGHTS = [25, 25, 20, 13, 9, 5, 3]; // 1..7 investors in an equity round
const RECIPIENT_TYPES: OrganizationType[] = ["ai_lab", "corporate"];
const INVESTOR_TYPES: OrganizationType[] = [
  "vc",
  "vc",
  "vc",
  "vc",
  "corporate",
  "sovereign_fund",
  "big_tech",
  "chipmaker",
  "cloud",
  "other",
];

type Org = { id: number; slug: string; name: string };

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Every calendar day from FIRST_YEAR to LAST_DAY, weighted so that each year has ~30% more deals than the one before. */
function dayTable(): { days: string[]; weights: number[] } {
  const days: string[] = [];
  const weights: number[] = [];
  for (let t = Date.UTC(FIRST_YEAR, 0, 1); ; t += 86_400_000) {
    const iso = new Date(t).toISOString().slice(0, 10);
    if (iso > LAST_DAY) break;
    days.push(iso);
    weights.push(Math.pow(1.3, Number(iso.slice(0, 4)) - FIRST_YEAR));
  }
  return { days, weights };
}

function addDays(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Power-law amount in whole dollars, rounded to 2-3 significant figures as reports give them. */
function powerLawAmount(random: Random, min: number, max: number): number {
  const raw = Math.min(max, min * Math.pow(1 - random.next(), -1 / 1.16));
  const magnitude = Math.pow(10, Math.max(0, Math.floor(Math.log10(raw)) - 1));
  return Math.round(raw / magnitude) * magnitude;
}

function roundName(kind: DealKind, amount: number | null, year: string, random: Random): string | null {
  if (kind !== "equity" && kind !== "convertible") return random.chance(0.3) ? `${year} agreement` : null;
  if (kind === "convertible") return "Convertible note";
  const a = amount ?? 0;
  if (a === 0) return random.pick(["Seed", "Series A", "Undisclosed round"]);
  if (a < 3e6) return "Seed";
  if (a < 15e6) return "Series A";
  if (a < 50e6) return "Series B";
  if (a < 150e6) return "Series C";
  if (a < 500e6) return "Series D";
  return random.pick(["Series E", "Series F", "Growth round", "Strategic round"]);
}

function dropSecondaryIndexes(db: Database.Database): string[] {
  const rows = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`).all() as {
    name: string;
    sql: string;
  }[];
  for (const r of rows) db.exec(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.sql);
}

export function synthDatabase(options: SynthOptions): SynthResult {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const n = options.deals;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--deals must be a positive whole number, got ${n}`);
  const random = createRandom(options.seed ?? 1);
  const file = path.resolve(options.out);

  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) if (existsSync(file + suffix)) rmSync(file + suffix);
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: "pipe",
  });
  log(`migrated ${path.relative(process.cwd(), file)} (${Math.round(performance.now() - started)} ms)`);

  const db = new Database(file);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -200000");
  db.pragma("temp_store = MEMORY");
  // Rows are written parents first with explicit ids; checking each foreign key would only slow the build.
  db.pragma("foreign_keys = OFF");
  const indexSql = dropSecondaryIndexes(db);

  // --- Organizations: the real ones first (they take the top popularity ranks), then generated ones.
  const insertOrg = db.prepare(
    `INSERT INTO "Organization" ("id","slug","name","type","country","website","parentId","createdAt","updatedAt","deletedAt") VALUES (?,?,?,?,?,?,?,?,?,NULL)`,
  );
  const insertAlias = db.prepare(`INSERT INTO "OrganizationAlias" ("organizationId","alias","key") VALUES (?,?,?)`);
  const usedSlugs = new Set<string>();
  const recipients: Org[] = [];
  const investors: Org[] = [];
  let orgId = 0;
  db.transaction(() => {
    const idBySlug = new Map<string, number>();
    for (const o of seedOrganizations) idBySlug.set(o.slug, ++orgId);
    for (const o of seedOrganizations) {
      const id = idBySlug.get(o.slug) as number;
      insertOrg.run(
        id,
        o.slug,
        o.name,
        o.type,
        o.country,
        o.website,
        o.parent ? (idBySlug.get(o.parent) ?? null) : null,
        CREATED_AT,
        CREATED_AT,
      );
      for (const alias of o.aliases) insertAlias.run(id, alias, aliasKey(alias));
      usedSlugs.add(o.slug);
      const org = { id, slug: o.slug, name: o.name };
      if (o.type === "ai_lab" || o.type === "corporate" || o.type === "cloud" || o.type === "chipmaker") recipients.push(org);
      if (o.type !== "ai_lab") investors.push(org);
    }
    const generate = (count: number, words: string[], suffixes: string[], types: OrganizationType[], into: Org[]) => {
      for (let i = 0; i < count; i++) {
        let name = `${random.pick(words)} ${random.pick(suffixes)}`;
        if (usedSlugs.has(slugify(name))) name = `${name} ${random.int(2, 9999)}`;
        while (usedSlugs.has(slugify(name))) name = `${name.replace(/ \d+$/, "")} ${random.int(2, 99999)}`;
        const slug = slugify(name);
        usedSlugs.add(slug);
        const id = ++orgId;
        const website = random.chance(0.6) ? `https://www.${slug}.example` : null;
        insertOrg.run(id, slug, name, random.pick(types), random.pick(COUNTRIES), website, null, CREATED_AT, CREATED_AT);
        into.push({ id, slug, name });
      }
    };
    // The labs take the top popularity ranks, then other companies, then the sellers of compute and chips.
    const rank = (slug: string) =>
      ["ai_lab", "corporate", "cloud", "chipmaker"].indexOf(seedOrganizations.find((o) => o.slug === slug)?.type ?? "");
    recipients.sort((a, b) => rank(a.slug) - rank(b.slug));
    generate(Math.max(400, Math.round(n / 40)), RECIPIENT_WORDS, RECIPIENT_SUFFIXES, RECIPIENT_TYPES, recipients);
    generate(Math.max(200, Math.round(n / 200)), INVESTOR_WORDS, INVESTOR_SUFFIXES, INVESTOR_TYPES, investors);
  })();
  log(`${orgId} organizations`);

  // --- Deals with their participations, sources and lifecycle events.
  const insertDeal = db.prepare(
    `INSERT INTO "Deal" ("id","recipientId","kind","status","round","announcedOn","amountUsdLow","amountUsdHigh","amountQualifier","amountUsdKey","originalCurrency","originalAmount","postMoneyValuationUsd","stakeBps","summary","version","createdAt","updatedAt","deletedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insertParticipation = db.prepare(
    `INSERT INTO "Participation" ("id","dealId","organizationId","partyLabel","role","note","committedUsd","position") VALUES (?,?,?,?,?,NULL,?,?)`,
  );
  const insertSource = db.prepare(
    `INSERT INTO "Source" ("id","dealId","url","publisher","publishedOn","title","unverified","createdAt") VALUES (?,?,?,?,?,?,?,?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO "DealEvent" ("id","dealId","occurredOn","status","amountUsdLow","amountUsdHigh","amountQualifier","round","postMoneyValuationUsd","stakeBps","summary","originalCurrency","originalAmount","note","sourceId","createdAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );

  const { days, weights } = dayTable();
  const pickDay = weightedSampler(weights, random);
  const pickKind = weightedSampler(KIND_WEIGHTS, random);
  const pickStatus = weightedSampler(STATUS_WEIGHTS, random);
  const pickInvestorCount = weightedSampler(INVESTOR_COUNT_WEIGHTS, random);
  const pickRecipient = zipfSampler(recipients.length, 1.05, random);
  const pickInvestor = zipfSampler(investors.length, 0.95, random);

  let participationId = 0;
  let sourceId = 0;
  let eventId = 0;
  const BATCH = 50_000;
  for (let start = 1; start <= n; start += BATCH) {
    const end = Math.min(n, start + BATCH - 1);
    db.transaction(() => {
      for (let dealId = start; dealId <= end; dealId++) {
        const recipient = recipients[pickRecipient()];
        const kind = KINDS[pickKind()];
        const status = STATUSES[pickStatus()];
        const announcedOn = days[pickDay()];
        const year = announcedOn.slice(0, 4);
        const isCapital = kind === "equity" || kind === "convertible";
        const amount = powerLawAmount(random, isCapital ? 1_000_000 : 10_000_000, isCapital ? 40e9 : 300e9);

        // How the amount was reported.
        let low: number | null = amount;
        let high: number | null = amount;
        let qualifier: string;
        const q = random.next();
        if (q < 0.6) qualifier = "exact";
        else if (q < 0.75) qualifier = "about";
        else if (q < 0.82) {
          qualifier = "range";
          high = Math.round((amount * (12 + Math.floor(random.next() * 9))) / 10);
        } else if (q < 0.87) {
          qualifier = "up_to";
          low = null;
        } else if (q < 0.91) {
          qualifier = "at_least";
          high = null;
        } else {
          qualifier = "undisclosed";
          low = null;
          high = null;
        }
        const key = low ?? high;
        const foreign = random.chance(0.06);
        const currency = foreign ? random.pick(["EUR", "GBP", "CNY", "JPY"]) : "USD";
        const original = key === null ? null : foreign ? Math.round(key * (0.7 + random.next() * 0.5)) : key;
        const valuation = kind === "equity" && key !== null && random.chance(0.4) ? key * random.int(4, 25) : null;
        const stakeBps = valuation !== null && key !== null ? Math.max(1, Math.round((key / valuation) * 10_000)) : null;

        // The lifecycle: the statuses it went through, ending at the current one.
        const path: DealStatus[] = [];
        if (status === "closed") {
          if (random.chance(0.15)) path.push("in_talks");
          if (random.chance(0.5)) path.push("announced");
        } else if (status === "announced") {
          if (random.chance(0.2)) path.push(random.chance(0.5) ? "rumored" : "in_talks");
        } else if (status === "in_talks") {
          if (random.chance(0.3)) path.push("rumored");
        } else if (status === "terminated") {
          path.push(random.pick<DealStatus>(["in_talks", "announced"]));
        }
        path.push(status);

        const deleted = random.chance(0.005);
        const count = isCapital ? pickInvestorCount() + 1 : random.int(1, 2);
        const chosen = new Set<number>();
        const parties: { org: Org | null; label: string | null }[] = [];
        for (let k = 0; k < count; k++) {
          if (random.chance(0.04)) {
            parties.push({ org: null, label: random.pick(UNNAMED_PARTIES) });
            continue;
          }
          let investor = investors[pickInvestor()];
          for (let tries = 0; (chosen.has(investor.id) || investor.id === recipient.id) && tries < 8; tries++)
            investor = investors[pickInvestor()];
          if (chosen.has(investor.id) || investor.id === recipient.id) continue;
          chosen.add(investor.id);
          parties.push({ org: investor, label: null });
        }
        const leadName = parties.find((p) => p.org)?.org?.name ?? "undisclosed investors";
        const summary =
          kind === "equity"
            ? `${recipient.name} raised ${key === null ? "an undisclosed amount" : `$${key.toLocaleString("en-US")}`} in a round led by ${leadName}.`
            : `${leadName} and ${recipient.name}: ${kind.replace(/_/g, " ")} agreement.`;

        const round = roundName(kind, key, year, random);
        insertDeal.run(
          dealId,
          recipient.id,
          kind,
          status,
          round,
          announcedOn,
          low,
          high,
          qualifier,
          key,
          currency,
          original,
          valuation,
          stakeBps,
          summary,
          path.length,
          CREATED_AT,
          CREATED_AT,
          deleted ? CREATED_AT : null,
        );

        const hasLead = parties.length > 1 && random.chance(0.6);
        parties.forEach((p, position) => {
          const role = hasLead && position === 0 ? "lead" : hasLead && position === 1 && random.chance(0.2) ? "co_lead" : "participant";
          const committed = role === "lead" && key !== null && random.chance(0.25) ? Math.round(key * 0.4) : null;
          insertParticipation.run(++participationId, dealId, p.org?.id ?? null, p.label, role, committed, position);
        });

        const sourceCount = random.chance(0.3) ? 2 : 1;
        let firstSource: number | null = null;
        for (let s = 0; s < sourceCount; s++) {
          const publisher = random.pick(PUBLISHERS);
          const unverified = random.chance(0.03);
          const id = ++sourceId;
          firstSource ??= id;
          const url = unverified
            ? null
            : `https://${publisher.domain}/${announcedOn.slice(0, 7).replace("-", "/")}/${recipient.slug}-${dealId}-${s + 1}`;
          insertSource.run(
            id,
            dealId,
            url,
            publisher.name,
            announcedOn,
            `${recipient.name} ${kind === "equity" ? "funding" : "deal"} report`,
            unverified ? 1 : 0,
            CREATED_AT,
          );
        }

        let occurredOn = announcedOn;
        // Each step reports the whole deal (lib/story/as-of.ts); only the status moves along the path.
        path.forEach((step, i) => {
          if (i > 0) occurredOn = addDays(occurredOn, random.int(7, 120));
          insertEvent.run(
            ++eventId,
            dealId,
            occurredOn,
            step,
            low,
            high,
            qualifier,
            round,
            valuation,
            stakeBps,
            summary,
            currency,
            original,
            i === 0 ? "" : `Reported ${step.replace("_", " ")}`,
            firstSource,
            CREATED_AT,
          );
        });
      }
    })();
    if (end % 200_000 === 0 || end === n) log(`${end} deals (${Math.round(performance.now() - started)} ms)`);
  }

  const indexStarted = performance.now();
  for (const sql of indexSql) db.exec(sql);
  // The search text of every deal (lib/deals/deal-search.ts), once the Participation index is back.
  db.exec(fillDealSearchSql("sqlite"));
  // The market's cells, the investors' parts (lib/data/raw/market-cells.ts) and the rounds' pairs of investors
  // (round-pairs.ts), with the queries the deal writers keep them by.
  const cells = cellDeltas(queryBuilder("sqlite"), onDeal.lit(true), 1, true);
  const parts = investorPartStatements(queryBuilder("sqlite"), null).insertion;
  const pairs = roundPairStatements(queryBuilder("sqlite"), null).insertion;
  // The parts first: the investor cells and the flows are summed from them.
  for (const statement of [
    parts,
    cells.recipients,
    cells.periods,
    cells.recipientTotals,
    cells.investors,
    cells.investorTotals,
    cells.loops,
    cells.flows,
    cells.capitalFlows,
    cells.concentrations,
    pairs,
  ])
    db.prepare(statement.sql).run(...statement.parameters);
  // What each event changes and each deal's event dates (lib/data/raw/change-kinds.ts), with the statements the deal
  // writers keep them by.
  for (const statement of [changeKindsUpdate(queryBuilder("sqlite"), null), eventDatesUpdate(queryBuilder("sqlite"), null)])
    db.prepare(statement.sql).run(...statement.parameters);
  db.exec("ANALYZE");
  log(`indexes and ANALYZE (${Math.round(performance.now() - indexStarted)} ms)`);
  db.pragma("journal_mode = DELETE");
  db.close();
  return {
    file,
    organizations: orgId,
    deals: n,
    participations: participationId,
    sources: sourceId,
    events: eventId,
    ms: Math.round(performance.now() - started),
  };
}

/** SHA-256 of every row of the data tables in id order: equal for two databases with the same content. */
export function contentHash(file: string): string {
  const db = new Database(file, { readonly: true });
  db.defaultSafeIntegers(true);
  const hash = createHash("sha256");
  for (const table of ["Organization", "OrganizationAlias", "Deal", "Participation", "Source", "DealEvent"]) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY "id"`).iterate()) {
      hash.update(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
      hash.update("\n");
    }
  }
  db.close();
  return hash.digest("hex");
}
