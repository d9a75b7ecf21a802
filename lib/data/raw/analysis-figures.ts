// The /analysis figures of one view (its deals, lib/data/raw/view-deals.ts: filtered, as of a date, organizations
// excluded), summed in the database instead of measured over every deal loaded into memory: at 1,000,000 deals that
// load held gigabytes. Each function returns what its measure in lib/measures returns over the view's deals
// (loadMeasureDeals in tests/support/measure-deals.ts, then excludeOrganizations); tests/integration compares them on the seed and on a synthetic
// database, today and as of several dates. Kysely queries that run on SQLite and PostgreSQL alike (see
// overview-figures.ts).
import "server-only";
import { sql, type Expression, type NotNull, type QueryCreator, type SqlBool } from "kysely";
import type { DB } from "../../generated/kysely/types";
import type { InvestorPartRow } from "./market-cells";
import { CAPITAL_KINDS, UNDISCLOSED_KEY, type CapitalSummary, type CountingRule, type EntityTotal } from "../../measures/capital";
import { loopsOf, SPEND_BACK_KINDS, type CircularFlow, type CircularLeg, type LoopPair } from "../../measures/circular-flows";
import type { DealKind, DealStatus } from "../../domain";
import { byFlowOrder, sankeyOf, type Flow, type SankeyGraph } from "../../measures/flows";
import type { RankedDeal } from "../../measures/largest-deals";
import { countAll, moneySum, moneyText, toMoney, type Reads } from "../kysely";
import { basisOf, byAmountThenName, countedCells, countedDeal, onDeal } from "./overview-figures";
import type { Parts } from "../investor-parts";
import { organizationNames } from "../organization-where";
import { divisionRoots, keptLoopPairs, type KeptLoopPairs } from "./loop-cells";
import { UNNAMED } from "./flow-cells";
import type { ViewDeals } from "./view-deals";

type Org = { slug: string; name: string };

/** The totals every view needs: the counted capital, per recipient and per investor. */
export type MarketTotals = {
  summary: CapitalSummary;
  /** capitalByRecipient: counted capital per recipient, largest first. */
  recipients: EntityTotal[];
  /** capitalByInvestor: each deal split among its investors, unnamed parties as one undisclosed entry (if above zero). */
  investors: EntityTotal[];
};

/** An empty id column (typed, since PostgreSQL takes an untyped NULL for an integer in a UNION). */
const NO_ID = sql<number | null>`CAST(NULL AS INTEGER)`;

/**
 * `reads` is the connection the view's deals are read through (withViewTables). Summed over the view's cells per
 * recipient and per investor (today the kept totals: 150,476 and 116,239 rows at a million deals). The unnamed
 * investors' part is what the named ones do not hold, since a deal's parts add up to the deal. Summing every
 * investor-recipient pair instead took 3.4 s of /analysis at a million deals.
 */
export async function marketTotalsSql(reads: Reads, rule: CountingRule, view: ViewDeals): Promise<MarketTotals> {
  const empty: CapitalSummary = { total: 0n, dealCount: 0, undisclosedCount: 0, upperBoundTotal: 0n };
  const organizations = new Map(
    (await reads.selectFrom("Organization").select(["id", "slug", "name"]).execute()).map((o) => [o.id, { slug: o.slug, name: o.name }]),
  );
  if (rule.kinds.length === 0) return { summary: empty, recipients: [], investors: [] };
  const cellRule = countedCells(rule);
  const [byRecipient, byInvestor] = await Promise.all([
    view.cells
      .recipientTotals(cellRule)
      .groupBy("c.recipientId")
      .select((eb) => [
        "c.recipientId",
        moneySum(eb.ref("c.amount")).as("total"),
        eb.cast<number>(eb.fn.sum("c.deals"), "integer").as("deals"),
        eb.cast<number>(eb.fn.sum("c.undisclosed"), "integer").as("undisclosed"),
        moneySum(eb.ref("c.upperBound")).as("upperBound"),
      ])
      .execute(),
    (await view.cells.investorTotals(cellRule))
      .groupBy("c.organizationId")
      .select((eb) => ["c.organizationId", moneySum(eb.ref("c.amount")).as("total")])
      .execute(),
  ]);
  const org = (id: number) => organizations.get(Number(id)) as Org;
  const summary = { ...empty };
  const recipients: EntityTotal[] = [];
  for (const r of byRecipient) {
    const amount = toMoney(r.total);
    summary.total += amount;
    summary.dealCount += r.deals;
    summary.undisclosedCount += r.undisclosed;
    summary.upperBoundTotal += toMoney(r.upperBound);
    recipients.push({ key: org(r.recipientId).slug, name: org(r.recipientId).name, amount });
  }
  const investors: EntityTotal[] = [];
  let unnamed = summary.total;
  for (const row of byInvestor) {
    const amount = toMoney(row.total);
    unnamed -= amount;
    investors.push({ key: org(row.organizationId).slug, name: org(row.organizationId).name, amount });
  }
  // (capitalByInvestor also lists it at zero when some unnamed part was zero; no view shows an empty entry.)
  if (unnamed > 0n) investors.push({ key: UNDISCLOSED_KEY, name: "Undisclosed", amount: unnamed });
  return {
    summary,
    recipients: recipients.sort(byAmountThenName),
    investors: investors.sort(byAmountThenName),
  };
}

/** Which part of flowsSql's query a row is: every flow's count and sum, or a flow that can be drawn. */
const ALL_FLOWS = 1;
const LARGEST_FLOW = 2;
/** An empty text column of the ALL_FLOWS row (typed, since PostgreSQL takes an untyped NULL for text in a UNION). */
const NO_TEXT = sql<string | null>`CAST(NULL AS TEXT)`;

/**
 * capitalFlows then sankeyGraph(flows, limit): the view's flows (its cells' `flows`, one row per flow: for the whole
 * market today CapitalFlowCell's or FlowCell's, flow-cells.ts) read twice in one statement, for how many there are and
 * their sum, and for those that can be among the `limit` largest (at or above the limit-th largest amount, ties
 * included). CapitalFlowCell's rows are read through their amount's index (a CTE the database inlines); other flows are
 * summed once (a materialized CTE). The deal ids of the flows drawn only with `dealIds` (the API's): a page shows how many deals,
 * which the flows carry.
 */
export async function flowsSql(
  reads: Reads,
  rule: CountingRule,
  limit: number,
  view: ViewDeals,
  options: { dealIds: boolean },
): Promise<{ graph: SankeyGraph; undisclosedDeals: number }> {
  if (rule.kinds.length === 0) return { graph: sankeyOf([], { flows: 0, amount: 0n }), undisclosedDeals: 0 };
  const { rows, indexed } = await view.cells.flows(countedCells(rule));
  const flows = reads.with(
    (cte) => (indexed ? cte("fl").notMaterialized() : cte("fl").materialized()),
    () => rows,
  );
  const flowRows = await flows
    .selectFrom("fl")
    .where("fl.amount", ">", sql<bigint>`0`)
    .select((eb) => [
      sql.lit(ALL_FLOWS).as("side"),
      countAll().as("investorId"),
      NO_ID.as("recipientId"),
      NO_ID.as("deals"),
      moneySum(eb.ref("fl.amount")).as("amount"),
      NO_TEXT.as("investorSlug"),
      NO_TEXT.as("investorName"),
      NO_TEXT.as("recipientSlug"),
      NO_TEXT.as("recipientName"),
    ])
    .$if(limit > 0, (qb) =>
      qb.unionAll((eb) => {
        // The limit-th largest flow (none when there are fewer: then every flow above zero).
        const threshold = eb
          .selectFrom("fl as q")
          .where("q.amount", ">", sql<bigint>`0`)
          .select("q.amount")
          .orderBy("q.amount", "desc")
          .limit(1)
          .offset(limit - 1);
        return eb
          .selectFrom("fl")
          .leftJoin("Organization as i", "i.id", "fl.investorId")
          .innerJoin("Organization as r", "r.id", "fl.recipientId")
          .where("fl.amount", ">", sql<bigint>`0`)
          .where((w) => w("fl.amount", ">=", w.fn.coalesce(threshold, sql<bigint>`0`)))
          .select((eb) => [
            sql.lit(LARGEST_FLOW).as("side"),
            "fl.investorId",
            "fl.recipientId",
            "fl.deals",
            moneyText(eb.ref("fl.amount")).as("amount"),
            "i.slug as investorSlug",
            "i.name as investorName",
            "r.slug as recipientSlug",
            "r.name as recipientName",
          ]);
      }),
    )
    .execute();
  type Candidate = Omit<Flow, "dealIds"> & { investorId: number | null; recipientId: number };
  const candidates: Candidate[] = [];
  let all = { count: 0, amount: 0n };
  for (const row of flowRows) {
    if (row.side === ALL_FLOWS) {
      all = { count: Number(row.investorId), amount: toMoney(row.amount) };
      continue;
    }
    const unnamed = Number(row.investorId) === UNNAMED;
    candidates.push({
      investor: unnamed
        ? { key: UNDISCLOSED_KEY, name: "Undisclosed investors" }
        : { key: row.investorSlug as string, name: row.investorName as string },
      recipient: { key: row.recipientSlug as string, name: row.recipientName as string },
      amount: toMoney(row.amount),
      deals: Number(row.deals),
      investorId: unnamed ? null : Number(row.investorId),
      recipientId: Number(row.recipientId),
    });
  }
  candidates.sort(byFlowOrder);
  const shown = candidates.slice(0, limit);
  const dealIds = options.dealIds ? await flowDealIds(rule, shown, view) : null;
  const graph = sankeyOf(
    shown.map((f) => ({
      investor: f.investor,
      recipient: f.recipient,
      amount: f.amount,
      deals: f.deals,
      ...(dealIds ? { dealIds: dealIds.get(`${f.investorId}:${f.recipientId}`) ?? [] } : {}),
    })),
    { flows: all.count - shown.length, amount: shown.reduce((rest, f) => rest - f.amount, all.amount) },
  );
  const undisclosed = await view.deals
    .where(countedDeal(rule))
    .where("d.amountUsdKey", "is", null)
    .select(countAll().as("n"))
    .executeTakeFirst();
  return { graph, undisclosedDeals: undisclosed?.n ?? 0 };
}

/**
 * The deals behind each drawn flow, in date order (as capitalFlows meets them). Only those deals leave the database:
 * a named flow's are its investor's parts above zero of its recipient's deals; an undisclosed flow's are its
 * recipient's deals whose named parts fall short of the amount. (Reading every deal of the drawn recipients and their
 * parts took 1.6 s for the 20 largest flows at a million deals, these two 1.1 s.)
 */
async function flowDealIds(
  rule: CountingRule,
  shown: { investorId: number | null; recipientId: number }[],
  view: ViewDeals,
): Promise<Map<string, number[]>> {
  const ids = new Map<string, number[]>();
  const add = (key: string, dealId: number) => {
    const list = ids.get(key) ?? [];
    list.push(dealId);
    ids.set(key, list);
  };
  const named = shown.filter((f) => f.investorId !== null);
  const unnamed = [...new Set(shown.filter((f) => f.investorId === null).map((f) => f.recipientId))];
  const counted = (recipientIds: number[]) =>
    onDeal.and([countedDeal(rule), onDeal("d.amountUsdKey", "is not", null), onDeal("d.recipientId", "in", recipientIds)]);
  // Today the kept parts of the flows' investors (by the parts' key), with their deals' recipients beside them: 0.14 s
  // for the twenty largest flows at a million deals, where each of their recipients' deals and its parts took 0.6 s.
  const namedParts = async () => {
    if (named.length === 0) return [];
    return (await view.cells.parts(countedCells(rule)))
      .where("c.share", ">", sql<bigint>`0`)
      .where("c.organizationId", "in", [...new Set(named.map((f) => f.investorId as number))])
      .where("c.recipientId", "in", [...new Set(named.map((f) => f.recipientId))])
      .select(["c.dealId", "c.organizationId", "c.recipientId"])
      .orderBy("c.announcedOn")
      .orderBy("c.dealId")
      .execute();
  };
  const unnamedDeals = async () => {
    if (unnamed.length === 0) return [];
    const where = counted(unnamed);
    return (await view.shares(where))
      .selectFrom(view.deals.where(where).select(["d.id", "d.recipientId", "d.announcedOn", "d.amountUsdKey"]).as("k"))
      .leftJoin(
        (eb) =>
          eb
            .selectFrom("shares")
            .where("share", "is not", null)
            .groupBy("dealId")
            .select((eb) => ["dealId", eb.fn.sum<bigint>("share").as("parts")])
            .as("n"),
        (join) => join.onRef("n.dealId", "=", "k.id"),
      )
      .where((eb) => eb("k.amountUsdKey", ">", eb.fn.coalesce("n.parts", sql<bigint>`0`)))
      .select(["k.id", "k.recipientId"])
      .orderBy("k.announcedOn")
      .orderBy("k.id")
      .execute();
  };
  const [parts, deals] = await Promise.all([namedParts(), unnamedDeals()]);
  const wanted = new Set(named.map((f) => `${f.investorId}:${f.recipientId}`));
  for (const p of parts) {
    const key = `${p.organizationId}:${p.recipientId}`;
    if (wanted.has(key)) add(key, p.dealId);
  }
  for (const d of deals) add(`null:${d.recipientId}`, d.id);
  return ids;
}

/** largestDeals: the counted deals with the largest disclosed amounts; ties go to the later deal. */
export async function largestDealsSql(rule: CountingRule, limit: number, view: ViewDeals): Promise<RankedDeal[]> {
  if (rule.kinds.length === 0) return [];
  const rows = await view.deals
    .where(countedDeal(rule))
    .where("d.amountUsdKey", "is not", null)
    .select(["d.id", "d.amountUsdKey", "d.amountUsdLow"])
    .orderBy("d.amountUsdKey", "desc")
    .orderBy("d.announcedOn", "desc")
    .orderBy("d.id", "desc")
    .limit(Math.max(0, Math.floor(limit)))
    .execute();
  return rows.map((r) => ({ id: r.id, amount: r.amountUsdKey as bigint, basis: r.amountUsdLow === null ? "upper_bound" : "low" }));
}

/** The ids of the organizations in a corporate family: every division and every parent. */
export function familyMembers(reads: Reads) {
  return reads
    .selectFrom("Organization")
    .where("parentId", "is not", null)
    .select("id")
    .union(reads.selectFrom("Organization").where("parentId", "is not", null).select("parentId as id").$narrowType<{ id: NotNull }>());
}

/**
 * The deals that can be legs of a circular flow (a condition on the deals' states `d`): every spending-back deal,
 * and the capital deals whose recipient pays in one of them and whose investors include a seller in one (with whole
 * corporate families kept, since loops are matched at the top of each parent chain). The loops among these are the
 * loops among all the deals, before or after an exclusion (which only takes deals and parts away, deal by deal): any
 * other capital deal has no spending leg back. It keeps the view's tables small. (Today's deals decide who pays and
 * sells: the deals of an earlier date are among them.)
 */
export function circularFlowLegs(reads: Reads): Expression<SqlBool> {
  const spend = [...SPEND_BACK_KINDS];
  // Organizations in a corporate family: every child and every parent.
  const families = familyMembers(reads);
  const spenders = reads
    .selectFrom("Participation as p")
    .innerJoin("Deal as s", "s.id", "p.dealId")
    .where("s.kind", "in", spend)
    .where("s.deletedAt", "is", null)
    .where("p.organizationId", "is not", null)
    .select("p.organizationId")
    .$narrowType<{ organizationId: NotNull }>();
  const sellers = reads.selectFrom("Deal as s").where("s.kind", "in", spend).where("s.deletedAt", "is", null).select("s.recipientId");
  const withSellerInvestor = reads
    .selectFrom("Participation as q")
    .where((eb) => eb.or([eb("q.organizationId", "in", sellers), eb("q.organizationId", "in", families)]))
    .select("q.dealId");
  return onDeal.or([
    onDeal("d.kind", "in", spend),
    onDeal.and([
      onDeal("d.kind", "in", [...CAPITAL_KINDS]),
      onDeal.or([onDeal("d.recipientId", "in", spenders), onDeal("d.recipientId", "in", families)]),
      onDeal("d.id", "in", withSellerInvestor),
    ]),
  ]);
}

/**
 * The named investors' parts of a view's deals (ViewDeals.shares over its tables) in InvestorPart's shape, for
 * circularFlowsSql: one row per investor and deal, as attributeToInvestors adds up an investor listed twice.
 */
export async function viewParts(reads: Reads, view: ViewDeals): Promise<Parts> {
  const deals = view.deals.select(["d.id", "d.amountUsdKey"]).as("d");
  const parts = (await view.shares(onDeal.lit(true)))
    .selectFrom("shares as s")
    .innerJoin(deals, "d.id", "s.dealId")
    .groupBy(["s.dealId", "s.organizationId", "s.announcedOn", "s.recipientId", "s.kind", "s.status", "s.basis", "d.amountUsdKey"])
    .select((eb) => [
      eb.ref("s.organizationId").$castTo<number>().as("organizationId"),
      "s.dealId",
      eb.cast<bigint | null>(eb.fn.sum<bigint | null>("s.share"), "bigint").as("share"),
      "s.announcedOn",
      "s.kind",
      "s.status",
      "s.recipientId",
      "s.basis",
      eb.fn
        .coalesce("d.amountUsdKey", sql<bigint>`0`)
        .$castTo<bigint>()
        .as("amount"),
    ]);
  return reads.selectFrom(parts.as("p")) as unknown as Parts;
}

/** What the legs of circularFlowsSql are read from and written into: its CTEs. */
type LegTables = DB & {
  divisionRoots: { id: number; rootId: number };
  legParts: InvestorPartRow;
  pairs: { investorRoot: number; companyRoot: number };
  members: { rootId: number; id: number };
  back: LegRow;
  capital: LegRow;
};
type LegRow = {
  dealId: number;
  organizationId: number;
  announcedOn: string;
  recipientId: number;
  kind: string;
  status: string;
  basis: number;
  amount: string | null;
  dealAmount: string | null;
  back: number;
  investorRoot: number;
  companyRoot: number;
};
/** Pairs per query when a list is given: two parameters each, well under every dialect's limit. */
const PAIRS_PER_QUERY = 500;

/**
 * findCircularFlows over the named investors' parts `parts` of the deals that can be legs (the counted capital and
 * spending-back deals of a view: today the parts the writers keep, otherwise viewParts over its tables). Each part is
 * a leg from its payer to the deal's recipient, both taken to the top of their parent chains; a spending leg goes to
 * the pair (recipient, payer), a capital leg to (payer, recipient), legs inside one company are dropped. The spending
 * legs are few (137,391 of 2.4 million parts at a million deals) and are read first, by kind; the capital legs are
 * only those of a pair with a spending leg (86,254 pairs there), read pair by pair, by kind, investor and recipient.
 * InvestorPart's legs index holds every column read, so neither side touches the table: the whole market's loops at a
 * million deals take 0.8-0.9 s, against 1.5 s when the spending legs were found among every part and the capital
 * legs among every part of each seller (749,184). With `pairs` (among the loops the writers keep, LoopCell: those a
 * page draws, all of them for a filtered view, or an organization's) only those pairs' legs are read, both sides pair
 * by pair. loopsOf keeps the pairs with legs on both sides, totals and orders them.
 */
export async function circularFlowsSql(
  reads: Reads,
  parts: Parts,
  options: { fewParts?: boolean; pairs?: KeptLoopPairs } = {},
): Promise<CircularFlow[]> {
  const spend = [...SPEND_BACK_KINDS];
  const payerRoot = sql<number>`coalesce(${sql.ref("payer.rootId")}, ${sql.ref("p.organizationId")})`;
  const receiverRoot = sql<number>`coalesce(${sql.ref("receiver.rootId")}, ${sql.ref("p.recipientId")})`;
  type Creator = QueryCreator<LegTables>;
  // Each CTE's creator is typed with every CTE; the legs read only the first two.
  const legsOf = (db: Creator, back: boolean) =>
    db
      .selectFrom("legParts as p")
      .leftJoin("divisionRoots as payer", "payer.id", "p.organizationId")
      .leftJoin("divisionRoots as receiver", "receiver.id", "p.recipientId")
      .select((eb) => [
        "p.dealId",
        "p.organizationId",
        "p.announcedOn",
        "p.recipientId",
        "p.kind",
        "p.status",
        "p.basis",
        moneyText(eb.ref("p.share")).as("amount"),
        moneyText(eb.ref("p.amount")).as("dealAmount"),
        sql.lit(back ? 1 : 0).as("back"),
        (back ? receiverRoot : payerRoot).as("investorRoot"),
        (back ? payerRoot : receiverRoot).as("companyRoot"),
      ]);
  const spending = (db: Creator) => legsOf(db, true).where("p.kind", "in", spend).where(payerRoot, "<>", receiverRoot);
  // Each top company of a pair with its divisions: a leg of a pair is a part from one of its payer's family to one of
  // its receiver's, looked up pair by pair in the kept parts' legs index, or tested on each part of a view's. A list
  // of pairs, not a join: with a join SQLite read each pair's investor's every part, pair after pair, when it did not
  // take the legs index (31-34 s at a million deals on a database without it; the list takes 1.5 s there).
  const members = (db: Creator) =>
    db
      .selectFrom(
        db.selectFrom("pairs").select("pairs.investorRoot as id").union(db.selectFrom("pairs").select("pairs.companyRoot as id")).as("r"),
      )
      .select(["r.id as rootId", "r.id"])
      .unionAll(db.selectFrom("divisionRoots as d").select(["d.rootId", "d.id"]));
  const ofPairs = (db: Creator, back: boolean) =>
    db
      .selectFrom("pairs as bp")
      .innerJoin("members as mi", "mi.rootId", "bp.investorRoot")
      .innerJoin("members as mc", "mc.rootId", "bp.companyRoot")
      .select(back ? ["mc.id", "mi.id as recipientId"] : ["mi.id", "mc.id as recipientId"])
      .$asTuple("id", "recipientId");
  const legsOfPairs = async (given: KeptLoopPairs | null) => {
    const start = (reads as unknown as Creator)
      .with(
        (cte) => cte("divisionRoots").materialized(),
        () => divisionRoots(reads),
      )
      // Read twice by different paths (the spending legs by kind, the capital legs by their sellers' keys): inlined,
      // unless they are few (one organization's), which are written once.
      .with(
        (cte) => (options.fewParts ? cte("legParts").materialized() : cte("legParts").notMaterialized()),
        () => parts.where("p.share", "is not", null).selectAll("p"),
      ) as unknown as Creator;
    // The pairs given (among those the writers keep) and their spending legs, or every spending leg and its pairs.
    const withBack =
      given === null
        ? start
            .with((cte) => cte("back").materialized(), spending)
            .with(
              (cte) => cte("pairs").materialized(),
              (db) => db.selectFrom("back").select(["back.investorRoot", "back.companyRoot"]).distinct(),
            )
            .with((cte) => cte("members").materialized(), members)
        : start
            .with(
              (cte) => cte("pairs").materialized(),
              () => keptLoopPairs(reads, given),
            )
            .with((cte) => cte("members").materialized(), members)
            .with(
              (cte) => cte("back").materialized(),
              (db) => spending(db).where((eb) => eb.refTuple("p.organizationId", "p.recipientId"), "in", ofPairs(db, true)),
            );
    return (withBack as unknown as Creator)
      .with(
        (cte) => cte("capital").materialized(),
        (db) =>
          legsOf(db, false)
            .where("p.kind", "in", [...CAPITAL_KINDS])
            .where((eb) => eb.refTuple("p.organizationId", "p.recipientId"), "in", ofPairs(db, false)),
      )
      .selectFrom("capital")
      .selectAll()
      .unionAll((db) =>
        db
          .selectFrom("back as b")
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom("capital as c")
                .whereRef("c.investorRoot", "=", "b.investorRoot")
                .whereRef("c.companyRoot", "=", "b.companyRoot")
                .select("c.dealId"),
            ),
          )
          .selectAll("b"),
      )
      .execute();
  };
  const rows: LegRow[] = [];
  const kept = options.pairs;
  if (kept?.only === undefined) rows.push(...(await legsOfPairs(kept ?? null)));
  else
    for (let at = 0; at < kept.only.length; at += PAIRS_PER_QUERY)
      rows.push(...(await legsOfPairs({ ...kept, only: kept.only.slice(at, at + PAIRS_PER_QUERY) })));
  if (rows.length === 0) return [];
  const names = await organizationNames(
    reads,
    rows.flatMap((r) => [r.organizationId as number, r.recipientId, r.investorRoot, r.companyRoot].map(Number)),
  );
  const org = (id: number) => {
    const o = names.get(Number(id)) as { slug: string; name: string };
    return { key: o.slug, name: o.name };
  };
  const pairs = new Map<string, LoopPair>();
  for (const r of rows) {
    const pairKey = `${r.investorRoot}:${r.companyRoot}`;
    let pair = pairs.get(pairKey);
    if (!pair) {
      pair = { investor: org(r.investorRoot), company: org(r.companyRoot), moneyIn: [], moneyBack: [] };
      pairs.set(pairKey, pair);
    }
    const leg: CircularLeg = {
      dealId: r.dealId,
      kind: r.kind as DealKind,
      status: r.status as DealStatus,
      announcedOn: r.announcedOn,
      from: org(r.organizationId as number),
      to: org(r.recipientId),
      amount: toMoney(r.amount),
      basis: basisOf(Number(r.basis)),
      dealAmount: toMoney(r.dealAmount),
    };
    (Number(r.back) === 1 ? pair.moneyBack : pair.moneyIn).push(leg);
  }
  return loopsOf(pairs.values());
}
