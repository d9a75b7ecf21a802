import { resolveFilterNames } from "@/lib/data/filter-names";
import { toCsv } from "@/lib/csv/write-csv";
import { getCircularFlows } from "@/lib/data/analysis";
import { parseAnalysisView, countingOf } from "@/lib/filters/analysis-view";
import { csvResponse, invalidParameters, wantsCsv } from "@/lib/api/responses";
import { CAPITAL_KINDS } from "@/lib/measures/capital";
import { SPEND_BACK_KINDS, type CircularLeg } from "@/lib/measures/circular-flows";
import { withErrorHandling } from "@/lib/request-id";
import { dealListHref } from "@/lib/story/deal-list-href";

/**
 * GET /api/stats/circular-flows[?pipeline&exclude...][&format=csv] plus the /deals filters: every investor -> company
 * -> investor loop with its capital legs and its spending legs, each leg with the deal's total and the payer's part of
 * it (moneyInUsd and moneyBackUsd are the sums of the parts), and the /deals address listing the loop's deals. The
 * CSV has one row per loop.
 */
export const GET = withErrorHandling(async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const { params: resolved, issues: nameIssues } = await resolveFilterNames(params);
  const { view, issues: viewIssues } = parseAnalysisView(resolved);
  const issues = [...nameIssues, ...viewIssues];
  if (issues.length > 0) return invalidParameters(issues);
  const { loops, excluded } = await getCircularFlows(view);
  if (wantsCsv(params)) {
    const header = ["investor", "company", "money_in_usd", "money_back_usd", "back_to_in", "in_deal_ids", "back_deal_ids"];
    const rows = loops.map((l) => [
      l.investor.key,
      l.company.key,
      l.inTotal,
      l.backTotal,
      l.backToIn,
      l.moneyIn.map((g) => g.dealId).join(" "),
      l.moneyBack.map((g) => g.dealId).join(" "),
    ]);
    return csvResponse("circular-flows.csv", toCsv(header, rows));
  }
  const leg = (g: CircularLeg) => ({
    dealId: g.dealId,
    href: `/deals/${g.dealId}`,
    kind: g.kind,
    status: g.status,
    announcedOn: g.announcedOn,
    from: { slug: g.from.key, name: g.from.name },
    to: { slug: g.to.key, name: g.to.name },
    amountUsd: Number(g.amount),
    amountBasis: g.basis,
    dealAmountUsd: Number(g.dealAmount),
  });
  return Response.json({
    counting: {
      moneyInKinds: CAPITAL_KINDS,
      moneyBackKinds: SPEND_BACK_KINDS,
      pipeline: view.pipeline,
      excluded: countingOf(view, excluded).excluded,
    },
    loops: loops.map((l) => ({
      investor: { slug: l.investor.key, name: l.investor.name },
      company: { slug: l.company.key, name: l.company.name },
      moneyInUsd: Number(l.inTotal),
      moneyBackUsd: Number(l.backTotal),
      backToIn: l.backToIn,
      dealsHref: dealListHref(
        [...l.moneyIn, ...l.moneyBack].map((g) => g.dealId),
        view.filters.asOf,
      ),
      moneyIn: l.moneyIn.map(leg),
      moneyBack: l.moneyBack.map(leg),
    })),
  });
});
