import { toDealJson } from "@/lib/api/deal-json";
import { parseApiDealFilters } from "@/lib/api/parse-api-deal-filters";
import { listDeals } from "@/lib/data/deals";
import { withErrorHandling } from "@/lib/request-id";

/** GET /api/deals: one page of the deals the /deals filters select, in the same order. */
export const GET = withErrorHandling(async function GET(request: Request) {
  const { filters, error } = await parseApiDealFilters(request);
  if (error) return error;
  const page = await listDeals(filters);
  return Response.json({ data: page.data.map(toDealJson), total: page.total, page: page.page, pageSize: page.pageSize });
});
