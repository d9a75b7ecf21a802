import type { Metadata } from "next";
import { AnalysisSectionPage, readAnalysisQuery } from "@/components/analysis/analysis-page-frame";
import { CapitalByKindChart, KINDS_PATH } from "@/components/analysis/capital-by-kind-chart";
import { getCapitalByKind } from "@/lib/data/analysis";

export const metadata: Metadata = { title: "Counted amounts by kind" };

type Query = Record<string, string | string[] | undefined>;

/** /analysis's counted amounts per period by kind, for the same view (its count and grain from the address). */
export default async function AnalysisKindsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const { view, issues } = await readAnalysisQuery(KINDS_PATH, await searchParams);
  const data = await getCapitalByKind(view);
  return (
    <AnalysisSectionPage
      path={KINDS_PATH}
      view={view}
      issues={issues}
      title="Counted amounts by kind"
      intro="The view’s counted amounts per year or quarter, one colour per kind of deal."
    >
      <CapitalByKindChart view={view} data={data} />
    </AnalysisSectionPage>
  );
}
