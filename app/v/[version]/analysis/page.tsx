// The bare "/analysis" as a cached page per data version (see app/v/[version]/page.tsx and proxy.ts).
import type { Metadata } from "next";
import { AnalysisView } from "@/components/analysis/analysis-view";
import { analysisCard } from "@/lib/share/cards";
import { shareMetadata } from "@/lib/share/share-card";

export const dynamicParams = true;
export function generateStaticParams(): { version: string }[] {
  return [];
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: "Concentration and flows", ...shareMetadata(await analysisCard()) };
}

export default function CachedAnalysisPage() {
  return <AnalysisView query={{}} />;
}
