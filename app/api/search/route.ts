import { invalidParameters } from "@/lib/api/responses";
import { searchSite } from "@/lib/data/search";
import { parseSearchQuery, SEARCH_PARAMS } from "@/lib/filters/search-query";
import type { FilterIssue } from "@/lib/filters/deal-filters";
import { withErrorHandling } from "@/lib/request-id";

const KNOWN = new Set<string>(SEARCH_PARAMS);

/** GET /api/search?q=&limit= : organizations by name or alias (typos forgiven), then deals, best first. */
export const GET = withErrorHandling(async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const { query, issues } = parseSearchQuery(params);
  const unknown: FilterIssue[] = [...new Set(params.keys())]
    .filter((name) => !KNOWN.has(name))
    .map((name) => ({
      param: name,
      value: params.getAll(name).join(","),
      message: `unknown parameter; the parameters are ${SEARCH_PARAMS.join(", ")}`,
    }));
  if (issues.length + unknown.length > 0) return invalidParameters([...issues, ...unknown]);
  const { organizations, deals } = await searchSite(query.q, query.limit);
  return Response.json({
    q: query.q,
    organizations: organizations.map((o) => ({ slug: o.slug, name: o.name, type: o.type, matched: o.matched, href: o.href })),
    deals: deals.map((d) => ({
      ...d,
      amountUsdLow: d.amountUsdLow === null ? null : Number(d.amountUsdLow),
      amountUsdHigh: d.amountUsdHigh === null ? null : Number(d.amountUsdHigh),
    })),
  });
});
