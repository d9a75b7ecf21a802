import type { Metadata } from "next";
import {
  concentrationRows,
  TOP_SHARES_PATH,
  topSharesTakeaway,
  TopSharesChartBody,
  topSharesTitle,
} from "@/components/analysis/concentration-charts";
import { analysisEmbedView, type EmbedSearchParams } from "@/components/story/analysis-embed";
import { EmbedFrame } from "@/components/story/embed-frame";
import { getConcentration } from "@/lib/data/analysis";

export const metadata: Metadata = { title: "Top shares (embed)", robots: { index: false } };

/** The /analysis/top-shares chart (the top 1/3/5 shares) alone, with the view's filters and asOf, for framing on other sites. */
export default async function EmbedTopShares({ searchParams }: { searchParams: EmbedSearchParams }) {
  const { view, fullHref } = await analysisEmbedView(searchParams, "top-shares", TOP_SHARES_PATH);
  const { periods } = await getConcentration(view);
  const side = view.side === "recipient" ? "recipients" : "investors";
  const rows = concentrationRows(periods);
  return (
    <EmbedFrame
      title={topSharesTitle(view)}
      description={`Each period, the part of its counted AI capital that went to the largest ${side}.`}
      takeaway={topSharesTakeaway(view, rows)}
      asOf={view.filters.asOf}
      fullHref={fullHref}
    >
      <TopSharesChartBody view={view} rows={rows} />
    </EmbedFrame>
  );
}
