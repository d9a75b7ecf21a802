// Counted capital per period for charts and their CSV/JSON downloads.
import "server-only";
import { getDb } from "../db";
import { DEAL_KINDS, type DealKind } from "../domain";
import type { CapitalView } from "../filters/capital-view";
import { capitalByPeriod, DEFAULT_RULE, type CountingRule, type PeriodTotal } from "../measures/capital";
import { loadMeasureDeals } from "./measure-deals";

export type CapitalByPeriod = { view: CapitalView; kinds: DealKind[]; periods: PeriodTotal[] };

export async function getCapitalByPeriod(view: CapitalView): Promise<CapitalByPeriod> {
  const deals = await loadMeasureDeals(await getDb(), {}, view.asOf ? { date: view.asOf } : null);
  const rule: CountingRule = view.include === "commitments" ? { kinds: DEAL_KINDS, includePipeline: false } : DEFAULT_RULE;
  const periods = capitalByPeriod(deals, { rule, grain: view.grain, stackBy: "kind" });
  const present = new Set(periods.flatMap((p) => Object.keys(p.byKey)));
  return { view, kinds: rule.kinds.filter((k) => present.has(k)), periods };
}
