import type { Metadata } from "next";
import { AnalysisView } from "@/components/analysis/analysis-view";
import { analysisCard } from "@/lib/share/cards";
import { shareMetadata } from "@/lib/share/share-card";

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}): Promise<Metadata> {
  // Reading the request's parameters keeps the card's figures current (computed per request, not at build).
  await searchParams;
  return { title: "Concentration and flows", ...shareMetadata(await analysisCard()) };
}

// Per request: /analysis with parameters. The bare "/analysis" is rewritten by proxy.ts to the cached
// app/v/[version]/analysis/page.tsx.
export default async function AnalysisPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <AnalysisView query={await searchParams} />;
}
