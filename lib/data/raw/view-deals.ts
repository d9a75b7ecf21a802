// One view's deals as one relation, which every measure in SQL reads (lib/data/raw): the deals' states today or as
// of a date (lib/data/deal-state.ts), narrowed by a condition (the /deals filters, dealFilterCondition), less the
// organizations a view excludes, as excludeOrganizations (lib/measures/exclusion.ts) takes them out: the deals they
// received are left out, and their parts of the deals they invested in are taken off the deal's amount, the
// co-investors keeping theirs. So the figures of a filtered, excluded or as-of view are summed in the database
// like those of the whole market today, without loading a deal into memory.
import "server-only";
import { sql, type Expression, type SqlBool } from "kysely";
import { dealsAsOf, type DealStates } from "../deal-state";
import type { Reads } from "../kysely";
import { onDeal, withInvestorShares, type OrganizationIds } from "./overview-figures";

export type ViewDeals = {
  /** The view's deals as `d`, with the Deal table's columns; amounts net of the excluded organizations' parts. */
  deals: DealStates;
  /** withInvestorShares over the view's deals that meet `dealCondition`: the remaining investors keep their parts. */
  shares: (dealCondition: Expression<SqlBool>) => ReturnType<typeof withInvestorShares>;
};

export type DealSelection = {
  asOf: string | null;
  /** A condition on the deals' states `d` (every live deal when absent). */
  condition?: Expression<SqlBool> | null;
  /** Slugs of the organizations to take out, their divisions already added (withDivisions). */
  excluded?: readonly string[];
};

export function viewDeals(reads: Reads, selection: DealSelection): ViewDeals {
  const base = dealsAsOf(reads, selection.asOf).where(selection.condition ?? onDeal("d.deletedAt", "is", null));
  const slugs = selection.excluded ?? [];
  if (slugs.length === 0) return { deals: base, shares: (condition) => withInvestorShares(reads, condition, base) };

  const excluded: OrganizationIds = reads
    .selectFrom("Organization")
    .where("slug", "in", [...slugs])
    .select("id");
  // The deals an excluded organization invested in, each with the excluded parts (as attributeToInvestors splits the
  // deal) and whether any part is left: another party's (named or not, a zero one included), or the unnamed rest of
  // a deal whose investors all stated commitments that fall short of it. A deal with no part left is left out.
  const touched = withInvestorShares(
    reads,
    onDeal("d.id", "in", onDeal.selectFrom("Participation as xp").where("xp.organizationId", "in", excluded).select("xp.dealId")),
    base,
  )
    .selectFrom("partShares")
    .groupBy("dealId")
    .select((eb) => {
      const isExcluded = eb("organizationId", "in", excluded);
      const remains = eb.and([eb.or([eb("organizationId", "is", null), eb.not(isExcluded)]), eb("share", "is not", null)]);
      const unnamedRest = eb.and([eb("openCount", "=", sql<bigint>`0`), eb("committedSum", "<", eb.ref("amount"))]);
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
  const adjusted = base
    .leftJoin(touched.as("x"), "x.dealId", "d.id")
    .where((eb) => eb.not(eb("d.recipientId", "in", excluded)))
    .where((eb) => eb.or([eb("x.dealId", "is", null), eb("x.kept", "=", 1)]))
    .select((eb) => [
      "d.id",
      "d.recipientId",
      "d.kind",
      "d.status",
      "d.round",
      "d.announcedOn",
      // The rest keeps the deal's basis: a low figure stays one, an "up to" figure an upper bound, none stays none.
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
      "d.amountQualifier",
      eb
        .case()
        .when(eb.or([eb("x.dealId", "is", null), eb("d.amountUsdKey", "is", null)]))
        .then(eb.ref("d.amountUsdKey"))
        .else(rest)
        .end()
        .as("amountUsdKey"),
      "d.originalCurrency",
      "d.originalAmount",
      "d.postMoneyValuationUsd",
      "d.stakeBps",
      "d.summary",
      "d.version",
      "d.createdAt",
      "d.updatedAt",
      "d.deletedAt",
    ]);
  return {
    // The same columns, names and types as Deal, as dealsAsOf gives them.
    deals: reads.selectFrom(adjusted.as("d")) as unknown as DealStates,
    // The remaining investors' parts are the ones they had: taken from the deals before their amounts were reduced.
    shares: (condition) => withInvestorShares(reads, condition, base, excluded),
  };
}
