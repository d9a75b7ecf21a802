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
import { DEFAULT_RULE, ratio, UNDISCLOSED_KEY, type Grain, type PeriodTotal } from "../../measures/capital";
import { byAmountThenName, type InvestorShare, type RecipientShare } from "../../measures/funding-shares";
import type { InvestorCapital } from "../../measures/investor-capital";
import { dealsAsOf } from "../deal-state";
import { countAll, moneySum, readsOf, toMoney } from "../kysely";
import { countedCells, countedDeal, onDeal, withInvestorShares } from "./overview-figures";
import { ALL_DATES, isWindowed, type DateWindow } from "../../filters/date-window";
import { investorParts } from "../investor-parts";
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
  const own = onDeal("d.id", "in", onDeal.selectFrom("Participation as p").where("p.organizationId", "=", investorId).select("p.dealId"));
  return window.from || window.to ? onDeal.and([own, announcedWithin(window)]) : own;
}

export type InvestorFigures = { capital: InvestorCapital; periods: PeriodTotal[]; recipients: RecipientShare[] };

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
  const { capital, periods, byRecipient } = await investorParts(reads, asOf, investorId, grain, window);
  // The investor's recipients by a subquery (no list of ids: thousands for a large investor): those of its parts today,
  // every kind and status, which hold its recipients as of any date too (a deal's recipient and parties are today's
  // at every date; only its reported fields change).
  const theirs = reads.selectFrom("InvestorPart as q").where("q.organizationId", "=", investorId).select("q.recipientId");
  // The recipients' counted funding over the same dates as the investor's parts, so that a share compares like with
  // like: summed over the market's cells (the cells the writers keep, today over every date).
  const funding = viewDeals(reads, {
    asOf,
    condition: isWindowed(window) ? onDeal.and([onDeal("d.deletedAt", "is", null), announcedWithin(window)]) : null,
  }).cells;
  const [names, funded] =
    byRecipient.size === 0
      ? [[], []]
      : await Promise.all([
          reads
            .selectFrom("Organization as o")
            .where((eb) => eb("o.id", "in", theirs))
            .select(["o.id", "o.slug", "o.name"])
            .execute(),
          funding
            .recipients(countedCells(DEFAULT_RULE))
            .where((eb) => eb("c.recipientId", "in", theirs))
            .groupBy("c.recipientId")
            .select((eb) => ["c.recipientId", moneySum(eb.ref("c.amount")).as("total")])
            .execute(),
        ]);
  const fundingOf = new Map(funded.map((f) => [f.recipientId, toMoney(f.total)]));
  const recipients = names
    .flatMap((o) => {
      const r = byRecipient.get(o.id);
      if (!r) return [];
      const recipientTotal = fundingOf.get(o.id) ?? 0n;
      return [
        { key: o.slug, name: o.name, ...r, recipientTotal, share: recipientTotal === 0n ? null : ratio(r.investorAmount, recipientTotal) },
      ];
    })
    .sort(byAmountThenName((r) => r.investorAmount));
  return { capital, periods, recipients };
}

/**
 * investorSharesOfRecipient in one query: each investor's attributed part of the recipient's counted deals announced
 * within `window` (withInvestorShares, the one split), its counted deals and its share of the recipient's counted
 * funding. The unnamed parties of a deal and the deals that name no investor are one entry, UNDISCLOSED_KEY, as the
 * measure keeps them; in a deal whose parties all stated commitments short of its amount, that entry also takes the
 * rest where unnamed parties are among them (attributeToInvestors gives the rest to "undisclosed", and the measure
 * counts it only where such a party is listed).
 */
export async function investorSharesOfRecipientSql(
  db: PrismaClient,
  recipientId: number,
  asOf: string | null,
  window: DateWindow = ALL_DATES,
): Promise<InvestorShare[]> {
  const reads = readsOf(db);
  const counted = onDeal.and([countedDeal(DEFAULT_RULE), onDeal("d.recipientId", "=", recipientId), announcedWithin(window)]);
  const rows = await withInvestorShares(reads, counted, dealsAsOf(reads, asOf))
    .with("received", () =>
      dealsAsOf(reads, asOf)
        .where(counted)
        .select((eb) => ["d.id", eb.fn.coalesce("d.amountUsdKey", sql.lit(0)).as("amount")]),
    )
    // One row per deal and named investor, and one per deal for its unnamed parties together (GROUP BY keeps the
    // nulls as one group).
    .with("byParty", (qb) =>
      qb
        .selectFrom("partShares")
        .groupBy(["dealId", "organizationId"])
        .select((eb) => {
          const amount = eb.fn.max("amount");
          const committed = eb.fn.max("committedSum");
          const remainder = eb
            .case()
            .when(eb.and([eb("organizationId", "is", null), eb(eb.fn.max("openCount"), "=", sql<bigint>`0`), eb(committed, "<", amount)]))
            .then(eb.parens(amount, "-", committed))
            .else(sql<bigint>`0`)
            .end();
          return ["dealId", "organizationId", eb(eb.fn.coalesce(eb.fn.sum<bigint | null>("share"), sql.lit(0)), "+", remainder).as("part")];
        }),
    )
    .selectFrom("received as r")
    .leftJoin("byParty as b", "b.dealId", "r.id")
    .leftJoin("Organization as o", "o.id", "b.organizationId")
    .groupBy(["o.id", "o.slug", "o.name"])
    .select((eb) => [
      "o.slug",
      "o.name",
      countAll().as("deals"),
      // A deal that names no investor is all "undisclosed".
      moneySum(eb.case().when("b.dealId", "is", null).then(eb.ref("r.amount")).else(eb.ref("b.part")).end()).as("amount"),
      eb
        .selectFrom("received as t")
        .select((t) => moneySum(t.ref("t.amount")).as("total"))
        .as("total"),
    ])
    .execute();
  return rows
    .map((r) => {
      const amount = toMoney(r.amount);
      const total = toMoney(r.total);
      return {
        key: r.slug ?? UNDISCLOSED_KEY,
        name: r.name ?? "Undisclosed",
        countedDeals: r.deals,
        amount,
        share: total === 0n ? null : ratio(amount, total),
      };
    })
    .sort(byAmountThenName((r) => r.amount));
}
