// Circular flows' pairs kept by the writers (LoopCell): per investing company and company, each at the top of its
// parent chain, the legs of each side summed (lib/measures/circular-flows.ts: capital from the investor's family to
// the company's, spending back from the company's family to the investor's), the counted statuses apart from the
// pipeline's, and whether they close a loop. The legs are the named investors' parts the writers keep (InvestorPart),
// so a pair's row is the sum of its legs' and a delta of some deals is their parts' legs, as for the market's cells
// (market-cells.ts): the same statement adds, subtracts and fills. The whole market's loops today read the rows that
// close a loop (2,881 of 888,064 pairs at a million deals) and then the legs of the loops shown.
//
// No "server-only" here: the writers that use it run in the operator commands (import, seed, db:synth) too.
import { sql, type Expression, type QueryCreator, type RawBuilder, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { DB, InvestorPart } from "../../generated/kysely/types";
import { CAPITAL_KINDS, COUNTED_STATUSES, PIPELINE_STATUSES } from "../../measures/capital";
import { SPEND_BACK_KINDS } from "../../measures/circular-flows";
import type { Reads } from "../kysely";

/**
 * Each division with the top of its parent chain (rootOf); an organization not listed is its own top. Walked up from
 * the divisions, which are few (24 of 30,314 organizations at a million deals); UNION, not UNION ALL, so that a cycle
 * in the parents (which the organization form refuses) ends the walk instead of looping.
 */
export function divisionRoots(reads: Reads) {
  return reads
    .withRecursive("up(id, rootId)", (db) =>
      db
        .selectFrom("Organization")
        .where("parentId", "is not", null)
        .select(["id", "parentId as rootId"])
        .union(
          db
            .selectFrom("Organization as o")
            .innerJoin("up", "up.rootId", "o.id")
            .where("o.parentId", "is not", null)
            .select(["up.id", "o.parentId as rootId"]),
        ),
    )
    .selectFrom("up")
    .innerJoin("Organization as top", "top.id", "up.rootId")
    .where("top.parentId", "is", null)
    .select(["up.id", sql<number>`${sql.ref("up.rootId")}`.as("rootId")]);
}

/** A statement compiled for the writer's transaction (lib/deals/market-cells.ts runs it on its connection). */
type Compiled = { sql: string; parameters: readonly unknown[] };

/** Parts (InvestorPart aliased `p`) selected by a writer: those of the deals it wrote, or all of them. */
type PartSource = SelectQueryBuilder<DB & { p: InvestorPart }, "p", object>;

const LEG_COLUMNS = [
  "inLegs",
  "inAmount",
  "backLegs",
  "backAmount",
  "pipelineInLegs",
  "pipelineInAmount",
  "pipelineBackLegs",
  "pipelineBackAmount",
] as const;
type LegColumn = (typeof LEG_COLUMNS)[number];

/**
 * `loop` of a row whose leg counts are `legs`: 2 when the counted legs are on both sides, 1 when they are only with
 * the pipeline's, 0 otherwise.
 */
function loopLevel(
  legs: (column: "inLegs" | "backLegs" | "pipelineInLegs" | "pipelineBackLegs") => Expression<unknown>,
): RawBuilder<number> {
  const [inLegs, backLegs, pipelineIn, pipelineBack] = (["inLegs", "backLegs", "pipelineInLegs", "pipelineBackLegs"] as const).map(legs);
  return sql<number>`CASE WHEN ${inLegs} > 0 AND ${backLegs} > 0 THEN 2 WHEN ${inLegs} + ${pipelineIn} > 0 AND ${backLegs} + ${pipelineBack} > 0 THEN 1 ELSE 0 END`;
}

/**
 * The statement that adds `sign` times the legs among the parts `source` to LoopCell: each part of a leg kind in a
 * counted or pipeline status (share not null, its payer and recipient in different families) is a leg of the pair
 * (payer's top, recipient's top) for capital and (recipient's top, payer's top) for spending back; the legs summed per
 * pair are added to its row, or make a new one (INSERT ... SELECT ... ON CONFLICT DO UPDATE SET x = x + excluded.x),
 * and `loop` is set from the sums after the change. With `tops`, only the legs paid or received by their families.
 * A write's delta (`written`: the parts of the deals it wrote) returns each row's investing company and its legs after
 * the change, for the writer to delete the pairs a subtraction left without a leg, and reads those parts first, as
 * the source gives them (a materialized CTE): inside a write's transaction PostgreSQL's statistics do not know the
 * parts just written, and with the legs' conditions beside the deals' it read every kept part, each deal looked up
 * through an index that did not lead with its id (an import of 10,000 rows 4.5 → 10.5 s, each batch slower).
 */
export function loopCellDelta(
  builder: Reads,
  source: PartSource,
  options: { sign: 1 | -1; written: boolean; tops?: readonly number[] },
): Compiled {
  const { sign, written, tops } = options;
  const spend = [...SPEND_BACK_KINDS];
  const payerRoot = sql<number>`COALESCE(${sql.ref("payer.rootId")}, ${sql.ref("p.organizationId")})`;
  const receiverRoot = sql<number>`COALESCE(${sql.ref("receiver.rootId")}, ${sql.ref("p.recipientId")})`;
  const back = sql<SqlBool>`${sql.ref("p.kind")} IN (${sql.join(spend)})`;
  const counted = sql<SqlBool>`${sql.ref("p.status")} IN (${sql.join([...COUNTED_STATUSES])})`;
  const flag = (condition: Expression<SqlBool>) => sql<number>`CASE WHEN ${condition} THEN 1 ELSE 0 END`;
  const partsFirst = builder.with(
    (cte) => cte("writtenParts").materialized(),
    () => source.selectAll("p"),
  );
  // Each leg with its pair, its side and whether its status is counted: grouped by these columns outside, since
  // PostgreSQL does not match a GROUP BY expression holding parameters with the same expression selected.
  let legs = (written ? (builder as unknown as QueryCreator<DB & { writtenParts: InvestorPart }>).selectFrom("writtenParts as p") : source)
    .leftJoin(divisionRoots(builder).as("payer"), "payer.id", "p.organizationId")
    .leftJoin(divisionRoots(builder).as("receiver"), "receiver.id", "p.recipientId")
    .where("p.share", "is not", null)
    .where("p.kind", "in", [...CAPITAL_KINDS, ...spend])
    .where("p.status", "in", [...COUNTED_STATUSES, ...PIPELINE_STATUSES])
    .where(payerRoot, "<>", receiverRoot);
  if (tops) legs = legs.where((eb) => eb.or([eb(payerRoot, "in", [...tops]), eb(receiverRoot, "in", [...tops])]));
  const legRows = legs
    .select([
      sql<number>`CASE WHEN ${back} THEN ${receiverRoot} ELSE ${payerRoot} END`.as("investorRoot"),
      sql<number>`CASE WHEN ${back} THEN ${payerRoot} ELSE ${receiverRoot} END`.as("companyRoot"),
      flag(back).as("back"),
      flag(counted).as("counted"),
      "p.share",
    ])
    .as("l");
  // One side's legs (count) or amount (sum of the parts) in the counted statuses or the pipeline's, times the sign.
  const side = (backSide: boolean, countedSide: boolean, what: "legs" | "amount") => {
    const value = what === "amount" ? sql.ref("l.share") : sql.lit(1);
    const when = sql`${sql.ref("l.back")} = ${sql.lit(backSide ? 1 : 0)} AND ${sql.ref("l.counted")} = ${sql.lit(countedSide ? 1 : 0)}`;
    const sum = sql`SUM(CASE WHEN ${when} THEN ${value} ELSE 0 END) * ${sql.lit(sign)}`;
    return what === "amount" ? sql<bigint>`CAST(${sum} AS BIGINT)` : sql<number>`CAST(${sum} AS INTEGER)`;
  };
  const sums: Record<LegColumn, RawBuilder<unknown>> = {
    inLegs: side(false, true, "legs"),
    inAmount: side(false, true, "amount"),
    backLegs: side(true, true, "legs"),
    backAmount: side(true, true, "amount"),
    pipelineInLegs: side(false, false, "legs"),
    pipelineInAmount: side(false, false, "amount"),
    pipelineBackLegs: side(true, false, "legs"),
    pipelineBackAmount: side(true, false, "amount"),
  };
  const pairs = builder
    .selectFrom(legRows)
    .groupBy(["l.investorRoot", "l.companyRoot"])
    .select(["l.investorRoot", "l.companyRoot", ...LEG_COLUMNS.map((c) => sums[c].as(c))])
    .as("g");
  const rows = builder
    .selectFrom(pairs)
    // SQLite reads an ON right after the FROM of an INSERT's SELECT as a join's: a WHERE keeps the upsert's apart.
    .where(sql<SqlBool>`true`)
    .select((eb) => [
      "g.investorRoot",
      "g.companyRoot",
      ...LEG_COLUMNS.map((c) => eb.ref(`g.${c}`).as(c)),
      loopLevel((c) => eb.ref(`g.${c}`)).as("loop"),
    ]);
  const upsert = (written ? (partsFirst as unknown as Reads) : builder)
    .insertInto("LoopCell")
    .columns(["investorRoot", "companyRoot", ...LEG_COLUMNS, "loop"])
    .expression(rows)
    .onConflict((oc) =>
      oc.columns(["investorRoot", "companyRoot"]).doUpdateSet((eb) => {
        const after = (c: LegColumn) => eb(eb.ref(`LoopCell.${c}`), "+", eb.ref(`excluded.${c}`));
        return { ...Object.fromEntries(LEG_COLUMNS.map((c) => [c, after(c)])), loop: loopLevel(after) };
      }),
    );
  if (!written) return upsert.compile();
  return upsert
    .returning((eb) => [
      "investorRoot as organizationId",
      eb(eb(eb("inLegs", "+", eb.ref("backLegs")), "+", eb.ref("pipelineInLegs")), "+", eb.ref("pipelineBackLegs")).as("count"),
    ])
    .compile();
}

/** The statement that deletes the pairs of these investing companies left without a leg. */
export function emptyLoopCellDeletion(builder: Reads, investorRoots: readonly number[]): Compiled {
  return builder
    .deleteFrom("LoopCell")
    .where("investorRoot", "in", [...investorRoots])
    .where("inLegs", "=", 0)
    .where("backLegs", "=", 0)
    .where("pipelineInLegs", "=", 0)
    .where("pipelineBackLegs", "=", 0)
    .compile();
}

/**
 * The statements that set the pairs of the companies `roots` (tops of parent chains) again from every kept part: their
 * rows deleted, then the legs of every part paid or received by a member of their families added. A writer that moves
 * an organization to another parent runs them for the tops before and after, since its legs now belong to other
 * pairs. Every part is read (at a million deals Microsoft's family's rows 1.0-1.1 s, 3.8 s with the page cache cold;
 * Amazon's 0.9 s): organizations' parents change rarely.
 */
export function loopCellsOfFamilies(builder: Reads, roots: readonly number[]): Compiled[] {
  const tops = [...new Set(roots)];
  if (tops.length === 0) return [];
  return [
    builder
      .deleteFrom("LoopCell")
      .where((eb) => eb.or([eb("investorRoot", "in", tops), eb("companyRoot", "in", tops)]))
      .compile(),
    loopCellDelta(builder, builder.selectFrom("InvestorPart as p") as unknown as PartSource, { sign: 1, written: false, tops }),
  ];
}

/** The rows a view's loops are among: those the counted legs close, and with the pipeline those its legs close too. */
const loopLevels = (includePipeline: boolean) => (includePipeline ? [1, 2] : [2]);

/** Pairs of companies (the tops of their parent chains) by id. */
export type LoopPairIds = { investorRoot: number; companyRoot: number };

/**
 * The kept pairs a view's loops are among (with or without the pipeline): only the `only` of them, or only those whose
 * investing company or company is the top `involving` (an organization's loops).
 */
export type KeptLoopPairs = { includePipeline: boolean; only?: readonly LoopPairIds[]; involving?: number };

/** The ids of the kept pairs `kept` names. */
export function keptLoopPairs(reads: Reads, kept: KeptLoopPairs) {
  let pairs = reads.selectFrom("LoopCell as c").where("c.loop", "in", loopLevels(kept.includePipeline));
  const { only, involving } = kept;
  if (involving !== undefined)
    pairs = pairs.where((eb) => eb.or([eb("c.investorRoot", "=", involving), eb("c.companyRoot", "=", involving)]));
  if (only)
    pairs = pairs.where((eb) =>
      eb(
        eb.refTuple("c.investorRoot", "c.companyRoot"),
        "in",
        only.map((pair) => eb.tuple(pair.investorRoot, pair.companyRoot)),
      ),
    );
  return pairs.select(["c.investorRoot", "c.companyRoot"]);
}

/** A side's column of the pipeline's statuses beside the counted statuses' one. */
const PIPELINE_COLUMN = {
  inAmount: "pipelineInAmount",
  backAmount: "pipelineBackAmount",
} as const satisfies Partial<Record<LegColumn, LegColumn>>;

/**
 * The whole market's loops today: the pairs whose legs close one (`loop` 2; 1 or 2 with the pipeline), with their
 * organizations and their totals (the pipeline's legs added under it), which order them (byMoneyBack).
 */
export function loopTotals(reads: Reads, includePipeline: boolean) {
  const total = (column: keyof typeof PIPELINE_COLUMN) =>
    includePipeline ? sql`${sql.ref(`c.${column}`)} + ${sql.ref(`c.${PIPELINE_COLUMN[column]}`)}` : sql`${sql.ref(`c.${column}`)}`;
  return reads
    .selectFrom("LoopCell as c")
    .innerJoin("Organization as i", "i.id", "c.investorRoot")
    .innerJoin("Organization as o", "o.id", "c.companyRoot")
    .where("c.loop", "in", loopLevels(includePipeline))
    .select([
      "c.investorRoot",
      "c.companyRoot",
      "i.slug as investorSlug",
      "i.name as investorName",
      "o.slug as companySlug",
      "o.name as companyName",
      sql<string>`CAST(${total("inAmount")} AS TEXT)`.as("inTotal"),
      sql<string>`CAST(${total("backAmount")} AS TEXT)`.as("backTotal"),
    ])
    .execute();
}
