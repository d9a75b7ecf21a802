import { csvResponse } from "@/lib/api/responses";
import { getCapitalByPeriod } from "@/lib/data/capital";
import { KIND_LABELS } from "@/lib/domain";
import { toCsv } from "@/lib/csv/write-csv";
import { parseCapitalView } from "@/lib/filters/capital-view";
import { withErrorHandling } from "@/lib/request-id";

/** GET /api/stats/capital-by-period?grain=quarter|year&include=capital|commitments[&format=csv] */
export const GET = withErrorHandling(async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const data = await getCapitalByPeriod(parseCapitalView(params));
  if (params.format === "csv") {
    const header = ["period", ...data.kinds.map((k) => `${k}_usd`), "total_usd"];
    const rows = data.periods.map((p) => [p.period, ...data.kinds.map((k) => p.byKey[k] ?? 0n), p.total]);
    return csvResponse(`capital-by-${data.view.grain}-${data.view.include}.csv`, toCsv(header, rows));
  }
  return Response.json({
    grain: data.view.grain,
    include: data.view.include,
    series: data.kinds.map((k) => ({ kind: k, label: KIND_LABELS[k] })),
    data: data.periods.map((p) => ({
      period: p.period,
      totalUsd: Number(p.total),
      byKind: Object.fromEntries(data.kinds.map((k) => [k, Number(p.byKey[k] ?? 0n)])),
    })),
  });
});
