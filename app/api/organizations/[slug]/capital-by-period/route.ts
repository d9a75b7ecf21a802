import { csvResponse } from "@/lib/api/responses";
import { toCsv } from "@/lib/csv/write-csv";
import { getInvestor } from "@/lib/data/investor";
import { KIND_LABELS } from "@/lib/domain";
import { isOrganizationSlug } from "@/lib/filters/organization-filters";
import { parseGrain } from "@/lib/filters/period-grain";
import { parseApiDateWindow } from "@/lib/api/parse-api-date-window";
import { withErrorHandling } from "@/lib/request-id";

/** GET /api/organizations/[slug]/capital-by-period?grain=year|quarter[&format=csv]: the investor's attributed counted capital. */
export const GET = withErrorHandling(async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const { window, asOf, error } = parseApiDateWindow(request);
  if (error) return error;
  const investor = isOrganizationSlug(slug) ? await getInvestor(slug, parseGrain(search.get("grain")), asOf, window) : null;
  if (!investor) return Response.json({ error: "not found", slug }, { status: 404 });
  const { grain, kinds, periods } = investor;
  if (search.get("format") === "csv") {
    const header = ["period", ...kinds.map((k) => `${k}_usd`), "total_usd"];
    const rows = periods.map((p) => [p.period, ...kinds.map((k) => p.byKey[k] ?? 0n), p.total]);
    return csvResponse(`${slug}-capital-by-${grain}.csv`, toCsv(header, rows));
  }
  return Response.json({
    slug,
    grain,
    series: kinds.map((k) => ({ kind: k, label: KIND_LABELS[k] })),
    data: periods.map((p) => ({
      period: p.period,
      totalUsd: Number(p.total),
      byKind: Object.fromEntries(kinds.map((k) => [k, Number(p.byKey[k] ?? 0n)])),
    })),
  });
});
