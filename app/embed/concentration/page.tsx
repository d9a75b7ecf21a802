import type { Metadata } from "next";
import { concentrationRows, hhiTakeaway, HhiChartBody, hhiTitle } from "@/components/analysis/concentration-charts";
import { analysisEmbedView, type EmbedSearchParams } from "@/components/story/analysis-embed";
import { EmbedFrame } from "@/components/story/embed-frame";
import { getConcentration } from "@/lib/data/analysis";

export const metadata: Metadata = { title: "Concentration (embed)", robots: { index: false } };

/** The /analysis HHI chart alone, with the view's filters and asOf, for framing on other sites. */
export default async function EmbedConcentration({ searchParams }: { searchParams: EmbedSearchParams }) {
  const { view, fullHref } = await analysisEmbedView(searchParams, "hhi");
  const { periods } = await getConcentration(view);
  const side = view.side === "recipient" ? "recipients" : "investors";
  const rows = concentrationRows(periods);
  return (
    <EmbedFrame
      title={hhiTitle(view)}
      description={`Concentration of counted AI capital among ${side}: the sum of squared percentage shares, 0 to 10,000.`}
      takeaway={hhiTakeaway(view, rows)}
      asOf={view.filters.asOf}
      fullHref={fullHref}
    >
      <HhiChartBody view={view} rows={rows} />
    </EmbedFrame>
  );
}
