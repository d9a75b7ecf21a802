// The responses the /api/stats endpoints of the analysis share: 400 naming each bad parameter, CSV downloads, and
// the description of what a view counts, repeated in every JSON answer so a saved file says what it holds.
import type { FilterIssue } from "../filters/deal-filters";
import { countingRule, type AnalysisView } from "../filters/analysis-view";

export function invalidParamsResponse(issues: FilterIssue[]): Response {
  return Response.json({ error: "Invalid query parameters", issues }, { status: 400 });
}

export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
}

export function wantsCsv(params: URLSearchParams): boolean {
  return params.get("format") === "csv";
}

export function countingOf(view: AnalysisView, excluded: { key: string; name: string }[]) {
  return {
    kinds: countingRule(view).kinds,
    pipeline: view.pipeline,
    excluded: excluded.map((e) => ({ slug: e.key, name: e.name })),
  };
}
