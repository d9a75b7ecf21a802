// Concentration over time for one view's deals (lib/data/raw/view-deals.ts), summed in the database: per period, each
// recipient's counted capital, or each named investor's part as attributeToInvestors splits it
// (lib/data/raw/overview-figures.ts), plus the period's whole counted capital. The shares and the HHI are then the
// measure's own (concentrationOfTotals), so the figures equal concentrationSeries over the view's deals without
// loading a deal; a test compares them.
import "server-only";
import { sql } from "kysely";
import { UNDISCLOSED_KEY, type CountingRule, type EntityTotal, type Grain } from "../../measures/capital";
import { concentrationOfTotals, type ConcentrationPeriod, type Side } from "../../measures/concentration";
import { moneySum, toMoney } from "../kysely";
import { byAmountThenName, countedDeal, onDeal, periodOf } from "./overview-figures";
import type { ViewDeals } from "./view-deals";

export async function concentrationSeriesSql(
  options: { rule: CountingRule; grain: Grain; side: Side },
  view: ViewDeals,
): Promise<ConcentrationPeriod[]> {
  const { rule, grain, side } = options;
  if (rule.kinds.length === 0) return [];
  const counted = countedDeal(rule);
  const period = periodOf("d.announcedOn", grain);
  const amount = onDeal.fn.coalesce("d.amountUsdKey", sql<bigint>`0`);
  const [entities, periodTotals] = await Promise.all([
    side === "recipient"
      ? view.deals
          .innerJoin("Organization as o", "o.id", "d.recipientId")
          .where(counted)
          .groupBy((eb) => [period, eb.ref("o.id"), eb.ref("o.slug"), eb.ref("o.name")])
          .select([period.as("period"), "o.slug", "o.name", moneySum(amount).as("total")])
          .execute()
      : // The shares' announcedOn is the deal's: read under the alias d, the period is the same expression.
        (await view.shares(counted))
          .selectFrom("shares as d")
          .innerJoin("Organization as o", "o.id", "d.organizationId")
          .where("d.share", "is not", null)
          .groupBy((eb) => [period, eb.ref("o.id"), eb.ref("o.slug"), eb.ref("o.name")])
          .select((eb) => [period.as("period"), "o.slug", "o.name", moneySum(eb.ref("d.share")).as("total")])
          .execute(),
    // Every counted dollar of the period, unnamed investors' parts included (a deal's parts add up to the deal).
    view.deals
      .where(counted)
      .groupBy(() => [period])
      .select([period.as("period"), moneySum(amount).as("total")])
      .execute(),
  ]);
  const byPeriod = new Map<string, EntityTotal[]>();
  for (const r of entities) {
    const list = byPeriod.get(r.period) ?? [];
    list.push({ key: r.slug, name: r.name, amount: toMoney(r.total) });
    byPeriod.set(r.period, list);
  }
  const totalsByPeriod = new Map<string, EntityTotal[]>();
  for (const p of periodTotals) {
    const named = (byPeriod.get(p.period) ?? []).sort(byAmountThenName);
    const rest = toMoney(p.total) - named.reduce((s, e) => s + e.amount, 0n);
    totalsByPeriod.set(p.period, rest > 0n ? [...named, { key: UNDISCLOSED_KEY, name: "Undisclosed", amount: rest }] : named);
  }
  return concentrationOfTotals(totalsByPeriod, grain);
}
