import { resolveFilterNames } from "@/lib/data/filter-names";
import { toCsv } from "@/lib/csv/write-csv";
import { getCapitalByKind } from "@/lib/data/analysis";
import { KIND_LABELS } from "@/lib/domain";
import { parseAnalysisView, countingOf } from "@/lib/filters/analysis-view";
import { csvResponse, invalidParameters, wantsCsv } from "@/lib/api/responses";
import { withErrorHandling } from "@/lib/request-id";

/** GET /api/stats/capital-by-kind?grain=year|quarter[&count&pipeline&exclude...][&format=csv] plus the /deals filters. */
export const GET = withErrorHandling(async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const { params: resolved, issues: nameIssues } = await resolveFilterNames(params);
  const { view, issues: viewIssues } = parseAnalysisView(resolved);
  const issues = [...nameIssues, ...viewIssues];
  if (issues.length > 0) return invalidParameters(issues);
  const { kinds, periods, excluded } = await getCapitalByKind(view);
  if (wantsCsv(params)) {
    const header = ["period", ...kinds.map((k) => `${k}_usd`), "total_usd"];
    const rows = periods.map((p) => [p.period, ...kinds.map((k) => p.byKey[k] ?? 0n), p.total]);
    return csvResponse(`capital-by-kind-by-${view.grain}.csv`, toCsv(header, rows));
  }
  return Response.json({
    grain: view.grain,
    counting: countingOf(view, excluded),
    series: kinds.map((k) => ({ kind: k, label: KIND_LABELS[k] })),
    data: periods.map((p) => ({
      period: p.period,
      totalUsd: Number(p.total),
      byKind: Object.fromEntries(kinds.map((k) => [k, Number(p.byKey[k] ?? 0n)])),
    })),
  });
});
