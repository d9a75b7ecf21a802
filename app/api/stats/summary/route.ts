import { parseApiDealFilters } from "@/lib/api/parse-api-deal-filters";
import { getDealStats } from "@/lib/data/deal-stats";
import { withErrorHandling } from "@/lib/request-id";

/**
 * GET /api/stats/summary: deal count and capital counted (lib/measures) over the deals the /deals filters select; with
 * an investor filter, also the investors' attributed part of it (`attributed`; null without one).
 */
export const GET = withErrorHandling(async function GET(request: Request) {
  const { filters, error } = await parseApiDealFilters(request);
  if (error) return error;
  const stats = await getDealStats(filters);
  return Response.json({
    capitalCountedUsd: Number(stats.capital.total),
    dealCount: stats.dealCount,
    countedDealCount: stats.capital.dealCount,
    undisclosedCount: stats.capital.undisclosedCount,
    upperBoundUsd: Number(stats.capital.upperBoundTotal),
    attributed: stats.attributed
      ? {
          capitalAttributedUsd: Number(stats.attributed.total),
          countedDeals: stats.attributed.countedDeals,
          undisclosedDeals: stats.attributed.undisclosedDeals,
          upperBoundUsd: Number(stats.attributed.upperBoundPart),
        }
      : null,
  });
});
