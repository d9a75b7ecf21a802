// A section of /analysis at its bare address (/analysis/flows, no query) as a cached page per data version: proxy.ts
// rewrites it here (see app/v/[version]/page.tsx). The whole market's view is the same for every visitor until the
// next write, so it is rendered once per version instead of on each request.
import type { Metadata } from "next";
import { analysisSectionPage } from "@/components/analysis/analysis-section-pages";
import { ANALYSIS_CARD_ALT } from "@/lib/share/cards";
import { withShareImage } from "@/lib/share/share-card";

type Props = { params: Promise<{ version: string; section: string }> };

export const dynamicParams = true;
export function generateStaticParams(): { version: string; section: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { title } = analysisSectionPage((await params).section);
  // app/analysis/opengraph-image.tsx is /analysis's and its sections' card: under this route it is named explicitly.
  return withShareImage({ title, openGraph: {}, twitter: {} }, "/analysis/opengraph-image", ANALYSIS_CARD_ALT);
}

export default async function CachedAnalysisSectionPage({ params }: Props) {
  return analysisSectionPage((await params).section).render({});
}
