import { csvResponse } from "@/lib/api/responses";
import { toCsv } from "@/lib/csv/write-csv";
import { getFundingHistory } from "@/lib/data/company";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { parseApiDateWindow } from "@/lib/api/parse-api-date-window";
import { withErrorHandling } from "@/lib/request-id";

/**
 * GET /api/organizations/[slug]/funding-rounds[?format=csv]: counted equity and convertible rounds per date, with
 * valuations, and (JSON) every valuation mark with its deals and sources.
 */
export const GET = withErrorHandling(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { window, asOf, error } = parseApiDateWindow(request);
  if (error) return error;
  const company = isOrganizationSlug(slug) ? await getFundingHistory(slug, asOf, window) : null;
  if (!company) return Response.json({ error: "not found", slug }, { status: 404 });
  if (new URL(request.url).searchParams.get("format") === "csv") {
    const header = ["date", "counted_usd", "deals", "undisclosed_deals", "post_money_valuation_usd"];
    const rows = company.rounds.map((r) => [r.date, r.amount, r.deals, r.undisclosedDeals, r.postMoneyValuation]);
    return csvResponse(`${slug}-funding-rounds.csv`, toCsv(header, rows));
  }
  return Response.json({
    slug,
    data: company.rounds.map((r) => ({
      date: r.date,
      countedUsd: Number(r.amount),
      deals: r.deals,
      undisclosedDeals: r.undisclosedDeals,
      postMoneyValuationUsd: r.postMoneyValuation === null ? null : Number(r.postMoneyValuation),
    })),
    // Every valuation mark (rounds, secondary sales, tender offers, recapitalizations), what the chart's line draws.
    valuations: company.valuations.map((m) => ({
      date: m.date,
      valuationUsd: Number(m.valuationUsd),
      name: m.name,
      kind: m.kind,
      dealIds: m.deals.map((d) => d.id),
      recipient: m.recipient,
      sources: m.sources,
    })),
  });
});
