import { usd } from "@/lib/api/deal-json";
import { invalidParameters, unknownParameters } from "@/lib/api/responses";
import { searchSite } from "@/lib/data/search";
import { parseSearchQuery, SEARCH_PARAMS } from "@/lib/filters/search-query";
import { withErrorHandling } from "@/lib/request-id";

/** GET /api/search?q=&limit= : organizations by name or alias (typos forgiven), then deals, best first. */
export const GET = withErrorHandling(async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const { query, issues } = parseSearchQuery(params);
  const unknown = unknownParameters(params, SEARCH_PARAMS);
  if (issues.length + unknown.length > 0) return invalidParameters([...issues, ...unknown]);
  const { organizations, deals } = await searchSite(query.q, query.limit);
  return Response.json({
    q: query.q,
    organizations: organizations.map((o) => ({ slug: o.slug, name: o.name, type: o.type, matched: o.matched, href: o.href })),
    deals: deals.map((d) => ({
      ...d,
      amountUsdLow: usd(d.amountUsdLow),
      amountUsdHigh: usd(d.amountUsdHigh),
    })),
  });
});
