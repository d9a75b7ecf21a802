// The shared responses of the API: one shape for bad parameters, one for what does not exist, one for CSV downloads.
import type { FilterIssue } from "../filters/deal-filters";

export function invalidParameters(issues: FilterIssue[]): Response {
  return Response.json({ error: "invalid parameters", issues }, { status: 400 });
}

export function notFoundJson(message: string): Response {
  return Response.json({ error: "not found", message }, { status: 404 });
}

export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
}

export function wantsCsv(params: URLSearchParams): boolean {
  return params.get("format") === "csv";
}
