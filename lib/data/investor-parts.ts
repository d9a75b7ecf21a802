// Each named investor's part of each live deal (InvestorPart, one row per investor and deal, the split every figure
// reads), which the investor pages, /api/organizations/{slug} and the /deals figures with an investor filter read by
// the investors they name: today the rows the deal writers keep (lib/deals/market-cells.ts), by the key's prefix; as
// of a date the same rows with their deals' states then, each part split again from its kept terms (partsOfDeals). Each
// figure is one query over that relation, whichever gives it: an investor's figures cost its own rows, not the whole
// market's split (12 s for the first /deals with an investor filter at a million deals, and about 4 MB of arrays per
// date at 100,000 deals, when every page read the whole market's split).
// tests/integration/organization-figures.test.ts and organization-api.test.ts compare what is read here with the
// measures in lib/measures, today and as of dates.
import "server-only";
import { expressionBuilder, sql, type Expression, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { DB, Organization } from "../generated/kysely/types";
import { DEFAULT_RULE, periodRange, type CapitalSummary, type CountingRule, type Grain, type PeriodTotal } from "../measures/capital";
import type { InvestorCapital } from "../measures/investor-capital";
import type { DateWindow } from "../filters/date-window";
import { dealsAsOf } from "./deal-state";
import { countAll, countSum, countWhere, moneySum, toMoney, type Reads } from "./kysely";
import type { InvestorPartRow } from "./raw/market-cells";
import {
  amountBasis,
  countedStatuses,
  onDeal,
  SPLIT_TERMS,
  splitShare,
  splitTermsOf,
  UNDISCLOSED_BASIS,
  UPPER_BOUND_BASIS,
} from "./raw/overview-figures";

/** The parts of some investors, aliased `p`. */
export type Parts = SelectQueryBuilder<DB & { p: InvestorPartRow }, "p", object>;

/** Organizations' ids: listed, or a subquery selecting them. */
export type OrganizationIds = readonly number[] | SelectQueryBuilder<DB & { o: Organization }, "o", { id: number }>;

/** The deals that name any of the organizations `ids` as a party (a condition on the deals' states `d`). */
export function dealsNaming(ids: OrganizationIds): Expression<SqlBool> {
  return onDeal("d.id", "in", onDeal.selectFrom("Participation as q").where("q.organizationId", "in", ids).select("q.dealId"));
}

/**
 * The parts of the investors `investorIds` in the live deals meeting `among` (a condition on the deals' states `d`;
 * every live deal without it), today or as of `asOf`: today without `among` the kept rows by the key's prefix; else
 * the parts (partsOfDeals: today the kept rows, as of a date the parts then) of those investors' deals meeting
 * `among`, so that the deals' states are read once. The investors' deals are named here, so `among` need not name
 * them again: naming them twice read each of Microsoft's deals twice as of a date.
 */
export function partsOfInvestors(reads: Reads, asOf: string | null, investorIds: OrganizationIds, among?: Expression<SqlBool>): Parts {
  const throughDeals = asOf !== null || among !== undefined;
  const narrowing = throughDeals ? onDeal.and([dealsNaming(investorIds), ...(among ? [among] : [])]) : undefined;
  return partsOfDeals(reads, asOf, narrowing).where("p.organizationId", "in", investorIds);
}

/** Expressions over parts aliased `p`. */
const onPart = expressionBuilder<DB & { p: InvestorPartRow }, "p">();

/** Whether a part `p` is of a deal the rule counts (its kind and status then). */
export function countedPart(rule: CountingRule): Expression<SqlBool> {
  return onPart.and([onPart("p.kind", "in", [...rule.kinds]), onPart("p.status", "in", countedStatuses(rule))]);
}

/**
 * The parts of the investors `investorIds` in the live deals of the counting rule (DEFAULT_RULE), today or as of
 * `asOf`, announced within `window`, of the deals meeting `among` (a condition on the deals' states `d`) when given.
 */
export function countedPartsOf(
  reads: Reads,
  asOf: string | null,
  investorIds: readonly number[],
  window?: DateWindow,
  among?: Expression<SqlBool>,
): Parts {
  const parts = partsOfInvestors(reads, asOf, investorIds, among).where(countedPart(DEFAULT_RULE));
  return window ? partsWithin(parts, window) : parts;
}

/**
 * One investor's kept parts (InvestorPart, today) to be read newest first: every date is after the empty string, and
 * the bound makes the date a range of the index on (investor, date, deal), so that SQLite walks the parts in that
 * order instead of reading all of the investor's through another index and sorting them (9-13 ms against 0.04 for an
 * investor of 75,000 parts).
 */
export function investorPartsByDate(reads: Reads, investorId: number): Parts {
  return (reads.selectFrom("InvestorPart as p") as unknown as Parts)
    .where("p.organizationId", "=", investorId)
    .where("p.announcedOn", ">", "");
}

/** Parts of deals announced within `window` (every part when both ends are open). */
export function partsWithin(parts: Parts, window: DateWindow): Parts {
  let within = parts;
  if (window.from) within = within.where("p.announcedOn", ">=", window.from);
  if (window.to) within = within.where("p.announcedOn", "<=", window.to);
  return within;
}

/**
 * Every named investor's part of the live deals meeting `dealCondition` (on the deals' states `d`; every live deal
 * without it), today or as of `asOf`: today the rows the writers keep, read by the deals' ids (InvestorPart's index on
 * dealId), or all of them (they are the live deals' parts); as of a date the same rows with the deal's fields then and
 * their part split again from their kept terms and the deal's amount then (splitShare). A deal's parties are not
 * reported by its events, so the terms hold on every date. Splitting the deals' states then among all their parties
 * again (windows over every participation) took Microsoft's attributed figure on /deals as of 2021-03-01 at 100,000
 * deals 160 ms of SQL on SQLite, against 68 ms so (seven large investors 587 → 219 ms; on PostgreSQL six of them 1,074
 * → 605 ms, Microsoft's 217 → 233, its 24,894 deals each looked up by index). `byDeal: false` looks each part's deal
 * up by its id and tests it instead, for a reader that finds its parts through another index (the loops' legs, pair by
 * pair): SQLite's planner otherwise pairs every deal with every investor the reader asks for in InvestorPart's key, and
 * a list of the deals' ids is built whole first (the loops since 2024 at a million deals: 1.5 s with the list, 0.3 s).
 */
export function partsOfDeals(
  reads: Reads,
  asOf: string | null,
  dealCondition?: Expression<SqlBool>,
  options: { byDeal?: boolean } = {},
): Parts {
  if (asOf === null && dealCondition === undefined) return reads.selectFrom("InvestorPart as p") as unknown as Parts;
  const live = onDeal.and([onDeal("d.deletedAt", "is", null), ...(dealCondition ? [dealCondition] : [])]);
  if (asOf === null) {
    const deals = dealsAsOf(reads, null).where(live);
    return (options.byDeal === false
      ? reads.selectFrom("InvestorPart as p").where((eb) => eb.exists(deals.where("d.id", "=", eb.ref("p.dealId")).select("d.id")))
      : reads.selectFrom("InvestorPart as p").where("p.dealId", "in", deals.select("d.id"))) as unknown as Parts;
  }
  const states = dealsAsOf(reads, asOf)
    .where(live)
    .select(["d.id", "d.announcedOn", "d.kind", "d.status", "d.recipientId", "d.amountUsdLow", "d.amountUsdKey"]);
  const parts = reads
    .selectFrom("InvestorPart as k")
    .innerJoin(states.as("d"), "d.id", "k.dealId")
    .select((eb) => {
      const amount = eb.fn.coalesce("d.amountUsdKey", sql<bigint>`0`);
      return [
        "k.organizationId",
        "k.dealId",
        splitShare(
          amount,
          splitTermsOf((term) => eb.ref(`k.${term}`)),
        ).as("share"),
        "d.announcedOn",
        "d.kind",
        "d.status",
        "d.recipientId",
        amountBasis().as("basis"),
        amount.as("amount"),
        ...SPLIT_TERMS.map((term) => `k.${term}` as const),
      ];
    });
  return reads.selectFrom(parts.as("p")) as unknown as Parts;
}

/** An investor's counted deals with one recipient and its parts of them. */
export type RecipientParts = { slug: string; name: string; countedDeals: number; investorAmount: bigint };

export type InvestorParts = {
  capital: InvestorCapital;
  /** The whole counted amounts of the same deals, every investor's part ("the total of the rounds joined"). */
  roundsJoined: CapitalSummary;
  periods: PeriodTotal[];
  /** By recipient id. */
  byRecipient: Map<number, RecipientParts>;
};

/**
 * investorCapital and investorCapitalByPeriod of the investor over its counted deals announced within `window`, the
 * total of those deals (capitalCounted over them: each part carries its deal's amount), and its parts per recipient
 * with the recipient's name (investorShareOfRecipients, with the recipients' funding): one query, its parts grouped
 * by month and kind (with the undisclosed and "up to" ones) and, beside them, by recipient.
 * Grouped by month, kind, recipient and basis at once, Microsoft's 192,165 parts at a million deals made 71,474 groups
 * (444 ms, and the recipients' names read by a second walk of its parts, 106 ms).
 */
export async function investorParts(
  reads: Reads,
  asOf: string | null,
  investorId: number,
  grain: Grain,
  window: DateWindow,
): Promise<InvestorParts> {
  const month = sql<string>`substr(${sql.ref("p.announcedOn")}, 1, 7)`;
  const rows = await reads
    // Today the kept rows, read twice by the key's prefix rather than copied; as of a date the parts are split in the
    // query, once for both groupings.
    .with(
      (cte) => (asOf === null ? cte("parts").notMaterialized() : cte("parts").materialized()),
      () =>
        countedPartsOf(reads, asOf, [investorId], window).select([
          "p.announcedOn",
          "p.kind",
          "p.recipientId",
          "p.basis",
          "p.share",
          "p.amount",
        ]),
    )
    .selectFrom("parts as p")
    .groupBy([month, "p.kind"])
    .select((eb) => [
      month.$castTo<string | null>().as("month"),
      eb.ref("p.kind").$castTo<string | null>().as("kind"),
      sql<number | null>`null`.as("recipientId"),
      sql<string | null>`null`.as("slug"),
      sql<string | null>`null`.as("name"),
      countAll().as("deals"),
      moneySum(eb.ref("p.share")).as("amount"),
      countWhere(eb("p.basis", "=", sql.lit(UNDISCLOSED_BASIS))).as("undisclosed"),
      moneySum(eb.case().when("p.basis", "=", sql.lit(UPPER_BOUND_BASIS)).then(eb.ref("p.share")).end()).as("upperBound"),
      moneySum(eb.ref("p.amount")).as("joined"),
      moneySum(eb.case().when("p.basis", "=", sql.lit(UPPER_BOUND_BASIS)).then(eb.ref("p.amount")).end()).as("joinedUpperBound"),
    ])
    .unionAll((qb) =>
      qb
        .selectFrom("parts as p")
        .innerJoin("Organization as o", "o.id", "p.recipientId")
        .groupBy(["p.recipientId", "o.slug", "o.name"])
        .select((eb) => [
          sql<string | null>`null`.as("month"),
          sql<string | null>`null`.as("kind"),
          eb.ref("p.recipientId").$castTo<number | null>().as("recipientId"),
          eb.ref("o.slug").$castTo<string | null>().as("slug"),
          eb.ref("o.name").$castTo<string | null>().as("name"),
          countAll().as("deals"),
          moneySum(eb.ref("p.share")).as("amount"),
          sql<number>`0`.as("undisclosed"),
          sql<string | null>`null`.as("upperBound"),
          sql<string | null>`null`.as("joined"),
          sql<string | null>`null`.as("joinedUpperBound"),
        ]),
    )
    .execute();
  const capital: InvestorCapital = { total: 0n, countedDeals: 0, undisclosedDeals: 0, upperBoundPart: 0n };
  const roundsJoined: CapitalSummary = { total: 0n, dealCount: 0, undisclosedCount: 0, upperBoundTotal: 0n };
  const byRecipient = new Map<number, RecipientParts>();
  const byPeriodKind = new Map<string, Map<string, bigint>>();
  for (const g of rows) {
    const amount = toMoney(g.amount);
    const deals = Number(g.deals);
    if (g.recipientId !== null) {
      byRecipient.set(g.recipientId, { slug: g.slug ?? "", name: g.name ?? "", countedDeals: deals, investorAmount: amount });
      continue;
    }
    capital.total += amount;
    capital.countedDeals += deals;
    capital.undisclosedDeals += Number(g.undisclosed);
    capital.upperBoundPart += toMoney(g.upperBound);
    // One part per deal: its deals are counted as its parts are.
    roundsJoined.total += toMoney(g.joined);
    roundsJoined.dealCount += deals;
    roundsJoined.undisclosedCount += Number(g.undisclosed);
    roundsJoined.upperBoundTotal += toMoney(g.joinedUpperBound);
    const period = periodOfMonth(g.month ?? "", grain);
    const kinds = byPeriodKind.get(period) ?? new Map<string, bigint>();
    kinds.set(g.kind ?? "", (kinds.get(g.kind ?? "") ?? 0n) + amount);
    byPeriodKind.set(period, kinds);
  }
  return { capital, roundsJoined, periods: periodTotals(byPeriodKind, grain), byRecipient };
}

/** The period of a "YYYY-MM" month as periodOf writes it ("2025" or "2025-Q3"). */
function periodOfMonth(month: string, grain: Grain): string {
  const year = month.slice(0, 4);
  return grain === "year" ? year : `${year}-Q${Math.floor((Number(month.slice(5, 7)) + 2) / 3)}`;
}

/** Every period from the first to the last with a part (the empty ones as zero, so a chart shows the gaps), by kind. */
function periodTotals(byPeriodKind: Map<string, Map<string, bigint>>, grain: Grain): PeriodTotal[] {
  if (byPeriodKind.size === 0) return [];
  const periods = [...byPeriodKind.keys()].sort();
  return periodRange(periods[0], periods[periods.length - 1], grain).map((period) => {
    // Kinds in name order, so that both dialects (whose groups come in any order) give the same object.
    const byKey = Object.fromEntries([...(byPeriodKind.get(period) ?? [])].sort(([a], [b]) => a.localeCompare(b)));
    return { period, total: Object.values(byKey).reduce((sum, a) => sum + a, 0n), byKey };
  });
}

/**
 * investorCapital of `investorIds` together over the counted deals meeting `among` (a condition on the deals' states
 * `d`, today or as of `asOf`; others are passed over; or, today, on their kept parts `p`, which then need no deal
 * read: Microsoft's at 100,000 deals in 10 ms against 33-37 through its deals): each deal's parts of those investors
 * added up, a deal counted once however many of them it names; and `roundsJoined`, capitalCounted over the same deals
 * at their whole amounts (each part carries its deal's amount and basis), from the same parts rather than from the
 * deals: the /deals figures with an investor filter, whose condition the filter compiler writes (dealFilterCondition,
 * partFilterCondition). Summed over Microsoft's deals read as cells, the rounds it joined took 2.0 s of SQL at a
 * million deals, where its parts give both figures in one query.
 */
export async function investorsCapitalAmong(
  reads: Reads,
  asOf: string | null,
  investorIds: readonly number[],
  among: { deals: Expression<SqlBool> } | { parts: Expression<SqlBool> },
): Promise<{ attributed: InvestorCapital; roundsJoined: CapitalSummary }> {
  if (investorIds.length === 0)
    return {
      attributed: { total: 0n, countedDeals: 0, undisclosedDeals: 0, upperBoundPart: 0n },
      roundsJoined: { total: 0n, dealCount: 0, undisclosedCount: 0, upperBoundTotal: 0n },
    };
  const parts =
    "parts" in among
      ? countedPartsOf(reads, asOf, investorIds).where(among.parts)
      : countedPartsOf(reads, asOf, investorIds, undefined, among.deals);
  const perDeal = parts
    .groupBy("p.dealId")
    .select((eb) => [eb.fn.sum<bigint>("p.share").as("part"), eb.fn.max("p.basis").as("basis"), eb.fn.max("p.amount").as("amount")]);
  const row = await reads
    .selectFrom(perDeal.as("g"))
    .select((eb) => {
      const upperBound = (value: "g.part" | "g.amount") =>
        eb
          .case()
          .when("g.basis", "=", UPPER_BOUND_BASIS)
          .then(eb.ref(value))
          .else(sql<bigint>`0`)
          .end();
      return [
        moneySum(eb.ref("g.part")).as("total"),
        countAll().as("deals"),
        countSum(eb.case().when("g.basis", "=", UNDISCLOSED_BASIS).then(1).else(0).end()).as("undisclosed"),
        moneySum(upperBound("g.part")).as("upper"),
        moneySum(eb.ref("g.amount")).as("joined"),
        moneySum(upperBound("g.amount")).as("joinedUpper"),
      ];
    })
    .executeTakeFirstOrThrow();
  const [deals, undisclosed] = [Number(row.deals), Number(row.undisclosed ?? 0)];
  return {
    attributed: { total: toMoney(row.total), countedDeals: deals, undisclosedDeals: undisclosed, upperBoundPart: toMoney(row.upper) },
    roundsJoined: {
      total: toMoney(row.joined),
      dealCount: deals,
      undisclosedCount: undisclosed,
      upperBoundTotal: toMoney(row.joinedUpper),
    },
  };
}

/** The investor's part of each of `dealIds` that is counted (the portfolio table's rows); deals not counted are absent. */
export async function attributedAmounts(
  reads: Reads,
  asOf: string | null,
  investorId: number,
  dealIds: readonly number[],
): Promise<Map<number, bigint>> {
  if (dealIds.length === 0) return new Map();
  const rows = await countedPartsOf(reads, asOf, [investorId])
    .where("p.dealId", "in", [...dealIds])
    .select((eb) => ["p.dealId", moneySum(eb.ref("p.share")).as("share")])
    .groupBy("p.dealId")
    .execute();
  return new Map(rows.map((r) => [r.dealId, toMoney(r.share)]));
}
