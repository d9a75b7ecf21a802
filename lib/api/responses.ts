// The shared responses of the API: one shape for bad parameters, one for what does not exist, one for CSV downloads.
import type { FilterIssue } from "../filters/deal-filters";

export function invalidParameters(issues: FilterIssue[]): Response {
  return Response.json({ error: "invalid parameters", issues }, { status: 400 });
}

/**
 * An issue for each parameter of `params` not in `known`, naming the parameters taken (`listed`, by default `known`):
 * a typo such as `investors=` would otherwise be ignored and answer as if there were no filter.
 */
export function unknownParameters(params: URLSearchParams, known: readonly string[], listed: readonly string[] = known): FilterIssue[] {
  const taken = new Set(known);
  return [...new Set(params.keys())]
    .filter((name) => !taken.has(name))
    .map((name) => ({
      param: name,
      value: params.getAll(name).join(","),
      message: `unknown parameter; the parameters are ${listed.join(", ")}`,
    }));
}

export function notFoundJson(message: string): Response {
  return Response.json({ error: "not found", message }, { status: 404 });
}

export function csvResponse(filename: string, csv: string | ReadableStream<Uint8Array>): Response {
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
}

export function wantsCsv(params: URLSearchParams): boolean {
  return params.get("format") === "csv";
}
