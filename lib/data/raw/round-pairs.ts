// Rounds in the database, and the pairs of named investors in each (RoundPair). A round is a Round's deals together,
// any other deal a round of its own (lib/measures/funding-rounds.ts groupIntoRounds); two investors co-invest when
// they are in the same round (lib/measures/co-investors.ts). The pairs' rows are one query, `roundPairRows` over a
// set of rounds' deals: the deal writers keep RoundPair with it for the rounds they write (lib/deals/market-cells.ts),
// the fill of an existing database and db:synth run it over every live deal, and an investor's co-investors as of a
// date or within dates run it over that investor's rounds' deals (round-figures.ts coInvestorsSql), so the kept rows
// and the computed ones are the same relation.
//
// No "server-only" here: the writers that use it run in the operator commands (import, seed, db:synth) too.
import { sql, type Expression, type SelectQueryBuilder } from "kysely";
import type { DB } from "../../generated/kysely/types";
import type { DealStates } from "../deal-state";
import type { Reads } from "../kysely";

/**
 * The round of each deal of `deals` beside its state: `groupId`, one number per round (a Round's id negated, a lone
 * deal's own id), for joining; `groupKey`, roundGroupKey's text ("round:<id>", "deal:<id>"), which orders rounds of one
 * date as the measures do; `groupOn`, the round's date (the Round's, else the deal's); and the Round's key and name.
 */
export function withRounds(deals: DealStates) {
  return deals.leftJoin("Round as g", "g.id", "d.roundId").select((eb) => {
    const groupId = eb
      .case()
      .when("d.roundId", "is", null)
      .then(eb.ref("d.id"))
      .else(eb.neg(eb.ref("d.roundId")))
      .end();
    return [
      groupId.as("groupId"),
      groupKeyOf(groupId).as("groupKey"),
      eb.fn.coalesce("g.announcedOn", "d.announcedOn").as("groupOn"),
      "g.key as roundKey",
      "g.name as roundName",
    ];
  });
}

/** roundGroupKey's text of a round's number (withRounds' groupId): "deal:<id>" for a lone deal, "round:<id>" for a Round. */
export function groupKeyOf(groupId: Expression<number | null>) {
  return sql<string>`CASE WHEN ${groupId} > 0 THEN 'deal:' || CAST(${groupId} AS TEXT) ELSE 'round:' || CAST(-${groupId} AS TEXT) END`;
}

/** Deals with their round's number and date, as withRounds gives them. */
export type RoundMembers = SelectQueryBuilder<DB, "Deal", { id: number; groupId: number; groupOn: string }>;

/**
 * RoundPair's rows of the rounds of `members`: each ordered pair of distinct named investors of a round, once; with
 * `investorId`, only the pairs whose first investor it is. Those are read by a list of the investor's rounds, not by
 * joining the parties to themselves: SQLite takes a list of deals read by key for a few rows and joined the two sides
 * row by row (Microsoft's page as of a date at 100,000 deals 23.7 s, against 1.1 s this way).
 */
export function roundPairRows(builder: Reads, members: RoundMembers, investorId: number | null = null) {
  // Materialized: read twice, by the pairing join or by the list of the investor's rounds.
  const withParties = builder.with(
    (cte) => cte("parties").materialized(),
    (db) =>
      db
        .selectFrom(members.as("m"))
        .innerJoin("Participation as p", "p.dealId", "m.id")
        .where("p.organizationId", "is not", null)
        .select(["m.groupId", "m.groupOn", "p.organizationId"])
        .distinct(),
  );
  if (investorId !== null)
    return withParties
      .selectFrom("parties as b")
      .where("b.groupId", "in", (eb) => eb.selectFrom("parties as a").where("a.organizationId", "=", investorId).select("a.groupId"))
      .where("b.organizationId", "<>", investorId)
      .select((eb) => [
        eb.cast<number>(eb.val(investorId), "integer").as("organizationId"),
        eb.cast<number>("b.organizationId", "integer").as("coInvestorId"),
        "b.groupOn",
        "b.groupId",
      ]);
  return withParties
    .selectFrom("parties as a")
    .innerJoin("parties as b", (join) => join.onRef("b.groupId", "=", "a.groupId").onRef("b.organizationId", "<>", "a.organizationId"))
    .select((eb) => [
      eb.cast<number>("a.organizationId", "integer").as("organizationId"),
      eb.cast<number>("b.organizationId", "integer").as("coInvestorId"),
      "a.groupOn",
      "a.groupId",
    ]);
}

/** The live deals of the rounds numbered `groupIds` (withRounds' groupId), with their round. */
function membersOf(builder: Reads, groupIds: readonly number[] | null): RoundMembers {
  const lone = groupIds?.filter((id) => id > 0) ?? [];
  const rounds = groupIds?.filter((id) => id < 0).map((id) => -id) ?? [];
  // One list of ids read by the deals' key: an OR of the lone deals' ids and the Rounds' made SQLite scan every deal
  // (the select 34 against 7 ms for 500 deals at 100,000), and so does a Round's part with no Round in it where the
  // statistics say most deals have none. Without a Round, the lone deals' ids alone: a subquery of them made
  // PostgreSQL's planner, without statistics of the rows just written, join each deal to every id (8 against 2 ms for
  // the seed's 208 lone deals). 0 is no deal's id: an empty list stays valid SQL.
  return withRounds(builder.selectFrom("Deal as d"))
    .where("d.deletedAt", "is", null)
    .$if(groupIds !== null, (q) =>
      q.where((eb) => {
        if (rounds.length === 0) return eb.and([eb("d.id", "in", [0, ...lone]), eb("d.roundId", "is", null)]);
        const ofLone = eb
          .selectFrom("Deal as x")
          .where("x.id", "in", [0, ...lone])
          .where("x.roundId", "is", null)
          .select("x.id");
        return eb("d.id", "in", ofLone.union(eb.selectFrom("Deal as y").where("y.roundId", "in", rounds).select("y.id")));
      }),
    )
    .select(["d.id"]) as unknown as RoundMembers;
}

/**
 * The statements that set RoundPair's rows of the rounds numbered `groupIds` to what their live deals give now (every
 * round with null): the rows deleted, then inserted again.
 */
export function roundPairStatements(builder: Reads, groupIds: readonly number[] | null) {
  const deletion = builder.deleteFrom("RoundPair");
  return {
    deletion: (groupIds === null ? deletion : deletion.where("groupId", "in", [0, ...groupIds])).compile(),
    insertion: builder
      .insertInto("RoundPair")
      .columns(["organizationId", "coInvestorId", "groupOn", "groupId"])
      .expression(roundPairRows(builder, membersOf(builder, groupIds)))
      .compile(),
  };
}

/** The rounds' numbers (withRounds' groupId) of the deals `dealIds`, as they are now. */
export function roundNumbersOf(builder: Reads, dealIds: readonly number[]) {
  return withRounds(builder.selectFrom("Deal as d").where("d.id", "in", [0, ...dealIds])).compile();
}

/** The statement that moves a Round's rows to its date (its writer changed it). */
export function roundDateStatement(builder: Reads, roundId: number, announcedOn: string) {
  return builder.updateTable("RoundPair").set({ groupOn: announcedOn }).where("groupId", "=", -roundId).compile();
}
