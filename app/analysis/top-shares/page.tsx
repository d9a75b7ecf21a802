import type { Metadata } from "next";
import { AnalysisSectionPage, readAnalysisQuery } from "@/components/analysis/analysis-page-frame";
import { TOP_SHARES_PATH, TopSharesChart } from "@/components/analysis/concentration-charts";
import { getConcentration } from "@/lib/data/analysis";

export const metadata: Metadata = { title: "Top shares of counted capital" };

type Query = Record<string, string | string[] | undefined>;

/** /analysis's top 1, 3 and 5 shares per period, for the same view (its side and grain from the address). */
export default async function AnalysisTopSharesPage({ searchParams }: { searchParams: Promise<Query> }) {
  const { view, issues } = await readAnalysisQuery(TOP_SHARES_PATH, await searchParams);
  const { periods } = await getConcentration(view);
  return (
    <AnalysisSectionPage
      path={TOP_SHARES_PATH}
      view={view}
      issues={issues}
      title="Top shares of counted capital"
      intro="How much of each period’s counted capital went to the largest one, three and five recipients or investors of the view."
    >
      <TopSharesChart view={view} periods={periods} />
    </AnalysisSectionPage>
  );
}
