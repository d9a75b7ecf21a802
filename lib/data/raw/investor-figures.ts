// The investor page's figures summed in the database over the deals' states (lib/data/deal-state.ts), today or as of
// a date alike, instead of loading every deal of the investor into memory: a large investor is in a quarter of the
// deals at scale (24,768 of 100,000 synthetic deals for Microsoft), and loading them and measuring them in memory took
// 5.5 s. Each function returns exactly what its measure in lib/measures returns over loadMeasureDeals(db) (the
// reference loader, tests/support/measure-deals.ts): investorCapital and investorCapitalByPeriod (lib/measures/investor-capital.ts),
// investorShareOfRecipients and, for the company page, investorSharesOfRecipient (funding-shares.ts);
// tests/integration/organization-figures.test.ts
// compares them on the seed, on a synthetic database, today and as of dates (also under `npm run test:pg`).
import "server-only";
import { sql, type Expression, type SqlBool } from "kysely";
import type { PrismaClient } from "../../generated/prisma/client";
import { DEFAULT_RULE, ratio, UNDISCLOSED_KEY, type CapitalSummary, type Grain, type PeriodTotal } from "../../measures/capital";
import { byAmountThenName, type InvestorShare, type RecipientShare } from "../../measures/funding-shares";
import type { InvestorCapital } from "../../measures/investor-capital";
import { dealsAsOf } from "../deal-state";
import { countAll, moneySum, readsOf, toMoney, type Reads } from "../kysely";
import { countedCells, countedDeal, onDeal } from "./overview-figures";
import { ALL_DATES, isWindowed, type DateWindow } from "../../filters/date-window";
import { dealsNaming, investorParts, investorPartsByDate, partsOfDeals, partsWithin } from "../investor-parts";
import { datedDeals, type DatedDeals } from "../deals";
import { viewDeals } from "./view-deals";

export type { DateWindow };

/** The deals' states `d` announced within `window` (every deal when both ends are open). */
export function announcedWithin(window: DateWindow): Expression<SqlBool> {
  const and: Expression<SqlBool>[] = [];
  if (window.from) and.push(onDeal("d.announcedOn", ">=", window.from));
  if (window.to) and.push(onDeal("d.announcedOn", "<=", window.to));
  return and.length === 0 ? onDeal.lit(true) : onDeal.and(and);
}

/**
 * The live deals an organization is named in as an investor (a condition on the deals' states `d`), by its id,
 * announced within `window` when one is given.
 */
export function dealsOfInvestor(investorId: number, window: DateWindow = ALL_DATES): Expression<SqlBool> {
  const own = dealsNaming([investorId]);
  return window.from || window.to ? onDeal.and([own, announcedWithin(window)]) : own;
}

/**
 * The ids and dates of the live deals the investor is named in, of any kind and status, announced within `window`
 * (its portfolio): today its kept parts, one per live deal, by the key's prefix; as of a date its deals' states then
 * (dealsOfInvestor). Through the deals themselves Microsoft's newest ten and their count took 296 ms at a million
 * deals, a lookup of each of its 192,165 deals for its date; its parts hold the date.
 */
export function datedDealsOfInvestor(reads: Reads, asOf: string | null, investorId: number, window: DateWindow): DatedDeals {
  if (asOf !== null) return datedDeals(reads, dealsOfInvestor(investorId, window), asOf);
  return partsWithin(investorPartsByDate(reads, investorId), window).select(["p.dealId as id", "p.announcedOn"]) as unknown as DatedDeals;
}

export type InvestorFigures = {
  capital: InvestorCapital;
  roundsJoined: CapitalSummary;
  periods: PeriodTotal[];
  recipients: RecipientShare[];
};

/**
 * investorCapital, investorCapitalByPeriod and investorShareOfRecipients from the investor's parts
 * (lib/data/investor-parts.ts), with the recipients' names and counted funding from the database.
 */
export async function investorFigures(
  db: PrismaClient,
  asOf: string | null,
  investorId: number,
  grain: Grain,
  window: DateWindow = ALL_DATES,
): Promise<InvestorFigures> {
  const reads = readsOf(db);
  const { capital, roundsJoined, periods, byRecipient } = await investorParts(reads, asOf, investorId, grain, window);
  // The recipients' counted funding over the same dates as the investor's parts, so that a share compares like with
  // like: summed over the market's cells (the recipients' totals the writers keep, today over every date: Microsoft's
  // 17,333 recipients' cells per quarter took 198 ms at a million deals), of its recipients by a subquery (no list of
  // ids: thousands for a large investor) of its parts today, every kind and status, which hold its recipients as of any
  // date too (a deal's recipient and parties are today's at every date).
  const theirs = reads.selectFrom("InvestorPart as q").where("q.organizationId", "=", investorId).select("q.recipientId");
  const funding = viewDeals(reads, {
    asOf,
    condition: isWindowed(window) ? onDeal.and([onDeal("d.deletedAt", "is", null), announcedWithin(window)]) : null,
  }).cells;
  const funded =
    byRecipient.size === 0
      ? []
      : await funding
          .recipientTotals(countedCells(DEFAULT_RULE))
          .where((eb) => eb("c.recipientId", "in", theirs))
          .groupBy("c.recipientId")
          .select((eb) => ["c.recipientId", moneySum(eb.ref("c.amount")).as("total")])
          .execute();
  const fundingOf = new Map(funded.map((f) => [f.recipientId, toMoney(f.total)]));
  const recipients = [...byRecipient]
    .map(([id, { slug, name, countedDeals, investorAmount }]) => {
      const recipientTotal = fundingOf.get(id) ?? 0n;
      return {
        key: slug,
        name,
        countedDeals,
        investorAmount,
        recipientTotal,
        share: recipientTotal === 0n ? null : ratio(investorAmount, recipientTotal),
      };
    })
    .sort(byAmountThenName((r) => r.investorAmount));
  return { capital, roundsJoined, periods, recipients };
}

/**
 * investorSharesOfRecipient in one query: each named investor's attributed part of the recipient's counted deals
 * announced within `window` (its parts as the split gives them, partsOfDeals: today the rows the writers keep), its
 * counted deals and its share of the recipient's counted funding. The unnamed parties of a deal and the deals that name
 * no investor are one entry, UNDISCLOSED_KEY, as the measure keeps them. The split gives a deal's parties together its
 * whole amount, or, where all of them stated commitments short of it, the rest to "undisclosed", which the measure
 * counts only where an unnamed party is listed: so the entry takes, of each deal with an unnamed party or without a
 * named one, its amount less its named investors' parts (each investor's parts in deals with an unnamed party are
 * summed beside its own, and taken off here). Splitting the recipient's deals again in the query took 2.1-2.4 s for
 * OpenAI's 116,665 deals at a million, 210-234 ms at 100,000. At a million deals OpenAI's took 525-570 ms today and
 * 6.3-7.2 s as of 2024-01-01 with each part joined to its deal's row of `received` and its investor's name before
 * grouping, and each deal's parties asked by two EXISTS; in this form, 367-397 ms and 0.76-0.87 s.
 */
export async function investorSharesOfRecipientSql(
  db: PrismaClient,
  recipientId: number,
  asOf: string | null,
  window: DateWindow = ALL_DATES,
): Promise<InvestorShare[]> {
  const reads = readsOf(db);
  const counted = onDeal.and([countedDeal(DEFAULT_RULE), onDeal("d.recipientId", "=", recipientId), announcedWithin(window)]);
  const rows = await reads
    .with(
      (wb) => wb("received").materialized(),
      () =>
        dealsAsOf(reads, asOf)
          .where(counted)
          .select((eb) => ["d.id", eb.fn.coalesce("d.amountUsdKey", sql.lit(0)).as("amount")]),
    )
    // Whether each deal lists an unnamed party, and a named one (a deal's parties are today's at every date), in one
    // pass over the deals' parties: an EXISTS of each per deal took 190 of OpenAI's 470 ms at a million deals.
    .with(
      (wb) => wb("parties").materialized(),
      (db) =>
        db
          .selectFrom("Participation as q")
          .where("q.dealId", "in", db.selectFrom("received").select("received.id"))
          .groupBy("q.dealId")
          .select((eb) => {
            const any = (named: boolean) =>
              eb.fn.max<number>(
                eb
                  .case()
                  .when("q.organizationId", named ? "is not" : "is", null)
                  .then(sql.lit(1))
                  .else(sql.lit(0))
                  .end(),
              );
            return ["q.dealId", any(false).as("unnamed"), any(true).as("named")];
          }),
    )
    .with("named", () => partsOfDeals(reads, asOf, counted).select(["p.dealId", "p.organizationId", "p.share"]))
    // Summed per investor before its name is joined, and not joined to `received`: the parts are already the counted
    // deals' (partsOfDeals), and their share in deals with an unnamed party is taken through `parties`.
    .with("byInvestor", (db) =>
      db
        .selectFrom("named as n")
        .groupBy("n.organizationId")
        .select((eb) => {
          const part = eb.fn.coalesce("n.share", sql.lit(0));
          const inUnnamed = eb("n.dealId", "in", eb.selectFrom("parties as f").where("f.unnamed", "=", 1).select("f.dealId"));
          return [
            "n.organizationId",
            countAll().as("deals"),
            moneySum(part).as("amount"),
            moneySum(eb.case().when(inUnnamed).then(part).else(sql.lit(0)).end()).as("withUnnamed"),
          ];
        }),
    )
    .selectFrom("byInvestor as b")
    .innerJoin("Organization as o", "o.id", "b.organizationId")
    .select((eb) => [
      eb.ref("o.slug").$castTo<string | null>().as("slug"),
      eb.ref("o.name").$castTo<string | null>().as("name"),
      "b.deals",
      "b.amount",
      eb.ref("b.withUnnamed").$castTo<string | null>().as("withUnnamed"),
      eb
        .selectFrom("received as t")
        .select((t) => moneySum(t.ref("t.amount")).as("total"))
        .as("total"),
    ])
    .unionAll((qb) =>
      qb
        .selectFrom("received as r")
        .leftJoin("parties as f", "f.dealId", "r.id")
        .where((eb) => eb.or([eb("f.unnamed", "=", 1), eb(eb.fn.coalesce("f.named", sql.lit(0)), "=", 0)]))
        .select((eb) => [
          sql<string | null>`null`.as("slug"),
          sql<string | null>`null`.as("name"),
          countAll().as("deals"),
          moneySum(eb.ref("r.amount")).as("amount"),
          sql<string | null>`null`.as("withUnnamed"),
          eb
            .selectFrom("received as t")
            .select((t) => moneySum(t.ref("t.amount")).as("total"))
            .as("total"),
        ]),
    )
    .execute();
  const namedInUnnamedDeals = rows.reduce((sum, r) => sum + toMoney(r.withUnnamed), 0n);
  return (
    rows
      // The undisclosed entry's sum is one row even over no deal.
      .filter((r) => Number(r.deals) > 0)
      .map((r) => {
        const amount = toMoney(r.amount) - (r.slug === null ? namedInUnnamedDeals : 0n);
        const total = toMoney(r.total);
        return {
          key: r.slug ?? UNDISCLOSED_KEY,
          name: r.name ?? "Undisclosed",
          countedDeals: r.deals,
          amount,
          share: total === 0n ? null : ratio(amount, total),
        };
      })
      .sort(byAmountThenName((r) => r.amount))
  );
}
