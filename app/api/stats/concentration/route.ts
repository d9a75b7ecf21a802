import { resolveFilterNames } from "@/lib/data/filter-names";
import { toCsv } from "@/lib/csv/write-csv";
import { getConcentration } from "@/lib/data/analysis";
import { parseAnalysisView, countingOf } from "@/lib/filters/analysis-view";
import { csvResponse, invalidParameters, wantsCsv } from "@/lib/api/responses";
import { withErrorHandling } from "@/lib/request-id";

/**
 * GET /api/stats/concentration?grain=year|quarter&side=recipient|investor[&count&pipeline&exclude...][&format=csv]
 * plus the /deals filters. Shares are fractions 0-1; the HHI uses percentage shares (0-10,000); both are null for a
 * period without counted capital.
 */
export const GET = withErrorHandling(async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const { params: resolved, issues: nameIssues } = await resolveFilterNames(params);
  const { view, issues: viewIssues } = parseAnalysisView(resolved);
  const issues = [...nameIssues, ...viewIssues];
  if (issues.length > 0) return invalidParameters(issues);
  const { periods, excluded } = await getConcentration(view);
  if (wantsCsv(params)) {
    const header = ["period", "total_usd", "hhi", "top1_share", "top3_share", "top5_share", "largest", "largest_usd"];
    const rows = periods.map((p) => [p.period, p.total, p.hhi, p.top1, p.top3, p.top5, p.leaders[0]?.key, p.leaders[0]?.amount]);
    return csvResponse(`concentration-${view.side}-by-${view.grain}.csv`, toCsv(header, rows));
  }
  return Response.json({
    grain: view.grain,
    side: view.side,
    counting: countingOf(view, excluded),
    data: periods.map((p) => ({
      period: p.period,
      totalUsd: Number(p.total),
      hhi: p.hhi,
      top1Share: p.top1,
      top3Share: p.top3,
      top5Share: p.top5,
      leaders: p.leaders.map((l) => ({ slug: l.key, name: l.name, amountUsd: Number(l.amount), share: l.share })),
    })),
  });
});
