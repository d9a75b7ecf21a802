import { listOrganizations } from "@/lib/data/organizations";
import { parseOrganizationFilters } from "@/lib/filters/organization-filters";
import { withErrorHandling } from "@/lib/request-id";

/** GET /api/organizations?q=&type= : every organization matching the search, by name, with its deal counts. */
export const GET = withErrorHandling(async function GET(request: Request) {
  const { filters, issues } = parseOrganizationFilters(new URL(request.url).searchParams);
  if (issues.length > 0) return Response.json({ error: "invalid parameters", issues }, { status: 400 });
  const data = await listOrganizations(filters);
  return Response.json({ filters, total: data.length, data });
});
