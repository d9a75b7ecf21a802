// The error bodies of the JSON API: one shape for bad parameters, one for what does not exist.
import type { FilterIssue } from "../filters/deal-filters";

export function invalidParameters(issues: FilterIssue[]): Response {
  return Response.json({ error: "invalid parameters", issues }, { status: 400 });
}

export function notFoundJson(message: string): Response {
  return Response.json({ error: "not found", message }, { status: 404 });
}
