// Counted capital per period for charts and their CSV/JSON downloads.
import "server-only";
import { getDb } from "../db";
import { DEAL_KINDS, type DealKind } from "../domain";
import type { CapitalView } from "../filters/capital-view";
import { DEFAULT_RULE, type CountingRule, type PeriodTotal } from "../measures/capital";
import { readsOf } from "./kysely";
import { capitalByPeriodSql } from "./raw/capital-by-period";
import { viewDeals } from "./raw/view-deals";
import { cachedView, viewKey } from "./view-cache";

export type CapitalByPeriod = { view: CapitalView; kinds: DealKind[]; periods: PeriodTotal[] };

/** Cached per data version and view (lib/data/view-cache.ts). */
export function getCapitalByPeriod(view: CapitalView): Promise<CapitalByPeriod> {
  return cachedView(viewKey("capital-by-period", view), () => computeCapitalByPeriod(view));
}

async function computeCapitalByPeriod(view: CapitalView): Promise<CapitalByPeriod> {
  const db = await getDb();
  const rule: CountingRule = view.include === "commitments" ? { kinds: DEAL_KINDS, includePipeline: false } : DEFAULT_RULE;
  // Summed in SQL over the market's cells today, the deals' states as of a date: the same figures as capitalByPeriod
  // over every deal, without loading them.
  const periods = await capitalByPeriodSql(rule, view.grain, viewDeals(readsOf(db), { asOf: view.asOf }).cells);
  const present = new Set(periods.flatMap((p) => Object.keys(p.byKey)));
  return { view, kinds: rule.kinds.filter((k) => present.has(k)), periods };
}
