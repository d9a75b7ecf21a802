// The figures over rounds summed in the database over the deals' states (lib/data/deal-state.ts), today or as of a date
// alike: an investor's co-investors (who shares its rounds) and a company's funding rounds. A round is a Round's deals
// together, any other deal a round of its own (lib/measures/funding-rounds.ts groupIntoRounds). Each function returns
// exactly what its measure returns over loadMeasureDeals (the reference loader, tests/support/measure-deals.ts): coInvestorsOf (lib/measures/co-investors.ts)
// and fundingRounds (funding-rounds.ts); tests/integration/organization-figures.test.ts compares them on the seed, on a
// synthetic database, today and as of dates (also under `npm run test:pg`). Loading every deal of a large investor's
// rounds with all their parties to group them in memory took most of an investor page's 8 s at 100,000 deals.
import "server-only";
import { sql, type Expression } from "kysely";
import type { PrismaClient } from "../../generated/prisma/client";
import { DEFAULT_RULE } from "../../measures/capital";
import { byRoundsInCommon, type CoInvestor, type SharedRound } from "../../measures/co-investors";
import { byRoundDate, type FundingRoundPoint } from "../../measures/funding-rounds";
import { dealsAsOf, type DealStates } from "../deal-state";
import { countAll, countWhere, moneySum, moneyText, readsOf, toMoney } from "../kysely";
import { countedDeal, onDeal } from "./overview-figures";
import { announcedWithin } from "./investor-figures";
import { ALL_DATES, type DateWindow } from "../../filters/date-window";

/**
 * The round of each deal of `deals` beside its state: `groupId`, one number per round (a Round's id negated, a lone
 * deal's own id), for joining; `groupKey`, roundGroupKey's text ("round:<id>", "deal:<id>"), which orders rounds of one
 * date as the measures do; `groupOn`, the round's date (the Round's, else the deal's); and the Round's key and name.
 */
export function withRounds(deals: DealStates) {
  return deals.leftJoin("Round as g", "g.id", "d.roundId").select((eb) => {
    const lone = eb("d.roundId", "is", null);
    return [
      eb
        .case()
        .when(lone)
        .then(eb.ref("d.id"))
        .else(eb.neg(eb.ref("d.roundId")))
        .end()
        .as("groupId"),
      eb
        .case()
        .when(lone)
        .then(eb(sql.lit("deal:"), "||", eb.cast<string>("d.id", "text")))
        .else(eb(sql.lit("round:"), "||", eb.cast<string>("d.roundId", "text")))
        .end()
        .$castTo<string>()
        .as("groupKey"),
      eb.fn.coalesce("g.announcedOn", "d.announcedOn").as("groupOn"),
      "g.key as roundKey",
      "g.name as roundName",
    ];
  });
}

/**
 * coInvestorsOf the investor over its rounds' deals, with `roundsShown` of each co-investor's rounds in common (the
 * newest; every one with null) and the count of all. One query: the live deals of the rounds the investor is in (its
 * own, and every deal of a Round one of them is part of), their named parties other than it grouped per co-investor and
 * round, each co-investor's rounds counted and numbered newest first by window functions, and the deals of the rounds
 * kept listed beside them. Two co-investors of one name are ordered by slug (the measure keeps the order it met them in).
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
  const own = onDeal.selectFrom("Participation as p").where("p.organizationId", "=", investorId).select("p.dealId");
  const rows = await reads
    // Materialized: read by the grouping and again for the rounds' deals, and SQLite otherwise re-evaluates it in the
    // final join through every recipient's deals (4.9 s against 2.1 s for Microsoft at 100,000 deals, loaded machine).
    .with(
      (cte) => cte("members").materialized(),
      () =>
        withRounds(
          // The rounds' deals announced within the dates (the investor page's from/to), as its other figures.
          live()
            .where(announcedWithin(window))
            // One list of ids, its own and its rounds' others, read by the deals' key: an OR of the two lists made
            // SQLite scan every deal (235 against 146 ms for Nvidia's at a million deals).
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
        ).select(["d.id", "d.announcedOn", "d.recipientId"]),
    )
    .with("together", (db) =>
      db
        .selectFrom("members as m")
        .innerJoin("Participation as p", "p.dealId", "m.id")
        .where("p.organizationId", "is not", null)
        .where("p.organizationId", "<>", investorId)
        .groupBy(["p.organizationId", "m.groupId", "m.groupKey", "m.groupOn"])
        .select(["p.organizationId", "m.groupId", "m.groupKey", "m.groupOn"]),
    )
    .with("ranked", (db) =>
      db.selectFrom("together as t").select((eb) => [
        "t.organizationId",
        "t.groupId",
        "t.groupKey",
        eb
          .cast<number>(
            eb.fn.countAll().over((w) => w.partitionBy("t.organizationId")),
            "integer",
          )
          .as("roundCount"),
        eb.fn
          .agg<number>("row_number")
          .over((w) => w.partitionBy("t.organizationId").orderBy("t.groupOn", "desc").orderBy("t.groupKey", "desc"))
          .as("newest"),
      ]),
    )
    .selectFrom("ranked as r")
    .innerJoin("members as m", "m.groupId", "r.groupId")
    .innerJoin("Organization as o", "o.id", "r.organizationId")
    .innerJoin("Organization as rc", "rc.id", "m.recipientId")
    .$if(roundsShown !== null, (q) => q.where("r.newest", "<=", roundsShown as number))
    .select([
      "o.slug",
      "o.name",
      "r.roundCount",
      "r.groupKey",
      "m.groupOn",
      "m.roundKey",
      "m.roundName",
      "m.id",
      "m.announcedOn",
      "rc.slug as recipientSlug",
      "rc.name as recipientName",
    ])
    .execute();
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
