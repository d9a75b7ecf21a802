// One view's deals as one relation, which every measure in SQL reads (lib/data/raw): the deals' states today or as
// of a date (lib/data/deal-state.ts), narrowed by a condition (the /deals filters, dealFilterCondition), less the
// organizations a view excludes, as excludeOrganizations (lib/measures/exclusion.ts) takes them out: the deals they
// received are left out, and their parts of the deals they invested in are taken off the deal's amount, the
// co-investors keeping theirs. So the figures of any view, filtered, excluded or as of a date, are summed in the
// database like those of the whole market today, without loading a deal into memory.
import "server-only";
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from "kysely";
import { dealsAsOf, type DealStates } from "../deal-state";
import { notThroughIndex, withOwnConnection, type Reads } from "../kysely";
import type { DB, Deal } from "../../generated/kysely/types";
import type { CountingRule } from "../../measures/capital";
import { amountBasis, countedDeal, onDeal, withInvestorShares } from "./overview-figures";
import { dealCells, marketCells, selectedCells, type CellSelection, type Cells } from "./market-cells";

export type ViewDeals = {
  /** The view's deals as `d`, with the Deal table's columns; amounts net of the excluded organizations' parts. */
  deals: DealStates;
  /**
   * withInvestorShares over the view's deals that meet `dealCondition`: the remaining investors keep their parts.
   * Asynchronous because withViewTables writes the parts' table only when a figure first asks for them.
   */
  shares: (dealCondition: Expression<SqlBool>) => Promise<ReturnType<typeof withInvestorShares>>;
  /**
   * The view's deals as cells (lib/data/raw/market-cells.ts), which the figures summed per recipient, investor, period
   * and kind read: for the whole market today (no date, no filter, nobody excluded) the cells the deal writers keep,
   * else these deals, each a cell of its own.
   */
  cells: Cells;
};

export type DealSelection = {
  asOf: string | null;
  /** The view's filters as a condition on the deals' states `d` (every live deal when absent). */
  condition?: Expression<SqlBool> | null;
  /**
   * The counting rule of every figure the view reads: only its deals are read (or written into the tables). Not a
   * filter: each figure applies its rule itself, so the whole market's cells serve a view narrowed by it.
   */
  rule?: CountingRule;
  /** Slugs of the organizations to take out, their divisions already added (withDivisions). */
  excluded?: readonly string[];
  /**
   * The condition as a selection of the market's cells (cellSelection in lib/data/deal-where.ts: kinds, statuses, a
   * recipient, whole quarters), where the cells can stand for the deals; its figures read the cells the writers keep.
   */
  cells?: CellSelection | null;
};

/** The kept cells of the selection, when they can stand for its deals: the whole market's, or narrowed to it. */
function keptCellsOf(reads: Reads, selection: DealSelection): Cells | null {
  if (selection.asOf !== null || (selection.excluded ?? []).length > 0) return null;
  if (!selection.condition) return marketCells(reads);
  return selection.cells ? selectedCells(reads, selection.cells) : null;
}

/** The selection's deals' states: as of its date, its filters, its rule. */
function selectedDeals(reads: Reads, selection: DealSelection): DealStates {
  const live = selection.condition ?? onDeal("d.deletedAt", "is", null);
  return dealsAsOf(reads, selection.asOf).where(selection.rule ? onDeal.and([live, countedDeal(selection.rule)]) : live);
}

/**
 * The view's deals in one query, for a figure that reads them once (capital by period); withViewTables writes them
 * into a table for the views that read them a dozen times, and takes the excluded organizations out there.
 */
export function viewDeals(reads: Reads, selection: Omit<DealSelection, "excluded">): ViewDeals {
  const deals = selectedDeals(reads, selection);
  const kept = keptCellsOf(reads, selection);
  if (kept) return { deals, shares: async (condition) => keptShares(reads, deals, condition), cells: kept };
  const shares = async (condition: Expression<SqlBool>) => withInvestorShares(reads, condition, deals);
  return { deals, shares, cells: dealCells(reads, deals, shares) };
}

/**
 * The "shares" CTE of live deals today (`deals`: every one, or a filtered view's table of them) from the parts the
 * deal writers keep (InvestorPart), one per named investor and deal as withInvestorShares gives them (a deal names an
 * investor once), instead of splitting every deal again: 11.7 s against 3.3 s for the market's investor-recipient
 * pairs at a million deals. Each deal's investors and shares are read from the parts' deal index alone, the rest
 * from the deal: SQLite would otherwise walk every kept part in the order of a grouping by investor, looking each deal
 * up (a view's investors' totals since 2024 at a million deals: 2.5 s against 1.1 s).
 */
function keptShares(reads: Reads, deals: DealStates, condition: Expression<SqlBool>) {
  return reads.with("shares", () =>
    deals
      .innerJoin("InvestorPart as s", (join) => join.on("s.dealId", "=", notThroughIndex<number>(reads, "d.id")))
      .where(condition)
      .select([
        "s.dealId",
        "s.organizationId",
        "d.announcedOn",
        "d.recipientId",
        "d.kind",
        "d.status",
        amountBasis().as("basis"),
        "s.share",
      ]),
  ) as unknown as ReturnType<typeof withInvestorShares>;
}

/** A subquery of the ids of the organizations a view excludes. */
type OrganizationIds = SelectQueryBuilder<DB, "Organization", { id: number }>;

/** An investor's part of a deal, as "partShares" gives it, kept for the view. */
type ViewShare = {
  dealId: number;
  organizationId: number | null;
  announcedOn: string;
  recipientId: number;
  amount: bigint;
  openCount: number;
  committedSum: bigint;
  share: bigint | null;
};
type ViewTables = { viewDeals: Deal; viewDealsLeft: Deal; viewShares: ViewShare };

// The columns the measures read; a table holds the live deals only, so its deletedAt is always null.
const DEAL_COLUMNS = ["id", "recipientId", "kind", "status", "announcedOn", "amountUsdLow", "amountUsdHigh", "amountUsdKey"] as const;
const SHARE_COLUMNS = ["dealId", "organizationId", "announcedOn", "recipientId", "amount", "openCount", "committedSum", "share"] as const;
const TABLES = ["viewDeals", "viewDealsLeft", "viewShares"] as const;

/**
 * Runs `measure` over one view's deals written once into temporary tables on one connection: the deals (`all`,
 * before exclusion) and every party's part of them (one pass of withInvestorShares; today with nobody excluded the
 * kept parts of the deals' table are read instead, keptShares), and the deals less the excluded
 * organizations (`deals`, the same as `all` with nobody excluded). The parts' table is written when it is first
 * needed (a figure asks for shares, or organizations are excluded): it is most of a cold view's time (the windows
 * over every participation), and the recipients' figures (concentration by recipient, capital by kind) never read
 * it. A view's figures are a dozen queries over the same
 * deals: each recomputed the deals as of the date (then a window over every event) and the parts (a window over every
 * participation), which at 100,000 deals made an excluded view as of a date four times slower than measuring the
 * deals in memory. A figure that reads the deals once or twice (`readsFew`: concentration) over a view with nobody
 * excluded reads the relation itself (viewDeals): writing the table is one more pass over the deals than it saves
 * (at 100,000 deals the table took 90-170 ms of a 370 ms cold concentration, and its parts' table 1.1 s of the
 * investor side's 1.9 s). `measure` must read through the connection it is given (withOwnConnection: on SQLite one
 * opened for the view, so that the process's other reads do not wait behind it).
 */
export async function withViewTables<T>(
  reads: Reads,
  selection: DealSelection,
  measure: (view: { reads: Reads; all: ViewDeals; deals: ViewDeals }) => Promise<T>,
  options: { readsFew?: boolean } = {},
): Promise<T> {
  return withOwnConnection(reads, async (connection) => {
    // The whole market today, or a selection its cells stand for, is read where the writers keep it (its deals, cells
    // and parts): a copy of it in tables took 10-14 s at a million deals.
    if (keptCellsOf(connection, selection) || (options.readsFew && (selection.excluded ?? []).length === 0)) {
      const view = viewDeals(connection, selection);
      return measure({ reads: connection, all: view, deals: view });
    }
    const conn = connection.withTables<ViewTables>();
    const drop = async () => {
      for (const table of TABLES) await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(conn);
    };
    await drop();
    try {
      const dealTable = (name: "viewDeals" | "viewDealsLeft") =>
        sql`CREATE TEMPORARY TABLE ${sql.table(name)} ("id" INTEGER PRIMARY KEY, "recipientId" INTEGER NOT NULL, "kind" TEXT NOT NULL,
          "status" TEXT NOT NULL, "announcedOn" TEXT NOT NULL, "amountUsdLow" BIGINT, "amountUsdHigh" BIGINT, "amountUsdKey" BIGINT,
          "deletedAt" TEXT)`.execute(conn);
      await dealTable("viewDeals");
      const base = selectedDeals(connection, selection);
      await conn
        .insertInto("viewDeals")
        .columns([...DEAL_COLUMNS])
        .expression(base.select(DEAL_COLUMNS.map((c) => `d.${c}` as const)))
        .execute();
      const allDeals = conn.selectFrom("viewDeals as d") as unknown as DealStates;
      // Written once, by the first figure that reads the parts; the figures of a view run concurrently on this one
      // connection, so they share the one promise.
      let sharesWritten: Promise<void> | null = null;
      const writeShares = () =>
        (sharesWritten ??= (async () => {
          await sql`CREATE TEMPORARY TABLE "viewShares" ("dealId" INTEGER NOT NULL, "organizationId" INTEGER, "announcedOn" TEXT NOT NULL,
            "recipientId" INTEGER NOT NULL, "amount" BIGINT NOT NULL, "openCount" INTEGER NOT NULL, "committedSum" BIGINT NOT NULL,
            "share" BIGINT)`.execute(conn);
          await conn
            .insertInto("viewShares")
            .columns([...SHARE_COLUMNS])
            .expression(
              withInvestorShares(connection, onDeal.lit(true), allDeals)
                .selectFrom("partShares")
                .select([...SHARE_COLUMNS]),
            )
            .execute();
        })());
      const sharesOf =
        (table: "viewDeals" | "viewDealsLeft", excluded: OrganizationIds | null) => async (condition: Expression<SqlBool>) => {
          await writeShares();
          return conn.with("shares", (db) => {
            const named = db
              .selectFrom("viewShares as s")
              .innerJoin(`${table} as d`, "d.id", "s.dealId")
              .where(condition as Expression<SqlBool>)
              .where("s.organizationId", "is not", null);
            return (excluded ? named.where((eb) => eb.not(eb("s.organizationId", "in", excluded))) : named).select([
              "s.dealId",
              "s.organizationId",
              "s.announcedOn",
              "s.recipientId",
              "d.kind",
              "d.status",
              amountBasis().as("basis"),
              "s.share",
            ]);
          }) as unknown as ReturnType<typeof withInvestorShares>;
        };
      // Today's deals are split as the writers keep them: with nobody excluded, a filtered view's parts are the kept
      // parts of its deals, not split again into a table (3.0 s of /analysis since 2024 at a million deals).
      const allShares =
        selection.asOf === null && (selection.excluded ?? []).length === 0
          ? async (condition: Expression<SqlBool>) => keptShares(connection, allDeals, condition)
          : sharesOf("viewDeals", null);
      const all: ViewDeals = {
        deals: allDeals,
        shares: allShares,
        cells: dealCells(connection, allDeals, allShares),
      };
      const slugs = selection.excluded ?? [];
      if (slugs.length === 0) return await measure({ reads: connection, all, deals: all });

      const excluded: OrganizationIds = conn
        .selectFrom("Organization")
        .where("slug", "in", [...slugs])
        .select("id");
      await writeShares();
      await dealTable("viewDealsLeft");
      // The deals an excluded organization invested in, each with the excluded parts (as attributeToInvestors splits
      // the deal) and whether any part is left: another party's (named or not, a zero one included), or the unnamed
      // rest of a deal whose investors all stated commitments that fall short of it. A deal with no part left is left
      // out; the others keep their basis (a low figure stays one, an "up to" figure an upper bound, none stays none),
      // and the remaining investors keep the parts they had (viewShares, less the excluded organizations').
      const touched = conn
        .selectFrom("viewShares")
        .where("dealId", "in", conn.selectFrom("viewShares").where("organizationId", "in", excluded).select("dealId"))
        .groupBy("dealId")
        .select((eb) => {
          const isExcluded = eb("organizationId", "in", excluded);
          const remains = eb.and([eb.or([eb("organizationId", "is", null), eb.not(isExcluded)]), eb("share", "is not", null)]);
          const unnamedRest = eb.and([eb("openCount", "=", 0), eb("committedSum", "<", eb.ref("amount"))]);
          return [
            "dealId",
            eb
              .cast<bigint>(
                eb.fn.sum(
                  eb
                    .case()
                    .when(isExcluded)
                    .then(eb.fn.coalesce("share", sql<bigint>`0`))
                    .else(sql<bigint>`0`)
                    .end(),
                ),
                "bigint",
              )
              .as("excludedPart"),
            eb.fn
              .max(
                eb
                  .case()
                  .when(eb.or([remains, unnamedRest]))
                  .then(1)
                  .else(0)
                  .end(),
              )
              .as("kept"),
          ];
        });
      const rest = sql<bigint>`CAST("d"."amountUsdKey" - "x"."excludedPart" AS BIGINT)`;
      await conn
        .insertInto("viewDealsLeft")
        .columns([...DEAL_COLUMNS])
        .expression(
          conn
            .selectFrom("viewDeals as d")
            .leftJoin(touched.as("x"), "x.dealId", "d.id")
            .where((eb) => eb.not(eb("d.recipientId", "in", excluded)))
            .where((eb) => eb.or([eb("x.dealId", "is", null), eb("x.kept", "=", 1)]))
            .select((eb) => [
              "d.id",
              "d.recipientId",
              "d.kind",
              "d.status",
              "d.announcedOn",
              eb
                .case()
                .when(eb.or([eb("x.dealId", "is", null), eb("d.amountUsdLow", "is", null)]))
                .then(eb.ref("d.amountUsdLow"))
                .else(rest)
                .end()
                .as("amountUsdLow"),
              eb
                .case()
                .when("x.dealId", "is", null)
                .then(eb.ref("d.amountUsdHigh"))
                .when("d.amountUsdKey", "is", null)
                .then(sql<bigint | null>`NULL`)
                .else(rest)
                .end()
                .as("amountUsdHigh"),
              eb
                .case()
                .when(eb.or([eb("x.dealId", "is", null), eb("d.amountUsdKey", "is", null)]))
                .then(eb.ref("d.amountUsdKey"))
                .else(rest)
                .end()
                .as("amountUsdKey"),
            ]),
        )
        .execute();
      const leftDeals = conn.selectFrom("viewDealsLeft as d") as unknown as DealStates;
      const leftShares = sharesOf("viewDealsLeft", excluded);
      const deals: ViewDeals = { deals: leftDeals, shares: leftShares, cells: dealCells(connection, leftDeals, leftShares) };
      return await measure({ reads: connection, all, deals });
    } finally {
      await drop();
    }
  });
}
