// The /analysis figures of the whole market today (every live deal, nobody excluded), summed in the database instead
// of measured over every deal loaded into memory: at 1,000,000 deals that load held gigabytes. Each function returns
// what its measure in lib/measures returns over loadMeasureDeals(db); tests/integration compares them on the seed and
// on a synthetic database. Portable SQL for SQLite and PostgreSQL through the bulk reader (see overview-figures.ts).
import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { CAPITAL_KINDS, UNDISCLOSED_KEY, type CapitalSummary, type CountingRule, type EntityTotal, type MeasureDeal } from "../../measures/capital";
import { SPEND_BACK_KINDS } from "../../measures/circular-flows";
import { byFlowOrder, sankeyGraph, type Flow, type SankeyGraph } from "../../measures/flows";
import type { RankedDeal } from "../../measures/largest-deals";
import { loadMeasureDealsMatching } from "../measure-deals";
import { bulkReaderOf } from "./bulk-reader";
import { byAmountThenName, countedWhere, investorSharesSql, marks } from "./overview-figures";

type Org = { slug: string; name: string };

/** What one pass over the counted deals and one over their investors' parts give: the totals every view needs. */
export type MarketTotals = {
  summary: CapitalSummary;
  /** capitalByRecipient: counted capital per recipient, largest first. */
  recipients: EntityTotal[];
  /** capitalByInvestor: each deal split among its investors, unnamed parties as one undisclosed entry (if above zero). */
  investors: EntityTotal[];
  /** Named investor -> recipient pairs (parts of zero left out), and the unnamed parts per recipient. */
  pairs: { investorId: number; recipientId: number; amount: bigint }[];
  undisclosedByRecipient: Map<number, bigint>;
  organizations: Map<number, Org>;
};

export async function marketTotalsSql(db: PrismaClient, rule: CountingRule): Promise<MarketTotals> {
  const empty: CapitalSummary = { total: 0n, dealCount: 0, undisclosedCount: 0, upperBoundTotal: 0n };
  const reader = bulkReaderOf(db);
  const organizations = new Map(
    (await reader.all<{ id: number; slug: string; name: string }>(`SELECT "id", "slug", "name" FROM "Organization"`)).map((o) => [Number(o.id), { slug: o.slug, name: o.name }]),
  );
  if (rule.kinds.length === 0) return { summary: empty, recipients: [], investors: [], pairs: [], undisclosedByRecipient: new Map(), organizations };
  const counted = countedWhere(rule, "d");
  const [byRecipient, pairRows] = await Promise.all([
    reader.all<{ recipientId: number; total: string; deals: number | string; undisclosed: number | string; upperBound: string }>(
      `SELECT d."recipientId", CAST(SUM(COALESCE(d."amountUsdKey", 0)) AS TEXT) AS "total", CAST(COUNT(*) AS INTEGER) AS "deals",
              CAST(SUM(CASE WHEN d."amountUsdKey" IS NULL THEN 1 ELSE 0 END) AS INTEGER) AS "undisclosed",
              CAST(SUM(CASE WHEN d."amountUsdLow" IS NULL THEN COALESCE(d."amountUsdHigh", 0) ELSE 0 END) AS TEXT) AS "upperBound"
         FROM "Deal" d WHERE ${counted.sql} GROUP BY d."recipientId"`,
      counted.params,
    ),
    reader.all<{ organizationId: number; recipientId: number; total: string }>(
      `${investorSharesSql(counted.sql)}
       SELECT "organizationId", "recipientId", CAST(SUM("share") AS TEXT) AS "total"
         FROM "shares" WHERE "share" IS NOT NULL GROUP BY "organizationId", "recipientId"`,
      counted.params,
    ),
  ]);
  const org = (id: number) => organizations.get(Number(id)) as Org;
  const summary = { ...empty };
  const recipients: EntityTotal[] = [];
  const recipientTotal = new Map<number, bigint>();
  for (const r of byRecipient) {
    const amount = BigInt(r.total);
    summary.total += amount;
    summary.dealCount += Number(r.deals);
    summary.undisclosedCount += Number(r.undisclosed);
    summary.upperBoundTotal += BigInt(r.upperBound);
    recipientTotal.set(Number(r.recipientId), amount);
    recipients.push({ key: org(r.recipientId).slug, name: org(r.recipientId).name, amount });
  }
  const byInvestor = new Map<number, bigint>();
  const undisclosedByRecipient = new Map(recipientTotal);
  const pairs: MarketTotals["pairs"] = [];
  for (const p of pairRows) {
    const amount = BigInt(p.total);
    const investorId = Number(p.organizationId);
    const recipientId = Number(p.recipientId);
    byInvestor.set(investorId, (byInvestor.get(investorId) ?? 0n) + amount);
    undisclosedByRecipient.set(recipientId, (undisclosedByRecipient.get(recipientId) ?? 0n) - amount);
    if (amount > 0n) pairs.push({ investorId, recipientId, amount });
  }
  const investors: EntityTotal[] = [...byInvestor].map(([id, amount]) => ({ key: org(id).slug, name: org(id).name, amount }));
  // A deal's parts add up to the deal: what the named investors do not hold is the unnamed parties'.
  const unnamed = [...undisclosedByRecipient.values()].reduce((s, a) => s + a, 0n);
  // (capitalByInvestor also lists it at zero when some unnamed part was zero; no view shows an empty entry.)
  if (unnamed > 0n) investors.push({ key: UNDISCLOSED_KEY, name: "Undisclosed", amount: unnamed });
  return { summary, recipients: recipients.sort(byAmountThenName), investors: investors.sort(byAmountThenName), pairs, undisclosedByRecipient, organizations };
}

/** capitalFlows then sankeyGraph(flows, limit), with the deal ids only of the flows drawn. */
export async function flowsSql(db: PrismaClient, rule: CountingRule, totals: MarketTotals, limit: number): Promise<{ graph: SankeyGraph; undisclosedDeals: number }> {
  const org = (id: number) => {
    const o = totals.organizations.get(id) as Org;
    return { key: o.slug, name: o.name };
  };
  type Candidate = Omit<Flow, "dealIds"> & { investorId: number | null; recipientId: number };
  const flows: Candidate[] = totals.pairs.map((p) => ({ investor: org(p.investorId), recipient: org(p.recipientId), amount: p.amount, investorId: p.investorId, recipientId: p.recipientId }));
  for (const [recipientId, amount] of totals.undisclosedByRecipient) {
    if (amount > 0n) flows.push({ investor: { key: UNDISCLOSED_KEY, name: "Undisclosed investors" }, recipient: org(recipientId), amount, investorId: null, recipientId });
  }
  flows.sort(byFlowOrder);
  const shown = flows.slice(0, limit);
  const dealIds = await flowDealIds(db, rule, shown);
  const withIds: Flow[] = flows.map((f, i) => ({ investor: f.investor, recipient: f.recipient, amount: f.amount, dealIds: i < shown.length ? (dealIds.get(`${f.investorId}:${f.recipientId}`) ?? []) : [] }));
  const counted = countedWhere(rule, "d");
  const undisclosed = rule.kinds.length === 0 ? [{ n: 0 }] : await bulkReaderOf(db).all<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS "n" FROM "Deal" d WHERE ${counted.sql} AND d."amountUsdKey" IS NULL`, counted.params);
  return { graph: sankeyGraph(withIds, limit), undisclosedDeals: Number(undisclosed[0]?.n ?? 0) };
}

/** The deals behind each drawn flow, in date order (as capitalFlows meets them): read for the drawn recipients only. */
async function flowDealIds(db: PrismaClient, rule: CountingRule, shown: { investorId: number | null; recipientId: number }[]): Promise<Map<string, number[]>> {
  const ids = new Map<string, number[]>();
  if (shown.length === 0) return ids;
  const wanted = new Set(shown.map((f) => `${f.investorId}:${f.recipientId}`));
  const recipientIds = [...new Set(shown.map((f) => f.recipientId))];
  const counted = countedWhere(rule, "d");
  const where = `${counted.sql} AND d."amountUsdKey" IS NOT NULL AND d."recipientId" IN (${marks(recipientIds)})`;
  const params = [...counted.params, ...recipientIds];
  const reader = bulkReaderOf(db);
  const [deals, shares] = await Promise.all([
    reader.all<{ id: number; recipientId: number; amount: string }>(
      `SELECT d."id", d."recipientId", CAST(d."amountUsdKey" AS TEXT) AS "amount" FROM "Deal" d WHERE ${where} ORDER BY d."announcedOn", d."id"`,
      params,
    ),
    reader.all<{ dealId: number; organizationId: number; share: string }>(
      `${investorSharesSql(where)} SELECT "dealId", "organizationId", CAST("share" AS TEXT) AS "share" FROM "shares" WHERE "share" IS NOT NULL`,
      params,
    ),
  ]);
  const partsByDeal = new Map<number, { organizationId: number; share: bigint }[]>();
  for (const s of shares) {
    const list = partsByDeal.get(Number(s.dealId)) ?? [];
    list.push({ organizationId: Number(s.organizationId), share: BigInt(s.share) });
    partsByDeal.set(Number(s.dealId), list);
  }
  const add = (key: string, dealId: number) => {
    if (!wanted.has(key)) return;
    const list = ids.get(key) ?? [];
    list.push(dealId);
    ids.set(key, list);
  };
  for (const d of deals) {
    const id = Number(d.id);
    const parts = partsByDeal.get(id) ?? [];
    for (const p of parts) if (p.share > 0n) add(`${p.organizationId}:${Number(d.recipientId)}`, id);
    const unnamed = BigInt(d.amount) - parts.reduce((s, p) => s + p.share, 0n);
    if (unnamed > 0n) add(`null:${Number(d.recipientId)}`, id);
  }
  return ids;
}

/** largestDeals: the counted deals with the largest disclosed amounts; ties go to the later deal. */
export async function largestDealsSql(db: PrismaClient, rule: CountingRule, limit: number): Promise<RankedDeal[]> {
  if (rule.kinds.length === 0) return [];
  const counted = countedWhere(rule, "d");
  const rows = await bulkReaderOf(db).all<{ id: number; amount: string; low: string | null }>(
    `SELECT d."id", CAST(d."amountUsdKey" AS TEXT) AS "amount", CAST(d."amountUsdLow" AS TEXT) AS "low"
       FROM "Deal" d WHERE ${counted.sql} AND d."amountUsdKey" IS NOT NULL
      ORDER BY d."amountUsdKey" DESC, d."announcedOn" DESC, d."id" DESC LIMIT ${Math.max(0, Math.floor(limit))}`,
    counted.params,
  );
  return rows.map((r) => ({ id: Number(r.id), amount: BigInt(r.amount), basis: r.low === null ? "upper_bound" : "low" }));
}

/**
 * The deals that can be legs of a circular flow: every spending-back deal, and the capital deals whose recipient pays
 * in one of them and whose investors include a seller in one (with whole corporate families kept, since loops are
 * matched at the top of each parent chain). findCircularFlows over these finds every loop it finds over all deals:
 * any other capital deal has no spending leg back.
 */
export function circularFlowLegsSql(db: PrismaClient): Promise<MeasureDeal[]> {
  const spend = marks(SPEND_BACK_KINDS);
  const families = `SELECT "id" FROM "Organization" WHERE "parentId" IS NOT NULL UNION SELECT "parentId" FROM "Organization" WHERE "parentId" IS NOT NULL`;
  return loadMeasureDealsMatching(db, {
    sql: `d."kind" IN (${spend}) OR (d."kind" IN (${marks(CAPITAL_KINDS)})
            AND (d."recipientId" IN (SELECT p."organizationId" FROM "Participation" p JOIN "Deal" s ON s."id" = p."dealId" WHERE s."kind" IN (${spend}) AND s."deletedAt" IS NULL AND p."organizationId" IS NOT NULL)
                 OR d."recipientId" IN (${families}))
            AND d."id" IN (SELECT q."dealId" FROM "Participation" q
                            WHERE q."organizationId" IN (SELECT s."recipientId" FROM "Deal" s WHERE s."kind" IN (${spend}) AND s."deletedAt" IS NULL)
                               OR q."organizationId" IN (${families})))`,
    params: [...SPEND_BACK_KINDS, ...CAPITAL_KINDS, ...SPEND_BACK_KINDS, ...SPEND_BACK_KINDS],
  });
}
