// The overview's figures about every live deal today, computed in the database rather than by loading every deal
// (lib/data/overview.ts uses them when no `asOf` is asked for), and the pieces every figure in SQL shares: the
// counted rule, a deal's period and the investors' parts. Kysely queries (lib/data/kysely.ts) that run on SQLite and
// PostgreSQL alike: window functions, CASE instead of the dialects' different scalar MIN/MAX, integer arithmetic on
// BIGINT (sums cast back to BIGINT so PostgreSQL's NUMERIC never divides with decimals), totals read as text.
// Each function returns exactly what its measure in lib/measures/capital.ts returns over loadMeasureDeals(db)
// (tests/support/measure-deals.ts);
// tests/integration/view-cache.test.ts compares them on the seed and on a synthetic database.
// No "server-only": the deal writers build the market's cells from withInvestorShares (lib/data/raw/market-cells.ts),
// and they run in the operator commands (import, seed, db:synth) too.
import { expressionBuilder, sql, type AliasableExpression, type AliasedSelectQueryBuilder, type Expression, type SqlBool } from "kysely";
import type { DB, Deal } from "../../generated/kysely/types";
import {
  COUNTED_STATUSES,
  PIPELINE_STATUSES,
  type CountedAmount,
  type CountingRule,
  type EntityTotal,
  type Grain,
  periodOf as periodOfDate,
} from "../../measures/capital";
import { moneySum, toMoney, type Reads } from "../kysely";
import { dealsAsOf, type DealStates } from "../deal-state";
import type { Cells, RecipientCellRow } from "./market-cells";

/** Conditions on a deal aliased `d`, for any query that reads "Deal as d" (with subqueries over every table). */
export const onDeal = expressionBuilder<DB & { d: Deal }, "d">();

/** The statuses the counting rule counts: announced and closed, and the pipeline's when it includes it. */
export function countedStatuses(rule: CountingRule): string[] {
  return [...COUNTED_STATUSES, ...(rule.includePipeline ? PIPELINE_STATUSES : [])];
}

/** Which cells (lib/data/raw/market-cells.ts) a figure reads: deals of these kinds in these statuses (any with null). */
export type CellRule = { kinds: readonly string[]; statuses: readonly string[] | null };

/** The cells of a counting rule: its kinds, in a counted status (the pipeline's too when it includes it). */
export const countedCells = (rule: CountingRule): CellRule => ({ kinds: rule.kinds, statuses: countedStatuses(rule) });

/** The counting rule's deals: live, of its kinds, in a counted status (and the pipeline's when it includes it). */
export function countedDeal(rule: CountingRule): Expression<SqlBool> {
  return onDeal.and([
    onDeal("d.deletedAt", "is", null),
    onDeal("d.kind", "in", [...rule.kinds]),
    onDeal("d.status", "in", countedStatuses(rule)),
  ]);
}

/**
 * The period of an ISO date column as periodOf writes it ("2025" or "2025-Q3"). Constants are literals, not bound
 * parameters, so that PostgreSQL sees the same expression in the select list and in GROUP BY.
 */
export function periodOf(column: "d.announcedOn", grain: Grain): AliasableExpression<string> {
  const year = onDeal.fn<string>("substr", [column, sql.lit(1), sql.lit(4)]);
  if (grain === "year") return year;
  return onDeal(
    onDeal(year, "||", sql.lit("-Q")),
    "||",
    onDeal.cast<string>(quarterOf(column), "text"),
  ) as unknown as AliasableExpression<string>;
}

/** Expressions over a cell aliased `c` (lib/data/raw/market-cells.ts). */
const onCell = expressionBuilder<DB & { c: RecipientCellRow }, "c">();

/**
 * A cell's period of a grain (lib/data/raw/market-cells.ts): its quarter, as periodOf writes it, or the quarter's year
 * ("2025-Q3" is in "2025"), with literal constants as periodOf's.
 */
export function cellPeriod(grain: Grain): AliasableExpression<string> {
  return grain === "year" ? onCell.fn<string>("substr", ["c.quarter", sql.lit(1), sql.lit(4)]) : onCell.ref("c.quarter");
}

/** The quarter (1-4) of an ISO date column. */
function quarterOf(column: "d.announcedOn"): Expression<number> {
  const month = onDeal.cast<number>(onDeal.fn<string>("substr", [column, sql.lit(6), sql.lit(2)]), "integer");
  return onDeal(onDeal.parens(month, "+", sql.lit(2)), "/", sql.lit(3)) as unknown as Expression<number>;
}

export const byAmountThenName = (a: EntityTotal, b: EntityTotal) =>
  a.amount === b.amount ? a.name.localeCompare(b.name) : a.amount > b.amount ? -1 : 1;

/** How a deal's counted amount is known (UNDISCLOSED_BASIS, UPPER_BOUND_BASIS or 0), on the deal's state `d`. */
export function amountBasis(): AliasableExpression<number> {
  return onDeal
    .case()
    .when("d.amountUsdKey", "is", null)
    .then(sql.lit(UNDISCLOSED_BASIS))
    .when("d.amountUsdLow", "is", null)
    .then(sql.lit(UPPER_BOUND_BASIS))
    .else(sql.lit(0))
    .end();
}

/** The amount is undisclosed (countedAmount's basis "undisclosed"). */
export const UNDISCLOSED_BASIS = 1;
/** The amount is an "up to" figure with no lower one (basis "upper_bound"). */
export const UPPER_BOUND_BASIS = 2;

/** countedAmount's basis of an amountBasis code. */
export function basisOf(code: number): CountedAmount["basis"] {
  return code === UNDISCLOSED_BASIS ? "undisclosed" : code === UPPER_BOUND_BASIS ? "upper_bound" : "low";
}

/**
 * The CTEs "parts", "partShares" and "shares": each investor's part ("share") of every deal of `deals` (the deals'
 * states aliased d: today's, as of a date, or one view's, lib/data/raw/view-deals.ts) that meets `dealCondition`,
 * with the deal's "dealId", "announcedOn", "recipientId", "kind", "status" and amount "basis" (amountBasis), as
 * attributeToInvestors splits it: "parts" gives each party its split's terms (SplitTerms) by windows over the deal's
 * parties, "partShares" its part of the amount from them (splitShare). "partShares" holds every party, unnamed ones
 * too, "shares" the named investors: callers select from it.
 */
export function withInvestorShares(reads: Reads, dealCondition: Expression<SqlBool>, deals: DealStates = dealsAsOf(reads, null)) {
  return reads
    .with("parts", () =>
      deals
        .innerJoin("Participation as p", "p.dealId", "d.id")
        .where(dealCondition)
        .select((eb) => {
          const withCommitment = eb.case().when("p.committedUsd", "is", null).then(0).else(1).end();
          const withoutCommitment = eb.case().when("p.committedUsd", "is", null).then(1).else(0).end();
          const committedSum = eb.fn.sum<bigint | null>("p.committedUsd");
          return [
            "p.dealId",
            "p.organizationId",
            "p.committedUsd",
            "d.announcedOn",
            "d.recipientId",
            "d.kind",
            "d.status",
            amountBasis().as("basis"),
            eb.fn.coalesce("d.amountUsdKey", sql<bigint>`0`).as("amount"),
            eb.fn
              .sum<bigint>(withCommitment)
              .over((ob) => ob.partitionBy("p.dealId"))
              .as("committedCount"),
            eb
              .cast<bigint>(
                eb.fn.coalesce(
                  committedSum.over((ob) => ob.partitionBy("p.dealId")),
                  sql.lit(0),
                ),
                "bigint",
              )
              .as("committedSum"),
            eb.fn
              .sum<bigint>(withoutCommitment)
              .over((ob) => ob.partitionBy("p.dealId"))
              .as("openCount"),
            // Up to and including this investor, in listing order (position, then id: unique, so the default RANGE
            // frame is these rows).
            eb
              .cast<bigint>(
                eb(
                  eb.fn.coalesce(
                    committedSum.over((ob) => ob.partitionBy("p.dealId").orderBy("p.position").orderBy("p.id")),
                    sql.lit(0),
                  ),
                  "-",
                  eb.fn.coalesce("p.committedUsd", sql.lit(0)),
                ),
                "bigint",
              )
              .as("committedBefore"),
            eb.fn
              .sum<bigint>(withoutCommitment)
              .over((ob) => ob.partitionBy("p.dealId").orderBy("p.position").orderBy("p.id"))
              .as("openRank"),
          ];
        }),
    )
    .with("partShares", (db) =>
      db.selectFrom("parts").select((eb) => [
        "dealId",
        "organizationId",
        "announcedOn",
        "recipientId",
        "kind",
        "status",
        "basis",
        "amount",
        ...SPLIT_TERMS,
        splitShare(
          eb.ref("amount"),
          splitTermsOf((term) => eb.ref(term)),
        ).as("share"),
      ]),
    )
    .with("shares", (db) =>
      db
        .selectFrom("partShares")
        .where("organizationId", "is not", null)
        .select(["dealId", "organizationId", "announcedOn", "recipientId", "kind", "status", "basis", "share"]),
    );
}

/** The terms of one party's split of a deal that do not depend on the deal's amount ("parts", kept in InvestorPart). */
export type SplitTerms = {
  /** The party's own stated commitment, null without one. */
  committedUsd: Expression<bigint | null>;
  /** How many of the deal's parties state a commitment, and their sum. */
  committedCount: Expression<bigint>;
  committedSum: Expression<bigint>;
  /** How many of the deal's parties state none. */
  openCount: Expression<bigint>;
  /** The commitments of the parties listed before this one. */
  committedBefore: Expression<bigint>;
  /** The party's place among those without a commitment, up to and including it (listing order). */
  openRank: Expression<bigint>;
};

/** The columns of the split's terms, as "parts" and InvestorPart name them. */
export const SPLIT_TERMS = ["committedUsd", "committedCount", "committedSum", "openCount", "committedBefore", "openRank"] as const;

/** The split's terms from a reference to each of their columns. */
export function splitTermsOf(ref: (term: (typeof SPLIT_TERMS)[number]) => Expression<unknown>): SplitTerms {
  return Object.fromEntries(SPLIT_TERMS.map((term) => [term, ref(term)])) as SplitTerms;
}

/**
 * A party's part of a deal's counted `amount` (attributeToInvestors' split) from its terms: where stated commitments
 * cover the amount they are taken in listing order, capped at what is left, and a party without one gets no part
 * (NULL); otherwise a commitment counts in full and the rest is split equally among the parties without one, the odd
 * dollars going to the first listed. The one formula of the split: withInvestorShares applies it to every party of a
 * deal, and an investor's kept part as of a date (lib/data/investor-parts.ts) to its kept terms with the amount then.
 */
export function splitShare(amount: Expression<bigint>, t: SplitTerms): AliasableExpression<bigint | null> {
  const eb = expressionBuilder();
  // Kysely writes a binary operation without parentheses: parens() keeps each difference whole.
  const rest = eb.parens(amount, "-", t.committedSum);
  const left = eb.parens(amount, "-", t.committedBefore);
  return eb
    .case()
    .when(eb.and([eb(t.committedCount, ">", sql<bigint>`0`), eb(t.committedSum, ">=", amount)]))
    .then(
      eb
        .case()
        .when(t.committedUsd, "is", null)
        .then(sql<bigint | null>`NULL`)
        .when(t.committedBefore, ">=", amount)
        .then(sql<bigint>`0`)
        .when(t.committedUsd, "<", left)
        .then(t.committedUsd)
        .else(left)
        .end(),
    )
    .when(t.committedUsd, "is not", null)
    .then(t.committedUsd)
    .else(
      eb(
        eb(rest, "/", t.openCount),
        "+",
        eb
          .case()
          .when(eb(t.openRank, "<=", eb(rest, "%", t.openCount)))
          .then(sql<bigint>`1`)
          .else(sql<bigint>`0`)
          .end(),
      ),
    )
    .end();
}

/**
 * capitalByInvestor for the named investors (the undisclosed entry left out) over a view's cells (the market's today):
 * each counted deal split as above. The parts are summed per investor before the names are joined, from the
 * investors' totals (in the order of their key): summed from their cells per quarter, the 707,105 investor cells of a
 * million deals took 166 ms, their 116,239 totals take 28.
 */
export async function capitalByNamedInvestorSql(cells: Cells, rule: CountingRule): Promise<EntityTotal[]> {
  if (rule.kinds.length === 0) return [];
  const byInvestor = (await cells.investorTotals(countedCells(rule)))
    .groupBy("c.organizationId")
    .select((eb) => ["c.organizationId", moneySum(eb.ref("c.amount")).as("total")]);
  return namedTotals(cells.reads, byInvestor.as("g"));
}

/**
 * Counted capital per recipient among a view's deals announced in `year` (capitalByRecipient over those deals). The
 * year is its quarters' range of the cells' key, compared as it is stored: its year computed from each cell
 * (cellPeriod) took 114 ms over the 428,368 recipient cells at a million deals, the range 71.
 */
export async function capitalByRecipientInYearSql(cells: Cells, rule: CountingRule, year: string): Promise<EntityTotal[]> {
  if (rule.kinds.length === 0) return [];
  const byRecipient = cells
    .recipients(countedCells(rule))
    .where("c.quarter", ">=", periodOfDate(`${year}-01-01`, "quarter"))
    .where("c.quarter", "<=", periodOfDate(`${year}-12-31`, "quarter"))
    .groupBy("c.recipientId")
    .select((eb) => ["c.recipientId as organizationId", moneySum(eb.ref("c.amount")).as("total")]);
  return namedTotals(cells.reads, byRecipient.as("g"));
}

/** Organizations' totals (summed before the names are joined, each organization once), named, largest first. */
async function namedTotals(
  reads: Reads,
  totals: AliasedSelectQueryBuilder<{ organizationId: number; total: string | null }, "g">,
): Promise<EntityTotal[]> {
  const rows = await reads
    .selectFrom(totals)
    .innerJoin("Organization as o", "o.id", "g.organizationId")
    .select(["o.slug", "o.name", "g.total"])
    .execute();
  return rows.map((r) => ({ key: r.slug, name: r.name, amount: toMoney(r.total) })).sort(byAmountThenName);
}

/** The year of a view's newest live deal of the rule's kinds (any status), or null. */
export async function latestYearOfKindsSql(cells: Cells, rule: CountingRule): Promise<string | null> {
  if (rule.kinds.length === 0) return null;
  const row = await cells
    .periods({ kinds: rule.kinds, statuses: null })
    .select((eb) => eb.fn.max("c.quarter").as("latest"))
    .executeTakeFirst();
  return row?.latest?.slice(0, 4) ?? null;
}
