// The bare "/analysis" as a cached page per data version (see app/v/[version]/page.tsx and proxy.ts).
import type { Metadata } from "next";
import { AnalysisView } from "@/components/analysis/analysis-view";
import { ANALYSIS_CARD_ALT, analysisCard } from "@/lib/share/cards";
import { SHARE_CARD_SIZE, SHARE_CARD_TYPE, shareMetadata } from "@/lib/share/share-card";

export const dynamicParams = true;
export function generateStaticParams(): { version: string }[] {
  return [];
}

// app/analysis/opengraph-image.tsx belongs to /analysis: under this route it is named explicitly.
const image = {
  url: "/analysis/opengraph-image",
  width: SHARE_CARD_SIZE.width,
  height: SHARE_CARD_SIZE.height,
  type: SHARE_CARD_TYPE,
  alt: ANALYSIS_CARD_ALT,
};

export async function generateMetadata(): Promise<Metadata> {
  const card = shareMetadata(await analysisCard());
  return {
    title: "Concentration and flows",
    openGraph: { ...card.openGraph, images: [image] },
    twitter: { ...card.twitter, images: [image] },
  };
}

export default function CachedAnalysisPage() {
  return <AnalysisView query={{}} />;
}
