import type { Metadata } from "next";
import { CapitalByKindBody, capitalByKindTitle, KINDS_PATH } from "@/components/analysis/capital-by-kind-chart";
import { analysisEmbedView, type EmbedSearchParams } from "@/components/story/analysis-embed";
import { EmbedFrame } from "@/components/story/embed-frame";
import { getCapitalByKind } from "@/lib/data/analysis";

export const metadata: Metadata = { title: "Counted amounts by kind (embed)", robots: { index: false } };

/** The /analysis/kinds counted-amounts-by-kind chart alone, with the view's filters and asOf, for framing on other sites. */
export default async function EmbedCapitalByKind({ searchParams }: { searchParams: EmbedSearchParams }) {
  const { view, fullHref } = await analysisEmbedView(searchParams, "capital-by-kind", KINDS_PATH);
  const data = await getCapitalByKind(view);
  return (
    <EmbedFrame
      title={capitalByKindTitle(view)}
      description={
        view.count === "capital"
          ? "Equity and convertible investments in AI companies, announced or closed, at their low amount, in US dollars."
          : "Each kind in its own colour, in US dollars. Compute, cloud and chip commitments are purchase contracts, not investment."
      }
      asOf={view.filters.asOf}
      fullHref={fullHref}
    >
      <CapitalByKindBody view={view} data={data} />
    </EmbedFrame>
  );
}
