// The figures over rounds summed in the database over the deals' states (lib/data/deal-state.ts), today or as of a date
// alike: an investor's co-investors (who shares its rounds) and a company's funding rounds. A round is a Round's deals
// together, any other deal a round of its own (lib/measures/funding-rounds.ts groupIntoRounds). Each function returns
// exactly what its measure returns over loadMeasureDeals (the reference loader, tests/support/measure-deals.ts): coInvestorsOf (lib/measures/co-investors.ts)
// and fundingRounds (funding-rounds.ts); tests/integration/organization-figures.test.ts compares them on the seed, on a
// synthetic database, today and as of dates (also under `npm run test:pg`). Loading every deal of a large investor's
// rounds with all their parties to group them in memory took most of an investor page's 8 s at 100,000 deals.
import "server-only";
import { sql, type Expression, type ExpressionBuilder } from "kysely";
import type { DB } from "../../generated/kysely/types";
import type { PrismaClient } from "../../generated/prisma/client";
import { DEFAULT_RULE } from "../../measures/capital";
import { byRoundsInCommon, type CoInvestor, type SharedRound } from "../../measures/co-investors";
import { byRoundDate, type FundingRoundPoint } from "../../measures/funding-rounds";
import { dealsAsOf, type DealStates } from "../deal-state";
import { countAll, countWhere, moneySum, moneyText, readsOf, toMoney } from "../kysely";
import { countedDeal, onDeal } from "./overview-figures";
import { announcedWithin } from "./investor-figures";
import { groupKeyOf, roundPairRows, withRounds, type RoundMembers } from "./round-pairs";
import { ALL_DATES, isWindowed, type DateWindow } from "../../filters/date-window";

/**
 * coInvestorsOf the investor over its rounds' deals, with `roundsShown` of each co-investor's rounds in common (the
 * newest; every one with null) and the count of all. One query over the pairs of the investor's rounds (round-pairs.ts):
 * today over every date the rows the writers keep (RoundPair, by the key's prefix), as of a date or within dates the
 * same rows computed over the live deals of the rounds the investor is in then; each co-investor's rounds counted and
 * numbered newest first by window functions, and the deals of the rounds kept listed beside them. Two co-investors
 * of one name are ordered by slug (the measure keeps the order it met them in).
 */
export async function coInvestorsSql(
  db: PrismaClient,
  investorId: number,
  asOf: string | null,
  roundsShown: number | null,
  window: DateWindow = ALL_DATES,
): Promise<CoInvestor[]> {
  const reads = readsOf(db);
  const live = () => dealsAsOf(reads, asOf).where("d.deletedAt", "is", null);
  const kept = asOf === null && !isWindowed(window);
  const shown = (eb: ExpressionBuilder<DB & { ranked: { groupId: number; newest: number } }, "ranked">) =>
    roundsShown === null ? eb.lit(true) : eb("ranked.newest", "<=", roundsShown);
  // Kept: the kept rows and the live deals are read where they are asked, by their keys (materialized, they would be
  // copied first). Computed: the deals of the investor's rounds are read once, for the pairs and the rounds listed.
  const query = reads
    .with(
      (cte) => (kept ? cte("roundDeals").notMaterialized() : cte("roundDeals").materialized()),
      () => (kept ? withRounds(live()) : ofInvestorRounds(live, investorId, window)).select(["d.id", "d.announcedOn", "d.recipientId"]),
    )
    .with(
      (cte) => (kept ? cte("together").notMaterialized() : cte("together").materialized()),
      (db) =>
        kept
          ? db.selectFrom("RoundPair as a").where("a.organizationId", "=", investorId).select(["a.coInvestorId", "a.groupId", "a.groupOn"])
          : roundPairRows(
              reads,
              db.selectFrom("roundDeals as m").select(["m.id", "m.groupId", "m.groupOn"]) as unknown as RoundMembers,
              investorId,
            ),
    )
    .with("counts", (db) =>
      db
        .selectFrom("together as t")
        .groupBy("t.coInvestorId")
        .select((eb) => [
          "t.coInvestorId",
          countAll().as("roundCount"),
          // Of the kept rows, the date of each co-investor's newest rounds shown, read from the key's end: numbering
          // all 54,188 of Microsoft's pairs at 100,000 deals took 85-140 ms, grouping and reading these 10.
          (kept && roundsShown !== null
            ? eb
                .selectFrom("RoundPair as y")
                .where("y.organizationId", "=", investorId)
                .whereRef("y.coInvestorId", "=", "t.coInvestorId")
                .orderBy("y.groupOn", "desc")
                .limit(1)
                .offset(roundsShown - 1)
                .select("y.groupOn")
            : sql<string | null>`NULL`
          ).as("since"),
        ]),
    )
    // Each co-investor's rounds from the newest shown on (every one where none is kept or fewer are in common),
    // numbered newest first as the measures order rounds.
    .with("ranked", (db) =>
      db
        .selectFrom("together as t")
        .innerJoin("counts as c", "c.coInvestorId", "t.coInvestorId")
        // From the newest shown's date on, a range of the kept key (the date is null where every round is numbered).
        .where((eb) => eb("t.groupOn", ">=", eb.fn.coalesce("c.since", sql.lit(""))))
        .select((eb) => [
          "t.coInvestorId",
          "t.groupId",
          "t.groupOn",
          "c.roundCount",
          eb.fn
            .agg<number>("row_number")
            .over((w) =>
              w
                .partitionBy("t.coInvestorId")
                .orderBy("t.groupOn", "desc")
                .orderBy(groupKeyOf(eb.ref("t.groupId")), "desc"),
            )
            .as("newest"),
        ]),
    )
    // The deals of the rounds listed: a lone deal by its id, a Round's by theirs (one list: an OR of the two lists
    // makes SQLite scan every deal; a Round's deals by a join, not IN, which scanned every deal's round).
    .with("listed", (db) =>
      db
        .selectFrom("ranked")
        .where(shown)
        .where("ranked.groupId", ">", 0)
        .select("ranked.groupId as id")
        .union(
          db
            .selectFrom("ranked")
            .innerJoin("Deal as x", (join) => join.on("x.roundId", "=", sql<number>`-${sql.ref("ranked.groupId")}`))
            .where(shown)
            .where("ranked.groupId", "<", 0)
            .select("x.id"),
        ),
    )
    .with("members", (db) => db.selectFrom("roundDeals as m").where("m.id", "in", db.selectFrom("listed").select("listed.id")).selectAll())
    .selectFrom("ranked as r")
    .innerJoin("members as m", "m.groupId", "r.groupId")
    .innerJoin("Organization as o", "o.id", "r.coInvestorId")
    .innerJoin("Organization as rc", "rc.id", "m.recipientId")
    .$if(roundsShown !== null, (q) => q.where("r.newest", "<=", roundsShown as number))
    .select([
      "o.slug",
      "o.name",
      "r.roundCount",
      "m.groupKey",
      "m.groupOn",
      "m.roundKey",
      "m.roundName",
      "m.id",
      "m.announcedOn",
      "rc.slug as recipientSlug",
      "rc.name as recipientName",
    ]);
  const rows = await query.execute();
  // The query's rows are one per co-investor, round shown and deal of that round: gathered here, deals in date order.
  rows.sort((a, b) => (a.announcedOn === b.announcedOn ? a.id - b.id : a.announcedOn < b.announcedOn ? -1 : 1));
  const rounds = new Map<string, SharedRound & { groupKey: string; listed: Set<number> }>();
  const coInvestors = new Map<string, CoInvestor & { shared: Set<string> }>();
  for (const row of rows) {
    let round = rounds.get(row.groupKey);
    if (!round) {
      round = {
        groupKey: row.groupKey,
        key: row.roundKey,
        name: row.roundName,
        date: row.groupOn,
        recipient: { key: row.recipientSlug, name: row.recipientName },
        dealIds: [],
        listed: new Set(),
      };
      rounds.set(row.groupKey, round);
    }
    if (!round.listed.has(row.id)) round.dealIds.push(row.id);
    round.listed.add(row.id);
    const co = coInvestors.get(row.slug) ?? { key: row.slug, name: row.name, roundCount: row.roundCount, rounds: [], shared: new Set() };
    coInvestors.set(row.slug, co);
    co.shared.add(row.groupKey);
  }
  return [...coInvestors.values()]
    .map(({ shared, ...co }) => ({
      ...co,
      rounds: [...shared]
        .map((groupKey) => rounds.get(groupKey) as SharedRound & { groupKey: string })
        .sort((a, b) => byRoundDate({ date: a.date, key: a.groupKey }, { date: b.date, key: b.groupKey }))
        .map(({ key, name, date, recipient, dealIds }) => ({ key, name, date, recipient, dealIds })),
    }))
    .sort((a, b) => byRoundsInCommon(a, b) || a.key.localeCompare(b.key));
}

/**
 * The live deals (as `live` gives them) of the rounds the investor is in, announced within the dates (the investor
 * page's from/to, as its other figures), with their round: its own and every deal of a Round one of them is part of.
 */
function ofInvestorRounds(live: () => DealStates, investorId: number, window: DateWindow) {
  const own = onDeal.selectFrom("Participation as p").where("p.organizationId", "=", investorId).select("p.dealId");
  return withRounds(
    live()
      .where(announcedWithin(window))
      // One list of ids, its own and its rounds' others, read by the deals' key: an OR of the two lists made SQLite
      // scan every deal (235 against 146 ms for Nvidia's at a million deals).
      .where((eb) =>
        eb(
          "d.id",
          "in",
          own.union(
            eb
              .selectFrom("Deal as r")
              .where("r.roundId", "in", live().where("d.id", "in", own).where("d.roundId", "is not", null).select("d.roundId"))
              .select("r.id as dealId"),
          ),
        ),
      ),
  );
}

/**
 * fundingRounds of the company's counted deals: one point per round, grouped and summed in the database (the counted
 * amount, the deals, the undisclosed ones, the highest post-money valuation), oldest first.
 */
export async function fundingRoundsSql(
  db: PrismaClient,
  recipientId: number,
  asOf: string | null,
  window: DateWindow = ALL_DATES,
): Promise<FundingRoundPoint[]> {
  const reads = readsOf(db);
  const counted = withRounds(
    // The counting rule's kinds are the capital kinds: its deals are the company's equity and convertible ones counted.
    dealsAsOf(reads, asOf).where(countedDeal(DEFAULT_RULE)).where("d.recipientId", "=", recipientId).where(announcedWithin(window)),
  ).select(["d.amountUsdKey", "d.postMoneyValuationUsd"]);
  const rows = await reads
    .selectFrom(counted.as("c"))
    .groupBy(["c.groupId", "c.groupKey", "c.groupOn", "c.roundName"])
    .select((eb) => [
      "c.groupKey",
      "c.groupOn",
      "c.roundName",
      moneySum(eb.fn.coalesce("c.amountUsdKey", sql.lit(0))).as("amount"),
      countAll().as("deals"),
      countWhere(eb("c.amountUsdKey", "is", null)).as("undisclosed"),
      moneyText(eb.fn.max("c.postMoneyValuationUsd") as Expression<unknown>).as("valuation"),
    ])
    .execute();
  return rows
    .sort((a, b) => byRoundDate({ date: a.groupOn, key: a.groupKey }, { date: b.groupOn, key: b.groupKey }))
    .map((r) => ({
      date: r.groupOn,
      name: r.roundName,
      amount: toMoney(r.amount),
      deals: r.deals,
      undisclosedDeals: r.undisclosed,
      postMoneyValuation: r.valuation === null ? null : toMoney(r.valuation),
    }));
}
