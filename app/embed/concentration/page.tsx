import type { Metadata } from "next";
import { BAND_COLORS } from "@/components/analysis/concentration-charts";
import type { ChartRow } from "@/components/charts/chart-types";
import { TrendLineChart } from "@/components/charts/trend-line-chart";
import { EmbedFrame } from "@/components/story/embed-frame";
import { getConcentration } from "@/lib/data/analysis";
import { analysisViewToParams, parseAnalysisView } from "@/lib/filters/analysis-view";
import { formatPeriod } from "@/lib/format";
import { HHI_BANDS } from "@/lib/measures/concentration";

export const metadata: Metadata = { title: "Concentration (embed)", robots: { index: false } };

/** The /analysis HHI chart alone, with the view's filters and asOf, for framing on other sites. */
export default async function EmbedConcentration({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { view } = parseAnalysisView(await searchParams);
  const { periods } = await getConcentration(view);
  const side = view.side === "recipient" ? "recipients" : "investors";
  const per = view.grain === "year" ? "year" : "quarter";
  const rows: ChartRow[] = periods.flatMap((p) => (p.hhi === null ? [{ label: formatPeriod(p.period) }] : [{ label: formatPeriod(p.period), hhi: p.hhi }]));
  const params = analysisViewToParams(view);
  return (
    <EmbedFrame
      title={`Herfindahl-Hirschman index of ${side} per ${per}`}
      description={`Concentration of counted AI capital among ${side}: the sum of squared percentage shares, 0 to 10,000.`}
      asOf={view.filters.asOf}
      fullHref={`/analysis${params.size > 0 ? `?${params}` : ""}#hhi`}
    >
      {periods.length > 0 ? (
        <TrendLineChart
          rows={rows}
          series={[{ key: "hhi", label: "HHI", color: "var(--chart-hhi)" }]}
          format="number"
          domain={[0, 10_000]}
          bands={HHI_BANDS.map((b) => ({ from: b.from, to: b.to, label: b.label, color: BAND_COLORS[b.reading] }))}
          ariaLabel={`Line chart: HHI of ${side} per ${per}`}
        />
      ) : (
        <p className="text-sm">No counted capital in this view.</p>
      )}
    </EmbedFrame>
  );
}
